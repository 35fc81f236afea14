using Lantern.Core.Dissemination;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Dissemination;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Dissemination;

/// <summary>A new activity as posted from the form: every field as typed.</summary>
public sealed record ActivityForm(string? Kind, string? Title, string? Date, string? Owner, string? Agencies, string? Teams, string? Outcome, string? Figures);

/// <summary>One activity with the teams it went to, their feedback, and whether the viewer may change it.</summary>
public sealed record ActivityView(LearningActivity Activity, IReadOnlyList<ActivityRecipient> Recipients, IReadOnlyList<TeamFeedback> Feedback, bool CanEdit, DateTimeOffset Now);

/// <summary>Lists, shows, records and sends learning activities for the current viewer; pages, API and CSV all use it.</summary>
public sealed class ManageActivities(IReviewLibrary library, IViewerAccessor viewers, TimeProvider clock)
{
    public bool CanEdit => viewers.Current.CanEdit;

    public Task<IReadOnlyList<LearningActivity>> ListAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        library.ListActivitiesAsync(new ActivityFilter { From = from, To = to }, viewers.Current, cancellationToken);

    public async Task<ActivityView?> ShowAsync(long id, CancellationToken cancellationToken)
    {
        var viewer = viewers.Current;
        var activity = await library.GetActivityAsync(id, viewer, cancellationToken);
        return activity is null
            ? null
            : new ActivityView(activity, await library.ListRecipientsAsync(id, viewer, cancellationToken), await library.ListFeedbackAsync(id, viewer, cancellationToken), viewer.CanEdit, clock.GetUtcNow());
    }

    /// <summary>Validates and stores a new activity; the errors are keyed by field id.</summary>
    public async Task<(DisseminationOutcome? Outcome, IReadOnlyDictionary<string, string> Errors)> AddAsync(ActivityForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var kind = ActivityKinds.Parse(form.Kind);
        if (kind is null)
        {
            errors["kind"] = "Select the kind of activity";
        }

        if (string.IsNullOrWhiteSpace(form.Title))
        {
            errors["title"] = "Enter the activity's title";
        }

        if (!ReviewDates.TryParseDate(form.Date, out var date) || date is null)
        {
            errors["date"] = "Enter the date as YYYY-MM-DD, for example 2025-06-30";
        }

        var (figures, figureError) = AuditFigure.ParseLines(form.Figures);
        if (figureError is not null)
        {
            errors["figures"] = char.ToUpperInvariant(figureError[0]) + figureError[1..];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var outcome = await library.AddActivityAsync(new NewActivity(kind!.Value, form.Title!, date!.Value, form.Owner, Lines(form.Agencies), Lines(form.Teams), form.Outcome, figures), viewers.Current, cancellationToken);
        if (!outcome.Stored)
        {
            errors["title"] = outcome.Message;
        }

        return (outcome, errors);
    }

    /// <summary>Sends to teams typed one per line as "Agency / Team"; the links (with their tokens) are returned once.</summary>
    public async Task<(SendOutcome? Outcome, string? Error)> SendAsync(long id, string? teams, int days, CancellationToken cancellationToken)
    {
        var addresses = new List<TeamAddress>();
        foreach (var line in Lines(teams))
        {
            var parts = line.Split('/', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return (null, $"Write each team as \u201cAgency / Team\u201d: \u201c{line}\u201d is not");
            }

            addresses.Add(new TeamAddress(parts[0], parts[1]));
        }

        if (addresses.Count == 0)
        {
            return (null, "Enter at least one team, as \u201cAgency / Team\u201d");
        }

        var outcome = await library.SendActivityAsync(id, addresses, TimeSpan.FromDays(days), viewers.Current, cancellationToken);
        return outcome.Stored ? (outcome, null) : (null, outcome.Message);
    }

    public Task<DisseminationOutcome> RevokeAsync(long recipientId, CancellationToken cancellationToken) =>
        library.RevokeRecipientAsync(recipientId, viewers.Current, cancellationToken);

    public Task<DisseminationOutcome> LinkAsync(long id, ActivityLinkTarget target, CancellationToken cancellationToken) =>
        library.LinkActivityAsync(id, target, viewers.Current, cancellationToken);

    public Task<IReadOnlyList<ActivityRecipient>> RemindersAsync(CancellationToken cancellationToken) =>
        library.ListRemindersAsync(null, viewers.Current, cancellationToken);

    public async Task<string> FeedbackCsvAsync(long? activityId, CancellationToken cancellationToken) =>
        FeedbackCsv.ToCsv(await library.ListFeedbackAsync(activityId, viewers.Current, cancellationToken));

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
