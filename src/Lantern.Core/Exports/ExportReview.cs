using Lantern.Core.Analysis;
using Lantern.Core.Model;

namespace Lantern.Core.Exports;

/// <summary>
/// One review as the exporters need it: its record with evidence, where it comes from, the themes that count
/// (effective coding), and the normalised text of its document that the evidence spans point into.
/// </summary>
public sealed record ExportReview
{
    public required long Id { get; init; }

    public required long DocumentId { get; init; }

    /// <summary>The file name of the source document.</summary>
    public required string DocumentName { get; init; }

    public string? Publisher { get; init; }

    public string Title { get; init; } = "";

    public required Review Review { get; init; }

    /// <summary>The effective themes (automatic codes, less those rejected, plus those a person added or confirmed).</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>The document's normalised text; empty when the host did not load it (evidence then exports empty).</summary>
    public string DocumentText { get; init; } = "";

    /// <summary>The analysis view of the same review.</summary>
    public AnalysisReview ToAnalysis() => AnalysisReview.From(Id, Title, Publisher, Review, Themes);

    /// <summary>
    /// The evidence spans of a theme: the automatic coder's sentences when it found the theme, else (a theme a
    /// person added) the review's own span; empty when neither is known.
    /// </summary>
    public IReadOnlyList<SourceSpan> EvidenceFor(string theme)
    {
        var spans = Review.Themes.Where(t => t.Code == theme).SelectMany(t => t.Spans).Where(s => s.Length > 0).Distinct().OrderBy(s => s.Start).ToList();
        return spans.Count > 0 ? spans : Review.Span.Length > 0 ? [Review.Span] : [];
    }

    /// <summary>Whether the automatic coder assigned the theme (false: a person added it).</summary>
    public bool IsAutomatic(string theme) => Review.Themes.Any(t => t.Code == theme);
}
