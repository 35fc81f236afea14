using Lantern.Web.Features.Bulletins;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Bulletins;

/// <summary>Downloads a review's bulletin: <c>?format=md|html|pdf&amp;layout=bulletin|seven-minute</c>.</summary>
public sealed class ReviewModel(DownloadBulletin bulletins) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, string? format, string? layout, CancellationToken cancellationToken)
    {
        var file = await bulletins.ForReviewAsync(id, format, layout, cancellationToken);
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }
}
