// Parameters are documented where they need more than their name.
#pragma warning disable CS1573

namespace Lantern.Core.Analysis.Charts;

/// <summary>The numbers behind a chart, as a table for screen readers and for anyone who prefers figures.</summary>
/// <param name="Caption">What the table shows.</param>
/// <param name="Headers">Column headings; the first column is the row heading.</param>
/// <param name="Rows">Cells as text, one list per row, the first cell being the row heading.</param>
public sealed record ChartTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// A chart drawn on the server: SVG markup (<c>role="img"</c>, a <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>,
/// presentation attributes only, never a <c>style</c> attribute), its data table, and a one-paragraph summary.
/// </summary>
/// <param name="Id">An id unique on the page (letters, digits and hyphens), used for the SVG's title and description ids.</param>
/// <param name="Svg">Complete, well-formed SVG markup; every text in it is XML-escaped.</param>
public sealed record Chart(string Id, string Title, string Svg, ChartTable Table, string Summary);
