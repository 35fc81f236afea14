using Lantern.Core.Analysis.Charts;
using Lantern.Core.Analysis.Trends;
using Lantern.Web.Features;
using Lantern.Web.Features.Analysis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Analysis;

/// <summary>Theme counts by year (trend lines) and by publisher (heat map).</summary>
public sealed class TrendsModel(AnalyseLibrary analysis) : PageModel
{
    public AnalysisQuery Query { get; private set; } = null!;
    public int ReviewCount { get; private set; }
    public int UndatedReviews { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = AnalysisQuery.From(Request.Query);
        var (reviews, error) = await analysis.ReviewsAsync(Query, cancellationToken);
        Error = error;
        ReviewCount = reviews.Count;
        UndatedReviews = reviews.Count(r => r.Year is null);
        Charts =
        [
            AnalysisCharts.ThemeTrend(ThemeTrends.ByYear(reviews), Labels.Display),
            AnalysisCharts.ThemesByPublisher(ThemeTrends.ByPublisher(reviews), Labels.Display),
            AnalysisCharts.ThemeCounts(reviews, Labels.Display),
        ];
    }
}
