using Lantern.Core.Model;

namespace Lantern.Core.Analysis.Trends;

/// <summary>A value and the number of reviews that have it.</summary>
public sealed record ProfileCount(string Value, int Reviews);

/// <summary>
/// The shape of a set of reviews: age bands (under 1, 1–5, 6–10, 11–15, 16–17, as in the national triennial
/// analyses, in that order, then "not stated"), outcomes, review types, harm types and risk factors.
/// </summary>
public sealed record LibraryProfile(
    int Reviews,
    IReadOnlyList<ProfileCount> AgeBands,
    IReadOnlyList<ProfileCount> Outcomes,
    IReadOnlyList<ProfileCount> ReviewTypes,
    IReadOnlyList<ProfileCount> Harm,
    IReadOnlyList<ProfileCount> RiskFactors)
{
    /// <summary>The label for reviews that do not state a value.</summary>
    public const string NotStated = "not stated";

    /// <summary>Profiles <paramref name="reviews"/>. Fixed vocabularies keep their order and show zero counts; lists (harm, risk factors) are most frequent first.</summary>
    public static LibraryProfile Of(IEnumerable<AnalysisReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var list = reviews.ToList();
        return new LibraryProfile(
            list.Count,
            Fixed(list, r => r.AgeBand, Vocabulary.AgeBands),
            Fixed(list, r => r.Outcome, Vocabulary.Outcomes),
            Fixed(list, r => r.Type, Vocabulary.ReviewTypes),
            Multi(list, r => r.Harm),
            Multi(list, r => r.RiskFactors));
    }

    private static List<ProfileCount> Fixed(List<AnalysisReview> reviews, Func<AnalysisReview, string?> value, IReadOnlyList<string> vocabulary)
    {
        var counts = reviews.GroupBy(r => value(r) ?? NotStated, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = vocabulary.Select(v => new ProfileCount(v, counts.GetValueOrDefault(v))).ToList();
        // Values outside the vocabulary (a partnership's own type) are kept, after the known ones.
        result.AddRange(counts.Where(kv => !vocabulary.Contains(kv.Key) && kv.Key != NotStated).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new ProfileCount(kv.Key, kv.Value)));
        result.Add(new ProfileCount(NotStated, counts.GetValueOrDefault(NotStated)));
        return result;
    }

    private static List<ProfileCount> Multi(List<AnalysisReview> reviews, Func<AnalysisReview, IReadOnlyList<string>> values) =>
        [.. reviews.SelectMany(r => values(r).Distinct(StringComparer.Ordinal))
            .GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProfileCount(g.Key, g.Count()))];
}
