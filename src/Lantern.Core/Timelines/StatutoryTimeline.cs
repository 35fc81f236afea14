using System.Globalization;

namespace Lantern.Core.Timelines;

/// <summary>
/// The statutory timeline after a serious incident in England (Working Together to Safeguard Children):
/// notify the Child Safeguarding Practice Review Panel within 5 working days of becoming aware; send the rapid review,
/// with the decision on whether to hold a local child safeguarding practice review, within 15 working days of the
/// notification; publish an LCSPR within 6 calendar months of its start. Working days come from a
/// <see cref="WorkingDayCalendar"/>; "today" comes from a <see cref="TimeProvider"/> (its local time zone).
/// </summary>
public sealed class StatutoryTimeline
{
    /// <summary>Working days from becoming aware to the notification deadline.</summary>
    public const int NotificationWorkingDays = 5;

    /// <summary>Working days from the notification to the rapid review deadline.</summary>
    public const int RapidReviewWorkingDays = 15;

    /// <summary>Calendar months from an LCSPR's start to its expected publication.</summary>
    public const int LcsprPublicationMonths = 6;

    /// <summary>A step not yet done and due within this many working days (or today) is due soon.</summary>
    public const int DueSoonWorkingDays = 3;

    private readonly WorkingDayCalendar _calendar;
    private readonly TimeProvider _time;

    /// <summary>Creates a timeline over <paramref name="calendar"/>, reading today's date from <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public StatutoryTimeline(WorkingDayCalendar calendar, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(time);
        _calendar = calendar;
        _time = time;
    }

    /// <summary>Today's date in the time provider's local time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);

    /// <summary>Works out every deadline for <paramref name="incident"/> and its status today.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="incident"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline would fall after 9999-12-31.</exception>
    /// <exception cref="ArgumentException">A step is dated before the one it follows (e.g. notified before becoming aware).</exception>
    public StatutoryTimelineResult Calculate(SeriousIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        CheckOrder(incident);
        var today = Today;
        var deadlines = new List<Deadline>();

        var notificationDue = _calendar.AddWorkingDays(incident.Aware, NotificationWorkingDays);
        deadlines.Add(Make(
            "notification",
            "Notify the Child Safeguarding Practice Review Panel",
            notificationDue,
            $"{NotificationWorkingDays} working days after becoming aware ({Iso(incident.Aware)})",
            incident.Notified,
            today));

        // The rapid review clock runs from the notification actually sent; until then, from the day it is due.
        var clockStart = incident.Notified ?? notificationDue;
        var clockLabel = incident.Notified is null ? "the notification due date" : "the notification";
        var rapidReviewDue = _calendar.AddWorkingDays(clockStart, RapidReviewWorkingDays);
        var rapidRule = $"{RapidReviewWorkingDays} working days after {clockLabel} ({Iso(clockStart)})";
        deadlines.Add(Make("rapid-review", "Send the rapid review to the Panel", rapidReviewDue, rapidRule, incident.RapidReviewSent, today));
        deadlines.Add(Make(
            "lcspr-decision",
            "Decide whether to hold a local child safeguarding practice review",
            rapidReviewDue,
            "made with the rapid review: " + rapidRule,
            incident.RapidReviewSent,
            today));

        if (incident.LcsprStart is { } start)
        {
            deadlines.Add(Make(
                "lcspr-publication",
                "Publish the local child safeguarding practice review",
                start.AddMonths(LcsprPublicationMonths),
                $"{LcsprPublicationMonths} calendar months after the review started ({Iso(start)})",
                incident.LcsprPublished,
                today));
        }

        return new StatutoryTimelineResult(incident, today, deadlines);
    }

    private static void CheckOrder(SeriousIncident incident)
    {
        static void Before(DateOnly? earlier, string earlierName, DateOnly? later, string laterName)
        {
            if (earlier is { } e && later is { } l && l < e)
            {
                throw new ArgumentException($"{laterName} ({Iso(l)}) is before {earlierName} ({Iso(e)})", nameof(incident));
            }
        }

        Before(incident.Aware, "becoming aware", incident.Notified, "the notification");
        Before(incident.Notified ?? incident.Aware, incident.Notified is null ? "becoming aware" : "the notification", incident.RapidReviewSent, "the rapid review");
        Before(incident.Aware, "becoming aware", incident.LcsprStart, "the LCSPR's start");
        Before(incident.LcsprStart, "the LCSPR's start", incident.LcsprPublished, "the LCSPR's publication");
    }

    private Deadline Make(string key, string title, DateOnly due, string rule, DateOnly? doneOn, DateOnly today)
    {
        if (doneOn is not null)
        {
            return new Deadline(key, title, due, rule, DeadlineStatus.Done, doneOn, null);
        }

        var left = _calendar.WorkingDaysBetween(today, due);
        var status = today > due ? DeadlineStatus.Overdue
            : left <= DueSoonWorkingDays ? DeadlineStatus.DueSoon
            : DeadlineStatus.Upcoming;
        return new Deadline(key, title, due, rule, status, null, left);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
