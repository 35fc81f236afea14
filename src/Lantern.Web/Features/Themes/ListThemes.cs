using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Themes;

/// <summary>Every theme with the number of reviews (visible to the viewer) that carry it, most frequent first.</summary>
public sealed class ListThemes(IReviewLibrary library, IViewerAccessor viewers)
{
    public async Task<IReadOnlyList<FacetValue>> HandleAsync(CancellationToken cancellationToken)
    {
        var overview = await library.GetOverviewAsync(viewers.Current, cancellationToken);
        return [.. overview.Themes.OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal)];
    }
}
