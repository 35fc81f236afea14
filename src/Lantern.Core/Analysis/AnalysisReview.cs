using Lantern.Core.Model;

namespace Lantern.Core.Analysis;

/// <summary>
/// One review as the analyses see it: its identity, where and when it comes from, its labels and its learning.
/// The hosts build these from whatever store they read (already filtered to what the viewer may see).
/// </summary>
public sealed record AnalysisReview
{
    /// <summary>The library's id of the review (stable within one library).</summary>
    public required long Id { get; init; }

    /// <summary>The title a reader knows it by (reference and pseudonym, or the document and position).</summary>
    public string Title { get; init; } = "";

    /// <summary>The partnership or board that published it; null when unknown.</summary>
    public string? Publisher { get; init; }

    public int? Year { get; init; }

    /// <summary>One of <see cref="Vocabulary.ReviewTypes"/>, or null.</summary>
    public string? Type { get; init; }

    /// <summary>One of <see cref="Vocabulary.AgeBands"/>, or null.</summary>
    public string? AgeBand { get; init; }

    public string? Sex { get; init; }

    public string? Outcome { get; init; }

    public IReadOnlyList<string> Harm { get; init; } = [];

    public IReadOnlyList<string> RiskFactors { get; init; } = [];

    public IReadOnlyList<string> Agencies { get; init; } = [];

    /// <summary>The themes that count for the review (the effective coding where humans have decided).</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>The review's learning points, in order.</summary>
    public IReadOnlyList<string> Learning { get; init; } = [];

    /// <summary>
    /// Builds the analysis view of an extracted review. <paramref name="themes"/> overrides the review's automatic
    /// themes (pass the effective coding); null keeps the automatic ones.
    /// </summary>
    public static AnalysisReview From(long id, string title, string? publisher, Review review, IReadOnlyList<string>? themes = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new AnalysisReview
        {
            Id = id,
            Title = title,
            Publisher = publisher,
            Year = review.Year?.Value,
            Type = review.Type?.Value,
            AgeBand = review.Child.AgeBand?.Value,
            Sex = review.Child.Sex?.Value,
            Outcome = review.Outcome?.Value,
            Harm = Codes(review.Harm),
            RiskFactors = Codes(review.RiskFactors),
            Agencies = Codes(review.Agencies),
            Themes = themes ?? Codes(review.Themes),
            Learning = [.. review.Learning.Select(i => i.Text).Where(t => !string.IsNullOrWhiteSpace(t))],
        };
    }

    private static string[] Codes(IEnumerable<CodedLabel> labels) => [.. labels.Select(l => l.Code).Distinct(StringComparer.Ordinal)];
}
