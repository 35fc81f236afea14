using System.Text;
using Lantern.Core.Dissemination;
using Lantern.Web.Accounts;
using Lantern.Web.Features.Dissemination;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Activities;

public sealed class IndexModel(ManageActivities activities) : PageModel
{
    public IReadOnlyList<LearningActivity> Activities { get; private set; } = [];

    public IReadOnlyList<ActivityRecipient> Reminders { get; private set; } = [];

    public string? From { get; private set; }

    public string? To { get; private set; }

    public string? PeriodError { get; private set; }

    public bool CanEdit => activities.CanEdit;

    public ActivityForm Form { get; private set; } = new(null, null, null, null, null, null, null, null);

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? from, string? to, CancellationToken cancellationToken) => await LoadAsync(from, to, cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(Encoding.UTF8.GetBytes(await activities.FeedbackCsvAsync(null, cancellationToken)), "text/csv; charset=utf-8", "feedback.csv");

    public async Task<IActionResult> OnPostAsync(string? kind, string? title, string? date, string? owner, string? agencies, string? teams, string? outcome, string? figures, CancellationToken cancellationToken)
    {
        if (!await this.IsEditorAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Form = new ActivityForm(kind, title, date, owner, agencies, teams, outcome, figures);
        var (stored, errors) = await activities.AddAsync(Form, cancellationToken);
        if (stored is { Stored: true, Id: { } id })
        {
            return Redirect($"/activities/{id}");
        }

        Errors = errors;
        await LoadAsync(null, null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        From = from;
        To = to;
        if (!ReviewDates.TryParseDate(from, out var fromDate) || !ReviewDates.TryParseDate(to, out var toDate))
        {
            PeriodError = "Enter the dates as YYYY-MM-DD, for example 2025-04-01";
            return;
        }

        Activities = await activities.ListAsync(fromDate, toDate, cancellationToken);
        Reminders = CanEdit ? await activities.RemindersAsync(cancellationToken) : [];
    }
}
