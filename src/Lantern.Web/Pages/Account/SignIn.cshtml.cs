using Lantern.Storage.Abstractions;
using Lantern.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<LanternUser> signIn, IReviewLibrary library) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = (UserName ?? "").Trim();
        if (name.Length == 0 || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your user name and password.";
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        var actor = name.Length > 100 ? name[..100] : name;
        if (result.Succeeded)
        {
            await library.AppendAuditAsync(actor, "sign-in", address, null, cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        await library.AppendAuditAsync(actor, result.IsLockedOut ? "sign-in-locked-out" : "sign-in-failed", address, null, cancellationToken);
        Error = result.IsLockedOut
            ? "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an administrator."
            : "The user name or password is not right.";
        return Page();
    }
}
