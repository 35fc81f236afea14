using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Home;

/// <summary>The home page's figures for the current viewer.</summary>
public sealed class ShowOverview(IReviewLibrary library, IViewerAccessor viewers)
{
    public Task<LibraryOverview> HandleAsync(CancellationToken cancellationToken) =>
        library.GetOverviewAsync(viewers.Current, cancellationToken);
}
