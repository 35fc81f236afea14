using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Accounts;

/// <summary>
/// The editor policy for a form handler of a page anyone may read (Razor Pages cannot put [Authorize] on one handler):
/// the same rule as <c>[Authorize(Policy = LanternRoles.EditorPolicy)]</c>.
/// </summary>
internal static class EditorPolicyCheck
{
    public static async Task<bool> IsEditorAsync(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var authorization = page.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(page.User, LanternRoles.EditorPolicy)).Succeeded;
    }
}
