using Lantern.Core.Pipeline;

namespace Lantern.Core.Segmentation;

public static class SegmentationBuilderExtensions
{
    /// <summary>Sets the standard segmenter (<see cref="StandardSegmenter"/>).</summary>
    public static ReviewPipelineBuilder UseStandardSegmentation(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Segmenter = new StandardSegmenter();
        return builder;
    }
}
