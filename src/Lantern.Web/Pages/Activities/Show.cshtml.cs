using Lantern.Storage.Abstractions;
using Lantern.Web.Accounts;
using Lantern.Web.Features.Dissemination;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Activities;

public sealed class ShowModel(ManageActivities activities) : PageModel
{
    public ActivityView View { get; private set; } = null!;

    /// <summary>The links just made, shown once (only their hashes are kept).</summary>
    public IReadOnlyList<IssuedLink> Issued { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public string? Teams { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostSendAsync(long id, string? teams, int? days, CancellationToken cancellationToken)
    {
        if (!await this.IsEditorAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var (outcome, error) = await activities.SendAsync(id, teams, days ?? 28, cancellationToken);
        Issued = outcome?.Links ?? [];
        Error = error;
        Teams = error is null ? null : teams;
        Message = outcome?.Message;
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, long recipient, CancellationToken cancellationToken)
    {
        if (!await this.IsEditorAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await activities.RevokeAsync(recipient, cancellationToken);
        (outcome.Stored ? (Action<string>)(m => Message = m) : m => Error = m)(outcome.Message);
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostLinkAsync(long id, string? review, string? theme, string? action, CancellationToken cancellationToken)
    {
        if (!await this.IsEditorAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var target = new ActivityLinkTarget(Number(review), string.IsNullOrWhiteSpace(theme) ? null : theme.Trim(), Number(action));
        var outcome = await activities.LinkAsync(id, target, cancellationToken);
        (outcome.Stored ? (Action<string>)(m => Message = m) : m => Error = m)(outcome.Message);
        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>The address of a team's feedback form on this server.</summary>
    public string FeedbackUrl(string token) => $"{Request.Scheme}://{Request.Host}/feedback/{token}";

    private static long? Number(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var view = await activities.ShowAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
