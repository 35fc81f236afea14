using Lantern.Web.Access;
using Lantern.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Admin;

[Authorize(Policy = LanternRoles.AdminPolicy)]
public sealed class UsersModel(AccountStore accounts, IViewerAccessor viewers) : PageModel
{
    public IReadOnlyList<AccountSummary> Users { get; private set; } = [];

    public AccountResult? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await accounts.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string? name, string? password, string? role, CancellationToken cancellationToken) =>
        ChangeAsync(() => accounts.AddAsync(name ?? "", password ?? "", role ?? LanternRoles.Reader, Actor, Address, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string? name, CancellationToken cancellationToken) =>
        ChangeAsync(() => accounts.SetDisabledAsync(name ?? "", true, Actor, Address, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string? name, CancellationToken cancellationToken) =>
        ChangeAsync(() => accounts.SetDisabledAsync(name ?? "", false, Actor, Address, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(string? name, string? role, CancellationToken cancellationToken) =>
        ChangeAsync(() => accounts.SetRoleAsync(name ?? "", role ?? "", Actor, Address, cancellationToken), cancellationToken);

    private string Actor => viewers.Current.UserName ?? "anonymous";

    private string? Address => viewers.Current.Address;

    private async Task<IActionResult> ChangeAsync(Func<Task<AccountResult>> change, CancellationToken cancellationToken)
    {
        Outcome = await change();
        Users = await accounts.ListAsync(cancellationToken);
        if (!Outcome.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
