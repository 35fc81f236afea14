using Lantern.Core.Coding;
using Lantern.Core.Extraction;
using Lantern.Core.Normalisation;
using Lantern.Core.Segmentation;

namespace Lantern.Core.Pipeline;

/// <summary>
/// Collects the pipeline's stages in order and freezes them with <see cref="Build"/>
/// (after markdig's MarkdownPipelineBuilder): <c>new ReviewPipelineBuilder().UseDefaults().Build()</c>.
/// </summary>
public sealed class ReviewPipelineBuilder
{
    /// <summary>Text clean-up passes, run in order.</summary>
    public List<ITextNormaliser> Normalisers { get; } = [];

    /// <summary>The segmenter; required before <see cref="Build"/>.</summary>
    public ISegmenter? Segmenter { get; set; }

    /// <summary>Per-review field extractors and coders, run in order.</summary>
    public List<IReviewExtractor> ReviewExtractors { get; } = [];

    /// <summary>Document-level extractors, run after every review is built.</summary>
    public List<IDocumentExtractor> DocumentExtractors { get; } = [];

    /// <summary>Adds the standard stages: normalisation, segmentation, field extraction and theme coding with the built-in codebook.</summary>
    public ReviewPipelineBuilder UseDefaults() =>
        this.UseStandardNormalisation()
            .UseStandardSegmentation()
            .UseStructureExtractors()
            .UseLabelExtractors()
            .UseThemeCoding();

    /// <summary>Freezes the stages into a reusable pipeline.</summary>
    /// <exception cref="InvalidOperationException">No segmenter was set.</exception>
    public ReviewPipeline Build()
    {
        if (Segmenter is null)
        {
            throw new InvalidOperationException("A segmenter is required: call UseStandardSegmentation() or set Segmenter.");
        }

        return new ReviewPipeline(Normalisers, Segmenter, ReviewExtractors, DocumentExtractors);
    }
}
