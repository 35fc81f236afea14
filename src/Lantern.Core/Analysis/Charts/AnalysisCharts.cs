using System.Globalization;
using Lantern.Core.Analysis.Trends;

namespace Lantern.Core.Analysis.Charts;

/// <summary>
/// The analysis pages' charts, built from the analyses. <c>label</c> turns a code (<c>information-sharing</c>) into
/// words for a reader; by default hyphens become spaces and the first letter is capitalised.
/// </summary>
public static class AnalysisCharts
{
    /// <summary>Most themes a trend chart draws lines for; more would not be readable.</summary>
    public const int MaxTrendLines = 6;

    /// <summary>Most rows or columns of a heat map.</summary>
    public const int MaxHeatMapSide = 12;

    /// <summary>Reviews per theme, most frequent first.</summary>
    public static Chart ThemeCounts(IReadOnlyList<AnalysisReview> reviews, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        label ??= DefaultLabel;
        var counts = reviews.SelectMany(r => r.Themes.Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (label(g.Key), g.Count())).ToList();
        return SvgCharts.Bars("chart-theme-counts", $"Reviews carrying each theme ({reviews.Count} reviews)", counts, "Theme", "Reviews");
    }

    /// <summary>The most frequent themes' review counts by year (up to <see cref="MaxTrendLines"/> lines).</summary>
    public static Chart ThemeTrend(CountTable byYear, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(byYear);
        label ??= DefaultLabel;
        var series = byYear.Rows.Take(MaxTrendLines)
            .Select((theme, i) => (label(theme), byYear.Counts[i]))
            .ToList();
        return SvgCharts.Lines("chart-theme-trend", "Reviews carrying the most frequent themes, by year", byYear.Columns, series, "Year");
    }

    /// <summary>Themes by publisher as a heat map of review counts.</summary>
    public static Chart ThemesByPublisher(CountTable byPublisher, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(byPublisher);
        label ??= DefaultLabel;
        var rows = byPublisher.Rows.Take(MaxHeatMapSide).ToList();
        var columns = byPublisher.Columns.Take(MaxHeatMapSide).ToList();
        var top = rows.SelectMany(r => columns.Select(c => (r, c, n: byPublisher.Get(r, c)))).OrderByDescending(x => x.n).FirstOrDefault();
        var summary = top.n == 0
            ? "Themes by publisher: there are no coded reviews to show."
            : $"Themes by publisher. The largest count is {label(top.r)} in reviews from {top.c} ({top.n} reviews).";
        var labels = rows.ToDictionary(r => label(r), r => r, StringComparer.Ordinal);
        return SvgCharts.HeatMap("chart-theme-publisher", "Reviews carrying each theme, by publisher",
            [.. labels.Keys], columns,
            (r, c) => byPublisher.Get(labels[r], c),
            (r, c) => byPublisher.Get(labels[r], c).ToString(CultureInfo.InvariantCulture),
            summary, "Theme");
    }

    /// <summary>A co-occurrence heat map shaded by lift, each cell showing the count of reviews with both labels and the lift.</summary>
    public static Chart CoOccurrenceHeatMap(string id, string title, CoOccurrenceMatrix matrix, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        label ??= DefaultLabel;
        var rows = matrix.Rows.Take(MaxHeatMapSide).ToList();
        var columns = matrix.Columns.Take(MaxHeatMapSide).ToList();
        var rowCodes = rows.ToDictionary(r => label(r), r => r, StringComparer.Ordinal);
        var colCodes = columns.ToDictionary(c => label(c), c => c, StringComparer.Ordinal);
        CoOccurrenceCell Cell(string r, string c) => matrix.Cell(rowCodes[r], colCodes[c]);
        var strongest = rows.SelectMany(r => columns.Select(c => matrix.Cell(r, c)))
            .Where(c => c.Both >= 2 && c.Row != c.Column)
            .OrderByDescending(c => c.Lift ?? 0).ThenByDescending(c => c.Both)
            .FirstOrDefault();
        var summary = strongest is null
            ? $"{title}: no pair of labels is found together on two or more reviews."
            : $"{title}, over {matrix.Reviews} reviews. Shade shows lift (1 means as often as chance), paler where only one or two reviews have both. The strongest association is {label(strongest.Row)} with {label(strongest.Column)}: {strongest.Both} reviews, lift {strongest.Lift:0.0}.";
        return SvgCharts.HeatMap(id, title, [.. rowCodes.Keys], [.. colCodes.Keys],
            // One or two reviews together can give a large lift by chance: their shade is damped.
            (r, c) => (Cell(r, c).Lift ?? 0) * Math.Min(Cell(r, c).Both, 3) / 3.0,
            (r, c) => Cell(r, c).Both == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{Cell(r, c).Both} ×{Cell(r, c).Lift:0.0}"),
            summary, label(matrix.RowKind.ToString()));
    }

    /// <summary>A bar chart of a profile's counts (age bands, outcomes, review types…), in the profile's order.</summary>
    public static Chart Profile(string id, string title, IReadOnlyList<ProfileCount> counts, string heading, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        label ??= DefaultLabel;
        return SvgCharts.Bars(id, title, [.. counts.Select(c => (label(c.Value), c.Reviews))], heading, "Reviews");
    }

    /// <summary>Recurring groups by how many reviews they appear in (the most widespread first).</summary>
    public static Chart RecurringGroups(IReadOnlyList<Recurrence.RecurringGroup> groups, int max = 15)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return SvgCharts.Bars("chart-recurring", "Reviews each recurring message appears in",
            [.. groups.Take(max).Select(g => (g.Representative, g.ReviewCount))], "Recurring learning", "Reviews");
    }

    /// <summary>The default label: <c>information-sharing</c> → "Information sharing".</summary>
    public static string DefaultLabel(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        var words = code.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
