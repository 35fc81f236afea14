using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Themes;

/// <summary>A theme's links to the partnership's own procedures, guidance and training; editors add and remove them.</summary>
public sealed class ResourcesModel(IReviewLibrary library, IViewerAccessor viewers) : PageModel
{
    public string Code { get; private set; } = "";

    public IReadOnlyList<ThemeResource> Resources { get; private set; } = [];

    public bool CanEdit => viewers.Current.CanEdit;

    public string? Error { get; private set; }

    public string? Title { get; private set; }

    public string? TypedUrl { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken cancellationToken) => await LoadAsync(code, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string code, string? title, string? url, CancellationToken cancellationToken)
    {
        if (!await this.IsEditorAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await library.AddThemeResourceAsync(code, title ?? "", url ?? "", viewers.Current, cancellationToken);
        if (outcome.Stored)
        {
            return Redirect($"/themes/{Uri.EscapeDataString(code)}/resources");
        }

        (Error, Title, TypedUrl) = (outcome.Message, title, url);
        await LoadAsync(code, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string code, long resource, CancellationToken cancellationToken)
    {
        if (!await this.IsEditorAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await library.RemoveThemeResourceAsync(resource, viewers.Current, cancellationToken);
        return Redirect($"/themes/{Uri.EscapeDataString(code)}/resources");
    }

    private async Task LoadAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        Resources = await library.ListThemeResourcesAsync(code, cancellationToken);
    }
}
