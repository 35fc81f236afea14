using Lantern.Core.Model;

namespace Lantern.Core.Pipeline;

/// <summary>One clean-up pass over a document's text (page furniture, hyphenation, bullets…).</summary>
public interface ITextNormaliser
{
    /// <summary>Returns the cleaned text. Never throws on malformed input; reports problems in <paramref name="diagnostics"/>.</summary>
    string Normalise(string text, ICollection<Diagnostic> diagnostics);
}

/// <summary>Splits normalised text into its reviews and each review into its sections.</summary>
public interface ISegmenter
{
    DocumentLayout Segment(string text, ICollection<Diagnostic> diagnostics);
}

/// <summary>Fills one or more fields of a review from its segment. Extractors run in order; each sees the previous result.</summary>
public interface IReviewExtractor
{
    Review Extract(ReviewContext context, Review review);
}

/// <summary>Fills document-level fields (the publisher) or adjusts the whole set of reviews.</summary>
public interface IDocumentExtractor
{
    DocumentExtraction Extract(DocumentContext context, DocumentExtraction document);
}

public enum SectionKind
{
    /// <summary>Text before any recognised section heading inside a review (often the case description).</summary>
    Preamble,
    Summary,
    Learning,
    GoodPractice,
    Actions,
    PanelFeedback,

    /// <summary>A section that holds no record field (reflective questions, "more information", suggestions).</summary>
    Other,
}

/// <summary>A section of a review: its kind, where it stands, its heading and its items (one per bullet, number or paragraph).</summary>
public sealed record Section(SectionKind Kind, SourceSpan Span, SourceSpan? HeadingSpan, IReadOnlyList<TextItem> Items);

/// <summary>One review's stretch of text, its heading (the label line, if any) and its sections.</summary>
public sealed record ReviewSegment(SourceSpan Span, SourceSpan? HeadingSpan, IReadOnlyList<Section> Sections)
{
    public IEnumerable<Section> OfKind(SectionKind kind) => Sections.Where(s => s.Kind == kind);
}

/// <summary>What the segmenter found: the document's title and publisher lines, a year the whole document states, and its reviews.</summary>
public sealed record DocumentLayout(IReadOnlyList<ReviewSegment> Reviews)
{
    /// <summary>The document title, if one stands at the top.</summary>
    public SourceSpan? TitleSpan { get; init; }

    /// <summary>The one year the document says its reviews belong to (e.g. "Learning from Rapid Reviews 2022").</summary>
    public Evidence<int>? DocumentYear { get; init; }
}

/// <summary>What a review extractor can read: the whole text, the layout, and the review's own segment.</summary>
public sealed record ReviewContext(string Text, DocumentLayout Layout, ReviewSegment Segment);

/// <summary>What a document extractor can read.</summary>
public sealed record DocumentContext(string Text, DocumentLayout Layout);
