using Lantern.Web.Features.Actions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Actions;

public sealed class ShowModel(EditAction actions) : PageModel
{
    public ActionView View { get; private set; } = null!;

    /// <summary>The form's values: as stored on GET, as typed after a failed POST.</summary>
    public ActionEdit Form { get; private set; } = new(0, null, null, null, null, null);

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? Saved { get; private set; }

    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, int version, string? status, string? due, string? lead, string? agency, string? evidence, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!View.CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var edit = new ActionEdit(version, status, due, lead, agency, evidence);
        var result = await actions.UpdateAsync(id, edit, cancellationToken);
        if (result.Stored)
        {
            // Post/redirect/get, so a refresh does not post the same edit again.
            return Redirect($"/actions/{id}?saved=1");
        }

        Errors = result.Errors;
        Conflict = result.Conflict;
        // Keep what the editor typed so nothing is lost; on a conflict the hidden version stays the old one until they reload.
        Form = edit;
        await LoadAsync(id, cancellationToken);
        Form = edit;
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!View.CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (file is null || file.Length == 0)
        {
            Errors = new Dictionary<string, string> { ["file"] = "Select a file" };
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var outcome = await actions.AttachAsync(id, file.FileName, stream, file.Length, cancellationToken);
        if (!outcome.Stored)
        {
            Errors = new Dictionary<string, string> { ["file"] = outcome.Message };
            return Page();
        }

        return Redirect($"/actions/{id}?saved=1");
    }

    public async Task<IActionResult> OnGetFileAsync(long id, long fileId, CancellationToken cancellationToken)
    {
        var file = await actions.FileAsync(id, fileId, cancellationToken);
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var view = await actions.ShowAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        var a = view.Action;
        Form = new ActionEdit(a.Version, Lantern.Storage.Abstractions.ActionStatuses.Name(a.Status),
            a.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Lead, a.Agency, a.Evidence);
        return null;
    }
}
