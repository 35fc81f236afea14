// Parameters are documented where they need more than their name.
#pragma warning disable CS1573

using System.Globalization;
using System.Security;
using System.Text;

namespace Lantern.Core.Analysis.Charts;

/// <summary>
/// Draws bar charts, trend lines and heat maps as SVG for pages that work without JavaScript and under a content
/// security policy that forbids inline style. Sizes are in SVG user units; the SVG scales to its container
/// (<c>viewBox</c>, width 100%). Pure and deterministic: the same data gives the same markup.
/// </summary>
public static class SvgCharts
{
    /// <summary>GOV.UK blue, for single-series bars.</summary>
    public const string BarColour = "#1d70b8";

    // Distinguishable on white and to most colour-blind readers (GOV.UK palette); series beyond it reuse colours with dashes.
    private static readonly string[] Palette = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#5694ca", "#b58840", "#d53880"];

    private const int LabelWidth = 290;
    private const int BarHeight = 22;
    private const int Gap = 6;
    private const int Width = 760;

    /// <summary>A horizontal bar chart: one bar per item, in the order given. Empty data gives a chart saying so.</summary>
    /// <param name="labelHeading">Heading of the label column in the data table ("Theme").</param>
    /// <param name="valueHeading">Heading of the value column ("Reviews").</param>
    public static Chart Bars(string id, string title, IReadOnlyList<(string Label, int Value)> bars, string labelHeading, string valueHeading)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(60, (bars.Count * (BarHeight + Gap)) + 30);
        var plot = Width - LabelWidth - 60;
        var svg = Open(id, title, Width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 10 + (i * (BarHeight + Gap));
            var w = bars[i].Value * plot / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#0b0c0c\">{Esc(Clip(bars[i].Label, 34))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{N(w)}\" height=\"{BarHeight}\" fill=\"{BarColour}\"><title>{Esc(bars[i].Label)}: {bars[i].Value}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(LabelWidth + w + 6)}\" y=\"{y + 16}\" font-size=\"14\" fill=\"#0b0c0c\">{bars[i].Value}</text>");
        }

        if (bars.Count == 0)
        {
            svg.Append("<text x=\"10\" y=\"30\" font-size=\"16\" fill=\"#0b0c0c\">No data to show.</text>");
        }

        svg.Append("</svg>");
        var total = bars.Sum(b => b.Value);
        var table = new ChartTable(title, [labelHeading, valueHeading], [.. bars.Select(b => (IReadOnlyList<string>)[b.Label, b.Value.ToString(CultureInfo.InvariantCulture)])]);
        string summary;
        if (bars.Count == 0 || total == 0)
        {
            summary = $"{title}: there is nothing to count yet.";
        }
        else
        {
            var top = bars.OrderByDescending(b => b.Value).Take(3).Where(b => b.Value > 0).ToList();
            summary = $"{title}. The largest is {top[0].Label} ({top[0].Value})"
                + (top.Count > 1 ? ", then " + string.Join(" and ", top.Skip(1).Select(b => $"{b.Label} ({b.Value})")) : "")
                + $". {bars.Count} {(bars.Count == 1 ? "item" : "items")} shown.";
        }

