using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Segmentation;

public static class SegmentationBuilderExtensions
{
    /// <summary>Sets the standard segmenter.</summary>
    public static ReviewPipelineBuilder UseStandardSegmentation(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Segmenter = new PlaceholderSegmenter();
        return builder;
    }

    // Replaced by the real segmenter.
    private sealed class PlaceholderSegmenter : ISegmenter
    {
        public DocumentLayout Segment(string text, ICollection<Diagnostic> diagnostics) => new([]);
    }
}
