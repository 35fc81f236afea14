using Lantern.Core.Extraction.Agencies;
using Lantern.Core.Extraction.Child;
using Lantern.Core.Extraction.Harm;
using Lantern.Core.Extraction.Outcome;
using Lantern.Core.Extraction.RiskFactors;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction;

public static class LabelExtractionBuilderExtensions
{
    /// <summary>
    /// Adds the extractors of the child's details, harm, outcome, risk factors and agencies (in that order: the outcome
    /// reads the harm labels). Run after the structure extractors and before the theme coder.
    /// </summary>
    public static ReviewPipelineBuilder UseLabelExtractors(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ReviewExtractors.Add(new ChildExtractor());
        builder.ReviewExtractors.Add(new HarmExtractor());
        builder.ReviewExtractors.Add(new OutcomeExtractor());
        builder.ReviewExtractors.Add(new RiskFactorExtractor());
        builder.ReviewExtractors.Add(new AgencyExtractor());
        return builder;
    }
}
