using Lantern.Core.Analysis.Charts;
using Lantern.Core.Analysis.Trends;
using Lantern.Web.Features;
using Lantern.Web.Features.Analysis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Analysis;

/// <summary>The shape of the library: age bands as in the national triennial analyses, outcomes, review types, themes.</summary>
public sealed class IndexModel(AnalyseLibrary analysis) : PageModel
{
    public AnalysisQuery Query { get; private set; } = null!;
    public int ReviewCount { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = AnalysisQuery.From(Request.Query);
        var (reviews, error) = await analysis.ReviewsAsync(Query, cancellationToken);
        Error = error;
        ReviewCount = reviews.Count;
        var profile = LibraryProfile.Of(reviews);
        Charts =
        [
            AnalysisCharts.Profile("chart-age-bands", "Reviews by the child's age band", profile.AgeBands, "Age band", Labels.Display),
            AnalysisCharts.Profile("chart-outcomes", "Reviews by outcome for the child", profile.Outcomes, "Outcome", Labels.Display),
            AnalysisCharts.Profile("chart-review-types", "Reviews by type of review", profile.ReviewTypes, "Review type", Labels.Display),
            AnalysisCharts.Profile("chart-harm", "Reviews by type of harm", profile.Harm, "Harm", Labels.Display),
            AnalysisCharts.ThemeCounts(reviews, Labels.Display),
        ];
    }
}
