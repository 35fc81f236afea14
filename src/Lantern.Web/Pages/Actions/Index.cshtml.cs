using System.Text;
using Lantern.Web.Features.Actions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Actions;

public sealed class IndexModel(ListActions actions) : PageModel
{
    public ActionListView View { get; private set; } = null!;

    public async Task OnGetAsync(string? status, bool overdue, string? agency, string? review, CancellationToken cancellationToken) =>
        View = await actions.HandleAsync(new ActionQuery(status, overdue, agency, review), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(string? status, bool overdue, string? agency, string? review, CancellationToken cancellationToken)
    {
        var csv = await actions.CsvAsync(new ActionQuery(status, overdue, agency, review), cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "actions.csv");
    }

    /// <summary>The current filters as a query string, for the CSV link.</summary>
    public string QueryString() => Request.QueryString.HasValue ? Request.QueryString.Value!.TrimStart('?') : "";
}
