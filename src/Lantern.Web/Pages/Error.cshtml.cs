using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages;

[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later.";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        switch (status)
        {
            case 404:
                Title = "Page not found";
                Message = "If you typed the web address, check it is correct. The review or document may not exist, or you may not have permission to see it.";
                break;
            case 403:
                Title = "You cannot do that";
                Message = "You do not have permission to see this page.";
                break;
            case 400:
            case 413:
                Title = "There is a problem with what was sent";
                Message = "The request could not be read. If you were adding files, they may be too large.";
                break;
        }
    }
}
