using System.Globalization;
using Lantern.Core.Analysis.Charts;
using Lantern.Core.Analysis.Recurrence;
using Lantern.Web.Features.Analysis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Analysis;

/// <summary>Recurring learning groups, most widespread first; <c>?review=ID</c> shows only the groups a review's learning is in.</summary>
public sealed class RecurringModel(AnalyseLibrary analysis) : PageModel
{
    public AnalysisQuery Query { get; private set; } = null!;
    public int ReviewCount { get; private set; }
    public string? Error { get; private set; }
    public long? ReviewFilter { get; private set; }
    public RecurrenceResult Result { get; private set; } = null!;
    public IReadOnlyList<RecurringGroup> Groups { get; private set; } = [];
    public Chart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = AnalysisQuery.From(Request.Query);
        (Result, Error) = await analysis.RecurrenceAsync(Query, cancellationToken);
        ReviewCount = Result.ReviewCount;
        ReviewFilter = long.TryParse(Request.Query["review"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        Groups = ReviewFilter is null ? Result.Groups : [.. Result.Groups.Where(g => g.ReviewIds.Contains(ReviewFilter.Value))];
        Chart = AnalysisCharts.RecurringGroups(Groups);
    }
}
