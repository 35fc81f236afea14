using Lantern.Core.Analysis.Charts;
using Lantern.Core.Model;

namespace Lantern.Core.Dissemination;

/// <summary>The period a yearly report covers, both days included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly? date) => date is { } d && d >= From && d <= To;

    public override string ToString() => $"{ReviewDates.Iso(From)} to {ReviewDates.Iso(To)}";
}

/// <summary>A review as the report sees it: its dates, its effective themes and whether it is restricted.</summary>
public sealed record ReportReview(long Id, string Title, string? Reference, string? Type, int? Year, ReviewDates Dates, IReadOnlyList<string> Themes, Visibility Visibility)
{
    /// <summary>
    /// The day that places the review in a period: published, else commissioned, else rapid review sent, else notified,
    /// else aware, else 1 January of its year; null when none is known.
    /// </summary>
    public DateOnly? Anchor => Dates.Published ?? Dates.Commissioned ?? Dates.RapidReviewSent ?? Dates.Notified ?? Dates.Aware
        ?? (Year is { } y and >= 1 and <= 9999 ? new DateOnly(y, 1, 1) : null);
}

/// <summary>A tracked action as the report counts it.</summary>
public sealed record ReportAction(DateOnly AgreedOn, string Status, DateOnly? Due, DateOnly? DoneOn, Visibility Visibility);

/// <summary>Everything the report is built from, already limited to what the viewer may see.</summary>
public sealed record ReportInputs(
    IReadOnlyList<ReportReview> Reviews,
    IReadOnlyList<ReportAction> Actions,
    IReadOnlyList<LearningActivity> Activities,
    IReadOnlyList<ActivityRecipient> Recipients,
    IReadOnlyList<TeamFeedback> Feedback);

public sealed record ReviewFigures(
    int Notified,
    int RapidReviewsCompleted,
    int RapidReviewsWithin15WorkingDays,
    int RapidReviewsNotJudged,
    int LocalReviewsCommissioned,
    int LocalReviewsPublished,
    IReadOnlyList<string> PublishedTitles,
    int RestrictedPublished);

/// <summary>A theme of the period: how many of the period's reviews carry it, and whether earlier reviews did.</summary>
public sealed record ThemeFigure(string Code, string Label, int Reviews, bool IsNew, int EarlierReviews);

public sealed record ActionFigures(int Agreed, int Done, int Overdue);

/// <summary>A learning activity of the period, as listed (restricted ones are counted, never listed).</summary>
public sealed record ActivityLine(long Id, string Kind, string Title, DateOnly HeldOn, string? Owner, int TeamsSent, int Responses);

public sealed record ActivityFigures(
    int Total,
    IReadOnlyList<(string Kind, int Count)> ByKind,
    int BriefingsSent,
    int AgenciesReached,
    int TeamsReached,
    int Restricted,
    IReadOnlyList<ActivityLine> Listed);

public sealed record AuditFindings(string Title, DateOnly HeldOn, string? Findings, IReadOnlyList<AuditFigure> Figures);

public sealed record ImpactFigures(
    int Responses,
    int TeamsAsked,
    double? AverageUsefulness,
    IReadOnlyList<(string Setting, int Count)> DiscussedIn,
    IReadOnlyList<string> Changes,
    IReadOnlyList<AuditFindings> Audits);

/// <summary>
/// The learning section of a partnership's yearly report for one period. Restricted material appears only in the
/// counts (and only when the viewer may see it: otherwise it is not in the inputs at all).
/// </summary>
public sealed record YearlyReport(
    ReportPeriod Period,
    DateOnly Produced,
    ReviewFigures Reviews,
    IReadOnlyList<ThemeFigure> Themes,
    ActionFigures Actions,
    ActivityFigures Activities,
    ImpactFigures Impact,
    IReadOnlyList<Chart> Charts);
