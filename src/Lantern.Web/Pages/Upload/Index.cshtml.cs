using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Upload;

public sealed class IndexModel(UploadDocuments upload) : PageModel
{
    public IReadOnlyList<IngestOutcome>? Outcomes { get; private set; }

    public string? Error { get; private set; }

    public bool Restricted { get; private set; }

    public long MaxMegabytes => upload.MaxBytes / (1024 * 1024);

    public IActionResult OnGet() => upload.CanUpload ? Page() : Forbid403();

    public async Task<IActionResult> OnPostAsync(IFormFileCollection files, string? visibility, CancellationToken cancellationToken)
    {
        if (!upload.CanUpload)
        {
            return Forbid403();
        }

        Restricted = visibility == "restricted";
        if (files is null || files.Count == 0)
        {
            Error = "Select at least one file";
            return Page();
        }

        var uploaded = files.Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
        Outcomes = await upload.HandleAsync(uploaded, Restricted ? Visibility.Restricted : Visibility.Public, cancellationToken);
        return Page();
    }

    // No sign-in exists yet, so there is nowhere to send a challenge: answer 403 and let the error page explain.
    private StatusCodeResult Forbid403() => StatusCode(StatusCodes.Status403Forbidden);
}
