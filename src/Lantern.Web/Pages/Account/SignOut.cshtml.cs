using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<LanternUser> signIn, IReviewLibrary library, IViewerAccessor viewers) : PageModel
{
    public bool SignedIn => viewers.Current.UserName is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var viewer = viewers.Current;
        if (viewer.UserName is { } name)
        {
            await signIn.SignOutAsync();
            await library.AppendAuditAsync(name, "sign-out", viewer.Address, null, cancellationToken);
        }

        return LocalRedirect("/");
    }
}
