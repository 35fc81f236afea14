namespace Lantern.Core.Analysis.Agreement;

/// <summary>Merges automatic theme codes with human decisions into the coding that counts.</summary>
public static class EffectiveCoding
{
    /// <summary>
    /// The effective themes of one review: every automatic code unless a person rejected it, plus every theme a
    /// person confirmed or added. Where a theme has several decisions, the latest (by <see cref="CodingDecision.At"/>,
    /// then by list order) wins, whoever made it. Pure: same inputs, same output, ordered by theme code.
    /// </summary>
    /// <param name="automaticCodes">Theme codes the automatic coder assigned (duplicates are ignored).</param>
    /// <param name="decisions">Human decisions on this review, in any order.</param>
    /// <exception cref="ArgumentNullException">Either argument is null.</exception>
    public static IReadOnlyList<EffectiveTheme> Merge(IEnumerable<string> automaticCodes, IEnumerable<CodingDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(automaticCodes);
        ArgumentNullException.ThrowIfNull(decisions);
        var latest = LatestByTheme(decisions);
        var result = new Dictionary<string, EffectiveTheme>(StringComparer.Ordinal);
        foreach (var code in automaticCodes)
        {
            if (!latest.ContainsKey(code))
            {
                result[code] = new EffectiveTheme(code, CodingSource.Automatic, null);
            }
        }

        foreach (var (code, decision) in latest)
        {
            if (decision.Applies)
            {
                result[code] = new EffectiveTheme(code, CodingSource.Human, decision);
            }
        }

        return [.. result.Values.OrderBy(t => t.ThemeCode, StringComparer.Ordinal)];
    }

    /// <summary>The effective theme codes only (see <see cref="Merge"/>).</summary>
    public static IReadOnlyList<string> MergeCodes(IEnumerable<string> automaticCodes, IEnumerable<CodingDecision> decisions) =>
        [.. Merge(automaticCodes, decisions).Select(t => t.ThemeCode)];

    /// <summary>
    /// The themes one coder applied to a review: that coder's latest decision per theme, where confirmed or added.
    /// Used to compare a human coder with the automatic coder or with another person.
    /// </summary>
    public static IReadOnlyList<string> CodesBy(string coder, IEnumerable<CodingDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return [.. LatestByTheme(decisions.Where(d => string.Equals(d.Coder, coder, StringComparison.Ordinal)))
            .Where(kv => kv.Value.Applies)
            .Select(kv => kv.Key)
            .OrderBy(c => c, StringComparer.Ordinal)];
    }

    private static Dictionary<string, CodingDecision> LatestByTheme(IEnumerable<CodingDecision> decisions)
    {
        var latest = new Dictionary<string, CodingDecision>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            // Later in the list wins ties in time, so a caller's append order is respected.
            if (!latest.TryGetValue(decision.ThemeCode, out var seen) || decision.At >= seen.At)
            {
                latest[decision.ThemeCode] = decision;
            }
        }

        return latest;
    }
}
