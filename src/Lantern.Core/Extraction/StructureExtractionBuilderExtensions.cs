using Lantern.Core.Extraction.Name;
using Lantern.Core.Extraction.Publisher;
using Lantern.Core.Extraction.Reference;
using Lantern.Core.Extraction.ReviewType;
using Lantern.Core.Extraction.Summary;
using Lantern.Core.Extraction.TextLists;
using Lantern.Core.Extraction.Year;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction;

public static class StructureExtractionBuilderExtensions
{
    /// <summary>Adds the extractors of the review's structure: reference, name, type, year, summary, text lists, and the publisher.</summary>
    public static ReviewPipelineBuilder UseStructureExtractors(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ReviewExtractors.Add(new ReferenceExtractor());
        builder.ReviewExtractors.Add(new NameExtractor());
        builder.ReviewExtractors.Add(new ReviewTypeExtractor());
        builder.ReviewExtractors.Add(new YearExtractor());
        builder.ReviewExtractors.Add(new SummaryExtractor());
        builder.ReviewExtractors.Add(new TextListExtractor());
        builder.DocumentExtractors.Add(new PublisherExtractor());
        return builder;
    }
}
