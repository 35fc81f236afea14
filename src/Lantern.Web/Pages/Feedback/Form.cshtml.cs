using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Dissemination;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Feedback;

/// <summary>
/// A team's feedback form. No account: the token in the address is the permission. The page shows only the briefing
/// (kind, title, date) and the team; a link that does not work shows why in general terms and nothing else. Open to
/// visitors not signed in even under require-sign-in: the teams asked have no accounts.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class FormModel(CollectFeedback feedback) : PageModel
{
    public FeedbackInvitation Invitation { get; private set; } = FeedbackInvitation.Refused(FeedbackLinkState.Unknown);

    public string? DiscussedIn { get; private set; }

    public string? WillChange { get; private set; }

    public string? Usefulness { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        NoStore();
        Invitation = await feedback.OpenAsync(token, cancellationToken);
        return Result();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? discussedIn, string? willChange, string? usefulness, CancellationToken cancellationToken)
    {
        NoStore();
        (DiscussedIn, WillChange, Usefulness) = (discussedIn, willChange, usefulness);
        Invitation = await feedback.SubmitAsync(token, discussedIn, willChange, usefulness, cancellationToken);
        return Result();
    }

    private IActionResult Result()
    {
        // A link that never existed is a 404; one that existed but no longer works says so (410 Gone), without detail.
        Response.StatusCode = Invitation.State switch
        {
            FeedbackLinkState.Unknown => 404,
            FeedbackLinkState.Used or FeedbackLinkState.Revoked or FeedbackLinkState.Expired => 410,
            _ => 200,
        };
        return Page();
    }

    // The token is a secret: keep the page out of caches (Referrer-Policy no-referrer is set for every page).
    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
