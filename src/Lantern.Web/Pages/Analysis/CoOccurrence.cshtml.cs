using Lantern.Core.Analysis.Charts;
using Lantern.Core.Analysis.Trends;
using Lantern.Web.Features;
using Lantern.Web.Features.Analysis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Analysis;

/// <summary>Co-occurrence heat maps: risk factors with harm types, risk factors with themes, harm types with themes.</summary>
public sealed class CoOccurrenceModel(AnalyseLibrary analysis) : PageModel
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
        Charts =
        [
            AnalysisCharts.CoOccurrenceHeatMap("chart-risk-harm", "Risk factors and types of harm", CoOccurrence.Of(reviews, LabelKind.RiskFactor, LabelKind.Harm), Labels.Display),
            AnalysisCharts.CoOccurrenceHeatMap("chart-risk-theme", "Risk factors and practice themes", CoOccurrence.Of(reviews, LabelKind.RiskFactor, LabelKind.Theme), Labels.Display),
            AnalysisCharts.CoOccurrenceHeatMap("chart-harm-theme", "Types of harm and practice themes", CoOccurrence.Of(reviews, LabelKind.Harm, LabelKind.Theme), Labels.Display),
        ];
    }
}
