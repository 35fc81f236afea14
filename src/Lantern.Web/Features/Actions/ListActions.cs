using Lantern.Storage.Abstractions;
using Lantern.Storage.Actions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Actions;

/// <summary>The filters of the actions list as they arrive from the query string (all optional).</summary>
public sealed record ActionQuery(string? Status, bool Overdue, string? Agency, string? Review);

/// <summary>The actions list: the filter as understood, the actions, and the agencies and reviews to filter by.</summary>
public sealed record ActionListView(ActionQuery Query, IReadOnlyList<TrackedAction> Actions, IReadOnlyList<string> Agencies, IReadOnlyList<(long Id, string Label)> Reviews);

/// <summary>Lists the tracked actions the viewer may see, filtered; also as CSV.</summary>
public sealed class ListActions(IReviewLibrary library, IViewerAccessor viewers)
{
    public async Task<ActionListView> HandleAsync(ActionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var viewer = viewers.Current;
        // Unfiltered first, to offer every agency and review the viewer can see as a choice.
        var all = await library.ListActionsAsync(new ActionFilter(), viewer, cancellationToken);
        var status = ActionStatuses.Parse(query.Status);
        long? reviewId = long.TryParse(query.Review, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        var filter = new ActionFilter
        {
            // "open" on the page means still to do: open or in progress.
            Status = status is ActionStatus.Open ? null : status,
            OpenOnly = status is ActionStatus.Open,
            OverdueOnly = query.Overdue,
            Agency = string.IsNullOrWhiteSpace(query.Agency) ? null : query.Agency,
            ReviewId = reviewId,
        };
        var actions = await library.ListActionsAsync(filter, viewer, cancellationToken);
        var agencies = all.Select(a => a.Agency).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var reviews = all.Where(a => a.ReviewId is not null)
            .GroupBy(a => a.ReviewId!.Value)
            .Select(g => (g.Key, g.First().ReviewReference ?? g.First().ReviewTitle))
            .OrderBy(r => r.Item2, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ActionListView(query with { Status = status is { } s ? ActionStatuses.Name(s) : null }, actions, agencies, reviews);
    }

    public async Task<string> CsvAsync(ActionQuery query, CancellationToken cancellationToken) =>
        ActionCsv.ToCsv((await HandleAsync(query, cancellationToken)).Actions);
}
