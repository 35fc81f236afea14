// Record parameters are documented where they need more than their name.
#pragma warning disable CS1573

namespace Lantern.Core.Analysis.Trends;

/// <summary>The kinds of label a review carries, for co-occurrence.</summary>
public enum LabelKind { RiskFactor, Harm, Theme, Agency }

/// <summary>
/// How often two labels are found on the same review. <see cref="Lift"/> is
/// <c>N · both / (rowCount · columnCount)</c>: 1 means as often as chance would give, above 1 more often;
/// null when either label is on no review.
/// </summary>
/// <param name="Both">Reviews carrying both labels.</param>
/// <param name="RowCount">Reviews carrying the row label.</param>
/// <param name="ColumnCount">Reviews carrying the column label.</param>
/// <param name="Reviews">All reviews counted (N).</param>
public sealed record CoOccurrenceCell(string Row, string Column, int Both, int RowCount, int ColumnCount, int Reviews)
{
    public double? Lift => RowCount == 0 || ColumnCount == 0 || Reviews == 0 ? null : (double)Reviews * Both / ((double)RowCount * ColumnCount);
}

/// <summary>A co-occurrence matrix of one kind of label against another over the same reviews.</summary>
public sealed record CoOccurrenceMatrix(LabelKind RowKind, LabelKind ColumnKind, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<CoOccurrenceCell> Cells, int Reviews)
{
    public CoOccurrenceCell Cell(string row, string column) =>
        Cells.FirstOrDefault(c => c.Row == row && c.Column == column) ?? new CoOccurrenceCell(row, column, 0, 0, 0, Reviews);
}

/// <summary>Counts and lift of labels found together on reviews. Pure.</summary>
public static class CoOccurrence
{
    /// <summary>
    /// Rows of <paramref name="rowKind"/> against columns of <paramref name="columnKind"/>, each ordered by how many
    /// reviews carry them; every review counts once in N whatever its labels. When both kinds are the same, the
    /// diagonal holds each label's own count.
    /// </summary>
    public static CoOccurrenceMatrix Of(IEnumerable<AnalysisReview> reviews, LabelKind rowKind, LabelKind columnKind)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var list = reviews.ToList();
        var rowSets = list.Select(r => Labels(r, rowKind)).ToList();
        var colSets = list.Select(r => Labels(r, columnKind)).ToList();
        var rowCounts = Count(rowSets);
        var colCounts = Count(colSets);
        var rows = Ordered(rowCounts);
        var columns = Ordered(colCounts);
        var both = new Dictionary<(string, string), int>();
        for (var i = 0; i < list.Count; i++)
        {
            foreach (var a in rowSets[i])
            {
                foreach (var b in colSets[i])
                {
                    both[(a, b)] = both.GetValueOrDefault((a, b)) + 1;
                }
            }
        }

        var cells = rows.SelectMany(r => columns.Select(c => new CoOccurrenceCell(r, c, both.GetValueOrDefault((r, c)), rowCounts[r], colCounts[c], list.Count))).ToList();
        return new CoOccurrenceMatrix(rowKind, columnKind, rows, columns, cells, list.Count);
    }

    /// <summary>The distinct labels of one kind on a review.</summary>
    public static IReadOnlySet<string> Labels(AnalysisReview review, LabelKind kind)
    {
        ArgumentNullException.ThrowIfNull(review);
        IEnumerable<string> values = kind switch
        {
            LabelKind.RiskFactor => review.RiskFactors,
            LabelKind.Harm => review.Harm,
            LabelKind.Theme => review.Themes,
            LabelKind.Agency => review.Agencies,
            _ => [],
        };
        return values.ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, int> Count(List<IReadOnlySet<string>> sets)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in sets.SelectMany(s => s))
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        return counts;
    }

    private static List<string> Ordered(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key)];
}
