// Record parameters are documented where they need more than their name.
#pragma warning disable CS1573

namespace Lantern.Core.Analysis.Trends;

/// <summary>A count table: rows by columns (theme by year, theme by publisher, risk factor by harm…).</summary>
/// <param name="RowTitle">What the rows are ("Theme").</param>
/// <param name="ColumnTitle">What the columns are ("Year").</param>
/// <param name="Counts">Counts[row][column]: reviews with the row's value in the column's group.</param>
public sealed record CountTable(string RowTitle, string ColumnTitle, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>The count for a row and column, 0 when either is absent.</summary>
    public int Get(string row, string column)
    {
        var r = Rows.ToList().IndexOf(row);
        var c = Columns.ToList().IndexOf(column);
        return r < 0 || c < 0 ? 0 : Counts[r][c];
    }

    public int RowTotal(string row)
    {
        var r = Rows.ToList().IndexOf(row);
        return r < 0 ? 0 : Counts[r].Sum();
    }
}

/// <summary>How many reviews carry each theme, by year and by publisher. Pure.</summary>
public static class ThemeTrends
{
    /// <summary>The label a review without a stated year or publisher is counted under.</summary>
    public const string NotStated = "not stated";

    /// <summary>
    /// Theme × year: the number of reviews of each year carrying each theme. Years ascend; reviews without a year
    /// are left out (a trend needs a time). Rows are themes, most frequent overall first.
    /// </summary>
    public static CountTable ByYear(IEnumerable<AnalysisReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var dated = reviews.Where(r => r.Year is not null).ToList();
        var years = dated.Select(r => r.Year!.Value).Distinct().Order().Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return Build("Theme", "Year", dated, r => r.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), years);
    }

    /// <summary>Theme × publisher: columns are publishers with most reviews first; unknown publishers are <see cref="NotStated"/>.</summary>
    public static CountTable ByPublisher(IEnumerable<AnalysisReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var list = reviews.ToList();
        var publishers = list.GroupBy(PublisherOf, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        return Build("Theme", "Publisher", list, PublisherOf, publishers);
    }

    /// <summary>Reviews per year (years ascending), for the size of each year's denominator.</summary>
    public static IReadOnlyList<(int Year, int Reviews)> ReviewsPerYear(IEnumerable<AnalysisReview> reviews) =>
        [.. reviews.Where(r => r.Year is not null).GroupBy(r => r.Year!.Value).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];

    private static string PublisherOf(AnalysisReview review) =>
        string.IsNullOrWhiteSpace(review.Publisher) ? NotStated : review.Publisher.Trim();

    private static CountTable Build(string rowTitle, string columnTitle, List<AnalysisReview> reviews, Func<AnalysisReview, string> column, List<string> columns)
    {
        var themes = reviews.SelectMany(r => r.Themes.Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var rowIndex = themes.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var colIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var counts = themes.Select(_ => new int[columns.Count]).ToArray();
        foreach (var review in reviews)
        {
            var c = colIndex[column(review)];
            foreach (var theme in review.Themes.Distinct(StringComparer.Ordinal))
            {
                counts[rowIndex[theme]][c]++;
            }
        }

        return new CountTable(rowTitle, columnTitle, themes, columns, [.. counts.Select(r => (IReadOnlyList<int>)r)]);
    }
}
