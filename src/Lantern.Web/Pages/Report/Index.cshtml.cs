using System.Text;
using Lantern.Core.Dissemination;
using Lantern.Web.Features.Dissemination;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Report;

public sealed class IndexModel(BuildYearlyReport reports) : PageModel
{
    public ReportResult Result { get; private set; } = null!;

    public async Task OnGetAsync(string? from, string? to, CancellationToken cancellationToken) =>
        Result = await reports.HandleAsync(new ReportQuery(from, to), cancellationToken);

    /// <summary>The report as a file: format md, html or pdf.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        Result = await reports.HandleAsync(new ReportQuery(from, to), cancellationToken);
        if (Result.Report is not { } report)
        {
            return Page();
        }

        var name = $"learning-report-{Result.Query.From}-to-{Result.Query.To}";
        return format switch
        {
            "pdf" => File(YearlyReportRenderer.ToPdf(report), "application/pdf", name + ".pdf"),
            "html" => File(Encoding.UTF8.GetBytes(YearlyReportRenderer.ToHtml(report)), "text/html; charset=utf-8", name + ".html"),
            _ => File(Encoding.UTF8.GetBytes(YearlyReportRenderer.ToMarkdown(report)), "text/markdown; charset=utf-8", name + ".md"),
        };
    }
}
