namespace Lantern.Core.Model;

/// <summary>What the text says about the subject child (or children).</summary>
public sealed record ChildDetails
{
    public static readonly ChildDetails Unknown = new();

    /// <summary>Age in completed months when the incident happened.</summary>
    public Evidence<int>? AgeMonths { get; init; }

    /// <summary>One of <see cref="Vocabulary.AgeBands"/>.</summary>
    public Evidence<string>? AgeBand { get; init; }

    /// <summary>One of <see cref="Vocabulary.Sexes"/>.</summary>
    public Evidence<string>? Sex { get; init; }
}

/// <summary>
/// One review (or case) a document reports on, with every extracted field and its evidence.
/// Built up immutably by the pipeline's field extractors.
/// </summary>
public sealed record Review
{
    /// <summary>Position of the review in its document, from 0.</summary>
    public int Index { get; init; }

    /// <summary>The span of normalised text the review occupies.</summary>
    public SourceSpan Span { get; init; }

    public Evidence<string>? Reference { get; init; }
    public Evidence<string>? Name { get; init; }

    /// <summary>One of <see cref="Vocabulary.ReviewTypes"/>.</summary>
    public Evidence<string>? Type { get; init; }

    public Evidence<int>? Year { get; init; }
    public ChildDetails Child { get; init; } = ChildDetails.Unknown;

    /// <summary>One of <see cref="Vocabulary.Outcomes"/>.</summary>
    public Evidence<string>? Outcome { get; init; }

    public IReadOnlyList<CodedLabel> Harm { get; init; } = [];
    public IReadOnlyList<CodedLabel> RiskFactors { get; init; } = [];
    public IReadOnlyList<CodedLabel> Agencies { get; init; } = [];
    public TextItem? Summary { get; init; }
    public IReadOnlyList<TextItem> Learning { get; init; } = [];
    public IReadOnlyList<TextItem> GoodPractice { get; init; } = [];
    public IReadOnlyList<TextItem> Actions { get; init; } = [];
    public IReadOnlyList<TextItem> PanelFeedback { get; init; } = [];
    public IReadOnlyList<CodedLabel> Themes { get; init; } = [];
}
