using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Documents;

public sealed class IndexModel(ListDocuments documents) : PageModel
{
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Documents = await documents.HandleAsync(0, ListDocuments.MaxTake, cancellationToken);
}
