// Record parameters are documented where they need more than their name; the rest are self-explanatory.
#pragma warning disable CS1573

namespace Lantern.Core.Analysis.Recurrence;

/// <summary>How near two learning points must be to count as the same message, and how candidates are found.</summary>
public sealed record RecurrenceOptions
{
    /// <summary>The default similarity threshold, chosen from the tests' own texts and the sample corpus.</summary>
    public const double DefaultThreshold = 0.35;

    /// <summary>
    /// Cosine similarity (0–1) of the IDF-weighted terms of two message units at or above which they are linked;
    /// a group's clusters are merged only while their average similarity stays at or above it. Default <see cref="DefaultThreshold"/>; higher asks for closer wording.
    /// </summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>
    /// Folds phrase-level synonyms into concept terms (default <see cref="LearningConcepts.BuiltIn"/>, the theme
    /// codebook's cues); null turns folding off, leaving word-level similarity only.
    /// </summary>
    public LearningConcepts? Concepts { get; init; } = LearningConcepts.BuiltIn;

    /// <summary>How much a shared concept counts against a word found in only two points (default 2.5).</summary>
    public double ConceptBoost { get; init; } = 2.5;

    /// <summary>Points with fewer content words than this are too short to say whether they recur (default 3).</summary>
    public int MinWords { get; init; } = 3;

    /// <summary>
    /// A term found in more than this share of all points (default 0.05, and never fewer than 25 points) is not used
    /// to propose candidate pairs, which keeps the work near-linear on large libraries; it still counts in the
    /// similarity of the pairs that other terms propose.
    /// </summary>
    public double CandidateTermMaxShare { get; init; } = 0.05;

    /// <summary>
    /// How many of each point's rarest terms propose candidate pairs (default 8). Pairs sharing none of them are not
    /// compared; near-identical wording always shares its rare words, so this loses little and bounds the work.
    /// </summary>
    public int CandidateTerms { get; init; } = 8;

    /// <summary>
    /// Connected sets of at most this many units (default 150) are split by average linkage, which costs the cube of
    /// their size; larger sets (thousands of near-copies) are kept whole, as single linkage found them.
    /// </summary>
    public int MaxAverageLinkage { get; init; } = 150;

    /// <summary>Groups whose points come from fewer distinct reviews than this are not reported (default 2).</summary>
    public int MinReviews { get; init; } = 2;

    /// <summary>
    /// Whether the units' terms and concepts are read on all cores (default) or on the calling thread only. A web
    /// request grouping a small neighbourhood sets false: many requests at once would each fan out over the same cores
    /// and block pool threads waiting for one another.
    /// </summary>
    public bool UseAllCores { get; init; } = true;
}

/// <summary>One message unit of a learning point in one review, as a member of a recurring group.</summary>
/// <param name="Ordinal">The learning point's position (0-based) in the review's learning.</param>
/// <param name="Text">The message unit (a sentence or clause of the learning point) that recurs.</param>
/// <param name="Similarity">Cosine similarity to the group's representative wording (1 for the representative itself).</param>
/// <param name="LearningPoint">The whole learning point the unit comes from (the same as <paramref name="Text"/> when it has one message).</param>
public sealed record LearningOccurrence(long ReviewId, string ReviewTitle, string? Publisher, int? Year, int Ordinal, string Text, double Similarity, string? LearningPoint = null);

/// <summary>A theme the reviews of a group carry, with how many of them do.</summary>
public sealed record ThemeCount(string Theme, int Reviews);

/// <summary>
/// Near-identical learning points found in several reviews: the message, where and when it recurs.
/// </summary>
/// <param name="Id">A short stable id built from the representative wording (for links and anchors).</param>
/// <param name="Representative">The medoid: the member most similar, in total, to all the others.</param>
/// <param name="FirstYear">The earliest year among the member reviews that state one; null when none does.</param>
/// <param name="Themes">Themes of the member reviews, most common first.</param>
public sealed record RecurringGroup(
    string Id,
    string Representative,
    IReadOnlyList<LearningOccurrence> Occurrences,
    IReadOnlyList<long> ReviewIds,
    IReadOnlyList<string> Publishers,
    int? FirstYear,
    int? LatestYear,
    IReadOnlyList<ThemeCount> Themes)
{
    public int ReviewCount => ReviewIds.Count;

    public int PublisherCount => Publishers.Count;

    /// <summary>How many of the member reviews state a year (first and latest year are taken from these only).</summary>
    public int DatedReviewCount => Occurrences.Where(o => o.Year is not null).Select(o => o.ReviewId).Distinct().Count();

    /// <summary>
    /// The years in words, honest about undated reviews: "years not stated", "2022 (year stated by 1 of 3 reviews)",
    /// "2014 to 2021".
    /// </summary>
    public string DescribeYears()
    {
        if (FirstYear is null)
        {
            return "years not stated";
        }

        var span = FirstYear == LatestYear ? $"{FirstYear}" : $"{FirstYear} to {LatestYear}";
        return DatedReviewCount < ReviewCount ? $"{span} (year stated by {DatedReviewCount} of {ReviewCount} reviews)" : span;
    }
}

/// <summary>The recurring groups of a set of reviews, most widespread first, and the figures behind them.</summary>
/// <param name="PointCount">Message units of learning considered (long enough to compare).</param>
/// <param name="PairsCompared">Candidate pairs whose similarity was computed.</param>
public sealed record RecurrenceResult(IReadOnlyList<RecurringGroup> Groups, int ReviewCount, int PointCount, long PairsCompared, double Threshold);
