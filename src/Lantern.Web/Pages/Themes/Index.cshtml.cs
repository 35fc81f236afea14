using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Themes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Themes;

public sealed class IndexModel(ListThemes themes) : PageModel
{
    public IReadOnlyList<FacetValue> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Themes = await themes.HandleAsync(cancellationToken);
}
