using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Features.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages;

public sealed class IndexModel(ShowOverview overview, IViewerAccessor viewers) : PageModel
{
    public LibraryOverview Overview { get; private set; } = null!;

    public bool CanUpload => viewers.Current.CanEdit;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await overview.HandleAsync(cancellationToken);
}
