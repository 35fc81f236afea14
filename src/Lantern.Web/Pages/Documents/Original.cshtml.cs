using Lantern.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Documents;

/// <summary>Downloads the original file, always as an attachment (an uploaded HTML file must never render here).</summary>
public sealed class OriginalModel(DownloadOriginal download) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var file = await download.HandleAsync(id, cancellationToken);
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }
}
