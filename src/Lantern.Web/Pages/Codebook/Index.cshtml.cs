using Lantern.Web.Features.Coding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Codebook;

/// <summary>The theme codebook in force, and (for editors) an upload that replaces it after validation.</summary>
// 1 MB for the file plus room for the multipart envelope; larger bodies are refused before they are read.
[RequestSizeLimit(CodebookStore.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = CodebookStore.MaxBytes + (64 * 1024))]
public sealed class IndexModel(CodebookStore store) : PageModel
{
    public Core.Coding.Codebook Codebook { get; private set; } = null!;

    public bool CanReplace => store.CanReplace;

    public bool HasSaved => store.HasSaved;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    public void OnGet() => Codebook = store.Current();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!store.CanReplace)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var result = await store.ReplaceAsync(file?.FileName, file?.Length ?? 0, () => file!.OpenReadStream(), cancellationToken);
        Errors = result.Errors;
        Saved = result.Saved;
        Codebook = store.Current();
        return Page();
    }
}
