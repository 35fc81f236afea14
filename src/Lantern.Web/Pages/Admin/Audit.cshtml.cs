using System.Globalization;
using System.Text;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Accounts;
using Lantern.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Admin;

[Authorize(Policy = LanternRoles.AdminPolicy)]
public sealed class AuditModel(IReviewLibrary library, IViewerAccessor viewers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Since { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var since = ParseDate(Since, "since");
        var until = ParseDate(Until, "until");
        if (Error is not null)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return Page();
        }

        var query = new AuditQuery { Since = since, Until = until, User = UserName, Action = ActionName, Take = 100_000 };
        Entries = await library.GetAuditLogAsync(viewers.Current, query, cancellationToken);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            AuditCsv.Write(writer, Entries);
            return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", "lantern-audit.csv");
        }

        Entries = [.. Entries.Take(500)];
        return Page();
    }

    private DateTimeOffset? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        Error = $"'{field}' must be a date such as 2026-12-01 (or 2026-12-01T09:30Z), not '{text}'.";
        return null;
    }
}
