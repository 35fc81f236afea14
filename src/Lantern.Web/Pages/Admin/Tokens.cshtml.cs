using Lantern.Web.Access;
using Lantern.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Admin;

[Authorize(Policy = LanternRoles.AdminPolicy)]
public sealed class TokensModel(AccountStore accounts, IViewerAccessor viewers) : PageModel
{
    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    public AccountResult? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await accounts.ListTokensAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? user, string? name, CancellationToken cancellationToken)
    {
        Outcome = await accounts.CreateTokenAsync(user ?? "", name ?? "", viewers.Current.UserName ?? "anonymous", viewers.Current.Address, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        Outcome = await accounts.RevokeTokenAsync(id, viewers.Current.UserName ?? "anonymous", viewers.Current.Address, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Tokens = await accounts.ListTokensAsync(null, cancellationToken);
        if (Outcome is { Succeeded: false })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        // The new token is shown once; keep the page out of caches.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
