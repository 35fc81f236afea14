using Lantern.Core.Analysis;
using Lantern.Core.Tests.Exports;

namespace Lantern.Core.Tests.Analysis;

/// <summary>The sample corpus (samples/) through the default pipeline, as the analyses see it (not the gold records).</summary>
internal static class SampleReviews
{
    public static IReadOnlyList<AnalysisReview> Load() =>
        [.. SampleExports.Reviews.Select(r => AnalysisReview.From(r.Id, r.Title, r.Publisher, r.Review, r.Themes))];
}
