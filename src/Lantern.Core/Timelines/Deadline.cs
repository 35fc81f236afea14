namespace Lantern.Core.Timelines;

/// <summary>Where a deadline stands on a given day.</summary>
public enum DeadlineStatus
{
    /// <summary>Not done, and more than <see cref="StatutoryTimeline.DueSoonWorkingDays"/> working days away.</summary>
    Upcoming,

    /// <summary>Not done, and due today or within <see cref="StatutoryTimeline.DueSoonWorkingDays"/> working days.</summary>
    DueSoon,

    /// <summary>Not done, and the due date has passed.</summary>
    Overdue,

    /// <summary>Done; see <see cref="Deadline.DoneOn"/> and <see cref="Deadline.OnTime"/>.</summary>
    Done,
}

/// <summary>
/// One statutory step with its due date and status.
/// </summary>
/// <param name="Key">A stable code: notification, rapid-review, lcspr-decision or lcspr-publication.</param>
/// <param name="Title">The step in plain English.</param>
/// <param name="Due">The last day on which the step is on time.</param>
/// <param name="Rule">How the due date was worked out, e.g. "5 working days after becoming aware (2022-05-27)".</param>
/// <param name="Status">The status on <see cref="StatutoryTimelineResult.Today"/>.</param>
/// <param name="DoneOn">When the step was done, if it has been.</param>
/// <param name="WorkingDaysLeft">Working days from today to the due date (negative when overdue); null when done.</param>
public sealed record Deadline(
    string Key,
    string Title,
    DateOnly Due,
    string Rule,
    DeadlineStatus Status,
    DateOnly? DoneOn,
    int? WorkingDaysLeft)
{
    /// <summary>True when done on or before the due date; null when not done.</summary>
    public bool? OnTime => DoneOn is { } done ? done <= Due : null;
}

/// <summary>The deadlines for one incident as they stand on <paramref name="Today"/>.</summary>
public sealed record StatutoryTimelineResult(SeriousIncident Incident, DateOnly Today, IReadOnlyList<Deadline> Deadlines);
