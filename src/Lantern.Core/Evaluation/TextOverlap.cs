using System.Text.RegularExpressions;

namespace Lantern.Core.Evaluation;

/// <summary>The word-overlap measures of the reference scorer (tools/score.py): lower-cased runs of a–z and 0–9.</summary>
public static partial class TextOverlap
{
    /// <summary>The words of a text, lower-cased; empty for null.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        [.. WordPattern().Matches((text ?? "").ToLowerInvariant()).Select(m => m.Value)];

    /// <summary>Word-level F1 of two texts, counting repeated words (multiset overlap); 0 when either has no words.</summary>
    public static double TokenF1(string? a, string? b)
    {
        var wa = Count(Words(a));
        var wb = Count(Words(b));
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0.0;
        }

        var common = wa.Sum(kv => Math.Min(kv.Value, wb.GetValueOrDefault(kv.Key)));
        if (common == 0)
        {
            return 0.0;
        }

        var p = common / (double)wa.Values.Sum();
        var r = common / (double)wb.Values.Sum();
        return 2 * p * r / (p + r);
    }

    /// <summary>Jaccard overlap of the two texts' word sets; 0 when either has no words.</summary>
    public static double SetOverlap(string? a, string? b)
    {
        var sa = Words(a).ToHashSet(StringComparer.Ordinal);
        var sb = Words(b).ToHashSet(StringComparer.Ordinal);
        if (sa.Count == 0 || sb.Count == 0)
        {
            return 0.0;
        }

        var union = new HashSet<string>(sa, StringComparer.Ordinal);
        union.UnionWith(sb);
        return sa.Count(sb.Contains) / (double)union.Count;
    }

    private static Dictionary<string, int> Count(IEnumerable<string> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }

        return counts;
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();
}
