using Lantern.Web.Features.Bulletins;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Bulletins;

/// <summary>Downloads a thematic briefing over the reviews the viewer may see: <c>?format=md|html|pdf</c>.</summary>
public sealed class ThemeModel(DownloadBulletin bulletins) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, string? format, CancellationToken cancellationToken)
    {
        var file = await bulletins.ForThemeAsync(code, format, cancellationToken);
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }
}