        return new Chart(id, title, svg.ToString(), table, summary);
    }

    /// <summary>Trend lines: one line per series over the x labels (years), with a point marker per value.</summary>
    public static Chart Lines(string id, string title, IReadOnlyList<string> xLabels, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> series, string xHeading)
    {
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(series);
        const int left = 50, top = 20, plotHeight = 260, legendRow = 20;
        var height = top + plotHeight + 40 + (series.Count * legendRow) + 10;
        var plotWidth = Width - left - 30;
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = Open(id, title, Width, height);
        double X(int i) => left + (xLabels.Count <= 1 ? plotWidth / 2.0 : i * plotWidth / (double)(xLabels.Count - 1));
        double Y(int v) => top + plotHeight - (v * plotHeight / (double)max);

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\" stroke=\"#0b0c0c\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\" stroke=\"#0b0c0c\"/>");
        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{N(Y(tick) + 5)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{tick}</text>");
        }

        for (var i = 0; i < xLabels.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(i))}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">{Esc(xLabels[i])}</text>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var dash = s >= Palette.Length ? " stroke-dasharray=\"6 3\"" : "";
            var values = series[s].Values;
            var pointsAttr = string.Join(' ', Enumerable.Range(0, Math.Min(values.Count, xLabels.Count)).Select(i => $"{N(X(i))},{N(Y(values[i]))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{pointsAttr}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>");
            for (var i = 0; i < Math.Min(values.Count, xLabels.Count); i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(values[i]))}\" r=\"4\" fill=\"{colour}\"><title>{Esc(series[s].Name)}, {Esc(xLabels[i])}: {values[i]}</title></circle>");
            }

            var ly = top + plotHeight + 40 + (s * legendRow);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{ly - 10}\" width=\"14\" height=\"4\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 20}\" y=\"{ly - 4}\" font-size=\"13\" fill=\"#0b0c0c\">{Esc(series[s].Name)}</text>");
        }

        svg.Append("</svg>");
        var table = new ChartTable(title, [xHeading, .. series.Select(s => s.Name)],
            [.. xLabels.Select((x, i) => (IReadOnlyList<string>)[x, .. series.Select(s => i < s.Values.Count ? s.Values[i].ToString(CultureInfo.InvariantCulture) : "")])]);
        return new Chart(id, title, svg.ToString(), table, LineSummary(title, xLabels, series));
    }

    /// <summary>
    /// A heat map of a matrix: cell shade by <paramref name="shade"/> (0–1 after scaling to the largest), text by
    /// <paramref name="cellText"/>. Rows and columns in the order given.
    /// </summary>
    public static Chart HeatMap(string id, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns,
        Func<string, string, double> shade, Func<string, string, string> cellText, string summary, string rowHeading)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(shade);
        ArgumentNullException.ThrowIfNull(cellText);
        const int rowLabel = 230, colLabelHeight = 150, cell = 58;
        // Room on the right for the last column's slanted label.
        var width = rowLabel + (columns.Count * cell) + 130;
        var height = colLabelHeight + (rows.Count * cell) + 20;
        var max = rows.SelectMany(r => columns.Select(c => shade(r, c))).DefaultIfEmpty(0).Max();
        var svg = Open(id, title, width, height, fixedWidth: true);
        for (var c = 0; c < columns.Count; c++)
        {
            var x = rowLabel + (c * cell) + (cell / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{colLabelHeight - 8}\" transform=\"rotate(-50 {x} {colLabelHeight - 8})\" font-size=\"12\" fill=\"#0b0c0c\">{Esc(Clip(columns[c], 26))}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = colLabelHeight + (r * cell);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{rowLabel - 8}\" y=\"{y + (cell / 2) + 5}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{Esc(Clip(rows[r], 32))}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var value = max <= 0 ? 0 : Math.Clamp(shade(rows[r], columns[c]) / max, 0, 1);
                var fill = Blend(value);
                var text = cellText(rows[r], columns[c]);
                var x = rowLabel + (c * cell);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"{fill}\"><title>{Esc(rows[r])} and {Esc(columns[c])}: {Esc(text)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((cell - 2) / 2)}\" y=\"{y + (cell / 2) + 4}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{(value > 0.55 ? "#ffffff" : "#0b0c0c")}\">{Esc(text)}</text>");
            }
        }

        svg.Append("</svg>");
        var table = new ChartTable(title, [rowHeading, .. columns], [.. rows.Select(r => (IReadOnlyList<string>)[r, .. columns.Select(c => cellText(r, c))])]);
        return new Chart(id, title, svg.ToString(), table, summary);
    }

    // A heat map keeps its natural size (a few columns must not blow up to the page's width); the others fill it.
    private static StringBuilder Open(string id, string title, int width, int height, bool fixedWidth = false)
    {
        var svg = new StringBuilder();
        var size = fixedWidth ? $"width=\"{width}\" height=\"{height}\"" : "width=\"100%\"";
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart__svg\" id=\"{Esc(id)}\" role=\"img\" aria-labelledby=\"{Esc(id)}-title\" viewBox=\"0 0 {width} {height}\" {size} preserveAspectRatio=\"xMinYMin meet\" font-family=\"system-ui, sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Esc(id)}-title\">{Esc(title)}</title>");
        return svg;
    }

    private static string LineSummary(string title, IReadOnlyList<string> xLabels, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> series)
    {
        if (xLabels.Count == 0 || series.Count == 0)
        {
            return $"{title}: there are no dated reviews to show a trend.";
        }

        var changes = series
            .Where(s => s.Values.Count > 0)
            .Select(s => (s.Name, First: s.Values[0], Last: s.Values[^1], Peak: s.Values.Max(), PeakAt: xLabels[s.Values.ToList().IndexOf(s.Values.Max())]))
            .ToList();
        var busiest = changes.OrderByDescending(c => c.Peak).First();
        var text = $"{title}, {xLabels[0]} to {xLabels[^1]}. The highest count is {busiest.Name} with {busiest.Peak} in {busiest.PeakAt}.";
        if (xLabels.Count > 1)
        {
            var rising = changes.Where(c => c.Last > c.First).Select(c => c.Name).ToList();
            text += rising.Count > 0 ? $" Higher in {xLabels[^1]} than in {xLabels[0]}: {string.Join(", ", rising)}." : $" None is higher in {xLabels[^1]} than in {xLabels[0]}.";
        }

        return text;
    }

    // White to GOV.UK dark blue (#003078).
    private static string Blend(double t)
    {
        static int Mix(int from, int to, double t) => (int)Math.Round(from + ((to - from) * t));
        return $"#{Mix(255, 0, t):x2}{Mix(255, 48, t):x2}{Mix(255, 120, t):x2}";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string? text) => SecurityElement.Escape(text ?? "");
}
