using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Documents;

public sealed class ShowModel(ShowDocument documents) : PageModel
{
    public DocumentDetail Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var document = await documents.HandleAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
