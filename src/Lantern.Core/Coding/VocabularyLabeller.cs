using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Coding;

/// <summary>
/// Labels a review from one of the record schema's vocabularies (harm, risk factors, agencies) with a cue file,
/// reading the review's whole segment. Shared by the label extractors; immutable and thread-safe.
/// </summary>
public sealed class VocabularyLabeller
{
    private readonly CueMatcher _matcher;

    /// <summary>Compiles <paramref name="codebook"/>; its codes should come from the schema vocabulary.</summary>
    public VocabularyLabeller(Codebook codebook) => _matcher = new CueMatcher(codebook);

    private VocabularyLabeller(Codebook codebook, CueWordIndex words) => _matcher = new CueMatcher(codebook, words);

    // The built-in vocabularies label the same sentences (each review's whole segment): built together over one word
    // index, they find a sentence's prefilter words in one pass between them instead of one pass each.
    private static readonly Lazy<Dictionary<string, VocabularyLabeller>> BuiltIns = new(() =>
    {
        var words = new CueWordIndex();
        return new Dictionary<string, VocabularyLabeller>(StringComparer.Ordinal)
        {
            [Extraction.Harm.HarmExtractor.DataFile] = new(Codebook.LoadEmbedded(Extraction.Harm.HarmExtractor.DataFile, Vocabulary.Harms), words),
            [Extraction.RiskFactors.RiskFactorExtractor.DataFile] = new(Codebook.LoadEmbedded(Extraction.RiskFactors.RiskFactorExtractor.DataFile, Vocabulary.RiskFactors), words),
            [Extraction.Agencies.AgencyExtractor.DataFile] = new(Codebook.LoadEmbedded(Extraction.Agencies.AgencyExtractor.DataFile, Vocabulary.Agencies), words),
        };
    });

    /// <summary>The shared labeller of a built-in vocabulary file (harm, risk factors or agencies).</summary>
    internal static VocabularyLabeller BuiltIn(string fileName) => BuiltIns.Value[fileName];

    public Codebook Codebook => _matcher.Codebook;

    /// <summary>Loads an embedded vocabulary file (e.g. <c>harm.json</c>), checking its codes against <paramref name="vocabulary"/>.</summary>
    /// <exception cref="CodebookException">The embedded file is missing or invalid (a build defect).</exception>
    public static VocabularyLabeller FromEmbedded(string fileName, IReadOnlyCollection<string> vocabulary) =>
        new(Codebook.LoadEmbedded(fileName, vocabulary));

    /// <summary>The labels the review's text supports, in vocabulary-file order.</summary>
    public IReadOnlyList<CodedLabel> Label(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        return _matcher.Code(context.Text, ReviewText.Spans(context, review));
    }
}

/// <summary>Which stretches of text describe a review.</summary>
public static class ReviewText
{
    /// <summary>
    /// The review's segment; where the segment is empty, its summary and items instead.
    /// </summary>
    public static IReadOnlyList<SourceSpan> Spans(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        if (context.Segment.Span.Length > 0)
        {
            return [context.Segment.Span];
        }

        var items = new List<SourceSpan>();
        if (review.Summary is not null)
        {
            items.Add(review.Summary.Span);
        }

        items.AddRange(ThemeCoder.CodedItems(review).Select(i => i.Span));
        return items;
    }

    /// <summary>The case description: the summary when there is one, else the segment's text before its first item.</summary>
    public static SourceSpan CaseSpan(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        if (review.Summary is { Span.Length: > 0 } summary)
        {
            // The label line (e.g. "Case 2 — Child physical abuse") often names the child and harm too.
            return context.Segment.HeadingSpan is { } heading && heading.Start < summary.Span.Start
                ? SourceSpan.FromBounds(heading.Start, summary.Span.End)
                : summary.Span;
        }

        var segment = context.Segment.Span;
        var firstItem = ThemeCoder.CodedItems(review).Select(i => i.Span.Start).Where(s => s > segment.Start).DefaultIfEmpty(segment.End).Min();
        return SourceSpan.FromBounds(segment.Start, Math.Min(firstItem, segment.End));
    }
}
