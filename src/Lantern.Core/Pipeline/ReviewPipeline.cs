using Lantern.Core.Model;

namespace Lantern.Core.Pipeline;

/// <summary>
/// The frozen extraction pipeline: normalise → segment → extract fields → code. Immutable and thread-safe;
/// build one with <see cref="ReviewPipelineBuilder"/> and reuse it for every document.
/// </summary>
public sealed class ReviewPipeline
{
    /// <summary>
    /// The extractor's version, stored with every record so that <c>lantern reextract</c> knows what is stale.
    /// Raise it whenever a change alters what is extracted.
    /// </summary>
    public const string ExtractorVersion = "0.2.0";

    /// <summary>Documents longer than this (in characters) are truncated with a warning, to bound the work.</summary>
    public const int MaxTextLength = 2_000_000;

    private readonly ITextNormaliser[] _normalisers;
    private readonly ISegmenter _segmenter;
    private readonly IReviewExtractor[] _reviewExtractors;
    private readonly IDocumentExtractor[] _documentExtractors;

    internal ReviewPipeline(
        IEnumerable<ITextNormaliser> normalisers,
        ISegmenter segmenter,
        IEnumerable<IReviewExtractor> reviewExtractors,
        IEnumerable<IDocumentExtractor> documentExtractors)
    {
        _normalisers = [.. normalisers];
        _segmenter = segmenter;
        _reviewExtractors = [.. reviewExtractors];
        _documentExtractors = [.. documentExtractors];
    }

    /// <summary>Cleans raw text with every normaliser in order.</summary>
    public NormalisedText Normalise(string rawText)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        var diagnostics = new List<Diagnostic>();
        var text = rawText;
        if (text.Length > MaxTextLength)
        {
            diagnostics.Add(Diagnostic.Warning("text-truncated", $"text is {text.Length:N0} characters; only the first {MaxTextLength:N0} were read"));
            text = text[..MaxTextLength];
        }

        foreach (var normaliser in _normalisers)
        {
            text = normaliser.Normalise(text, diagnostics);
        }

        return new NormalisedText(text, diagnostics);
    }

    /// <summary>Runs the whole pipeline over a loaded document.</summary>
    public DocumentExtraction Run(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Run(source.FileName, source.RawText, source.Diagnostics);
    }

    /// <summary>Runs the whole pipeline over raw text. <paramref name="documentName"/> is the source file name.</summary>
    public DocumentExtraction Run(string documentName, string rawText, IEnumerable<Diagnostic>? priorDiagnostics = null)
    {
        var normalised = Normalise(rawText);
        var diagnostics = new List<Diagnostic>(priorDiagnostics ?? []);
        diagnostics.AddRange(normalised.Diagnostics);
        var text = normalised.Text;

        var layout = _segmenter.Segment(text, diagnostics);
        var reviews = new List<Review>(layout.Reviews.Count);
        for (var i = 0; i < layout.Reviews.Count; i++)
        {
            var segment = layout.Reviews[i];
            var context = new ReviewContext(text, layout, segment);
            var review = new Review { Index = i, Span = segment.Span };
            foreach (var extractor in _reviewExtractors)
            {
                review = extractor.Extract(context, review);
            }

            reviews.Add(review);
        }

        var document = new DocumentExtraction
        {
            DocumentName = documentName,
            Text = text,
            Reviews = reviews,
            Diagnostics = diagnostics,
            ExtractorVersion = ExtractorVersion,
        };
        var documentContext = new DocumentContext(text, layout);
        foreach (var extractor in _documentExtractors)
        {
            document = extractor.Extract(documentContext, document);
        }

        return document;
    }
}
