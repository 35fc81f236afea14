using System.Globalization;
using Lantern.Core.Timelines;

namespace Lantern.Web.Features.Timelines;

/// <summary>The timeline form as typed (dates as YYYY-MM-DD; all optional but the aware date).</summary>
public sealed record TimelineQuery(string? Aware, string? Notified, string? RapidReviewSent, string? LcsprStart);

/// <summary>The deadlines, or the errors against each field (key = field id); both empty before the form is filled in.</summary>
public sealed record TimelineView(TimelineQuery Query, StatutoryTimelineResult? Result, IReadOnlyDictionary<string, string> Errors, DateOnly Today);

/// <summary>Works out the statutory deadlines of a serious incident, as of today by the app's clock.</summary>
public sealed class CalculateTimeline(TimeProvider clock)
{
    public TimelineView Handle(TimelineQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var timeline = new StatutoryTimeline(WorkingDayCalendar.EnglandAndWales, clock);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(query.Aware))
        {
            if (!string.IsNullOrWhiteSpace(query.Notified) || !string.IsNullOrWhiteSpace(query.RapidReviewSent) || !string.IsNullOrWhiteSpace(query.LcsprStart))
            {
                errors["aware"] = "Enter the date the local authority became aware of the incident";
            }

            return new TimelineView(query, null, errors, timeline.Today);
        }

        var aware = Date(query.Aware, "aware", "the date the local authority became aware", errors);
        var notified = Date(query.Notified, "notified", "the date the Panel was notified", errors);
        var sent = Date(query.RapidReviewSent, "rapid-review-sent", "the date the rapid review was sent", errors);
        var start = Date(query.LcsprStart, "lcspr-start", "the date the LCSPR started", errors);
        if (errors.Count > 0 || aware is null)
        {
            return new TimelineView(query, null, errors, timeline.Today);
        }

        try
        {
            return new TimelineView(query, timeline.Calculate(new SeriousIncident(aware.Value, notified, sent, start)), errors, timeline.Today);
        }
        catch (ArgumentException ex)
        {
            // The Core says which step is dated before the one it follows, in plain English.
            errors["aware"] = ex.Message.Split(" (Parameter", StringSplitOptions.None)[0];
            return new TimelineView(query, null, errors, timeline.Today);
        }
    }

    private static DateOnly? Date(string? text, string field, string what, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = $"Enter {what} as YYYY-MM-DD, for example 2025-03-14";
        return null;
    }
}
