using Lantern.Core.Analysis.Charts;
using Lantern.Core.Model;
using Lantern.Core.Timelines;

namespace Lantern.Core.Dissemination;

/// <summary>
/// Builds the yearly report from the library's reviews, actions, learning activities and feedback. Rapid-review
/// timeliness uses the statutory timeline itself (<see cref="StatutoryTimeline"/> over <see cref="WorkingDayCalendar"/>),
/// so "within 15 working days" means exactly what the timeline page means.
/// </summary>
public sealed class YearlyReportBuilder
{
    /// <summary>At most this many "what we will do differently" answers are quoted.</summary>
    public const int MaxQuotedChanges = 10;

    private readonly StatutoryTimeline _timeline;
    private readonly TimeProvider _clock;
    private readonly Func<string, string> _themeLabel;

    /// <param name="calendar">Working days; default England and Wales, as the statutory timeline.</param>
    /// <param name="clock">Today's date (for overdue actions and the date produced).</param>
    /// <param name="themeLabel">A theme code's name (default: the code made readable).</param>
    public YearlyReportBuilder(WorkingDayCalendar? calendar = null, TimeProvider? clock = null, Func<string, string>? themeLabel = null)
    {
        _clock = clock ?? TimeProvider.System;
        _timeline = new StatutoryTimeline(calendar ?? WorkingDayCalendar.EnglandAndWales, _clock);
        _themeLabel = themeLabel ?? AnalysisCharts.DefaultLabel;
    }

    /// <exception cref="ArgumentException">The period ends before it starts.</exception>
    public YearlyReport Build(ReportPeriod period, ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(inputs);
        if (period.To < period.From)
        {
            throw new ArgumentException($"the period ends ({ReviewDates.Iso(period.To)}) before it starts ({ReviewDates.Iso(period.From)})", nameof(period));
        }

        var today = _timeline.Today;
        var reviews = Reviews(period, inputs.Reviews);
        var themes = Themes(period, inputs.Reviews);
        var actions = new ActionFigures(
            inputs.Actions.Count(a => period.Contains(a.AgreedOn)),
            inputs.Actions.Count(a => a.Status == "done" && a.DoneOn is { } done && period.Contains(done)),
            inputs.Actions.Count(a => a.Due is { } due && due < today && due <= period.To && a.Status is not ("done" or "dropped")));
        var activities = inputs.Activities.Where(a => period.Contains(a.HeldOn)).ToList();
        var ids = activities.Select(a => a.Id).ToHashSet();
        var recipients = inputs.Recipients.Where(r => ids.Contains(r.ActivityId)).ToList();
        var feedback = inputs.Feedback.Where(f => ids.Contains(f.ActivityId)).ToList();
        var activityFigures = Activities(activities, recipients);
        var impact = Impact(activities, recipients, feedback);
        var charts = new List<Chart>
        {
            SvgCharts.Bars("report-themes", "Themes of the period", [.. themes.Select(t => ($"{t.Label} ({(t.IsNew ? "new" : "recurring")})", t.Reviews))], "Theme", "Reviews"),
            SvgCharts.Bars("report-activities", "Learning activities by kind", activityFigures.ByKind, "Kind", "Activities"),
        };
        return new YearlyReport(period, today, reviews, themes, actions, activityFigures, impact, charts);
    }

    private ReviewFigures Reviews(ReportPeriod period, IReadOnlyList<ReportReview> all)
    {
        var rapid = all.Where(r => period.Contains(r.Dates.RapidReviewSent)).ToList();
        var within = 0;
        var notJudged = 0;
        foreach (var review in rapid)
        {
            if (OnTime(review.Dates) is { } onTime)
            {
                within += onTime ? 1 : 0;
            }
            else
            {
                notJudged++;
            }
        }

        var published = all.Where(r => period.Contains(r.Dates.Published)).ToList();
        return new ReviewFigures(
            all.Count(r => period.Contains(r.Dates.Notified)),
            rapid.Count,
            within,
            notJudged,
            all.Count(r => period.Contains(r.Dates.Commissioned)),
            published.Count,
            [.. published.Where(r => r.Visibility == Visibility.Public).Select(r => r.Reference is { Length: > 0 } reference ? $"{r.Title} ({reference})" : r.Title)],
            published.Count(r => r.Visibility != Visibility.Public));
    }

    /// <summary>
    /// Whether the rapid review was sent by the statutory deadline (15 working days from the notification); null when
    /// neither the notification nor the day of becoming aware is known, or the dates are out of order.
    /// </summary>
    public bool? OnTime(ReviewDates dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.RapidReviewSent is null || (dates.Aware ?? dates.Notified) is not { } aware)
        {
            return null;
        }

        try
        {
            var result = _timeline.Calculate(new SeriousIncident(aware, dates.Notified, dates.RapidReviewSent));
            return result.Deadlines.First(d => d.Key == "rapid-review").OnTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private List<ThemeFigure> Themes(ReportPeriod period, IReadOnlyList<ReportReview> all)
    {
        var inPeriod = all.Where(r => period.Contains(r.Anchor)).ToList();
        var earlier = all.Where(r => r.Anchor is { } a && a < period.From).ToList();
        return [.. inPeriod.SelectMany(r => r.Themes.Distinct(StringComparer.Ordinal))
            .GroupBy(code => code, StringComparer.Ordinal)
            .Select(g =>
            {
                var before = earlier.Count(r => r.Themes.Contains(g.Key, StringComparer.Ordinal));
                return new ThemeFigure(g.Key, _themeLabel(g.Key), g.Count(), before == 0, before);
            })
            .OrderByDescending(t => t.Reviews).ThenBy(t => t.Label, StringComparer.Ordinal)];
    }

    private static ActivityFigures Activities(List<LearningActivity> activities, List<ActivityRecipient> recipients)
    {
        var byKind = ActivityKinds.All
            .Select(k => (ActivityKinds.Label(k), activities.Count(a => a.Kind == k)))
            .Where(k => k.Item2 > 0)
            .ToList();
        var agencies = activities.SelectMany(a => a.Agencies).Concat(recipients.Select(r => r.Agency))
            .Select(Key).Distinct(StringComparer.Ordinal).Count();
        var teams = activities.SelectMany(a => a.Teams).Concat(recipients.Select(r => $"{r.Agency} / {r.Team}"))
            .Select(Key).Distinct(StringComparer.Ordinal).Count();
        var listed = activities.Where(a => a.Visibility == Visibility.Public)
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id)
            .Select(a => new ActivityLine(a.Id, ActivityKinds.Label(a.Kind), a.Title, a.HeldOn, a.Owner,
                recipients.Count(r => r.ActivityId == a.Id), recipients.Count(r => r.ActivityId == a.Id && r.RespondedAt is not null)))
            .ToList();
        return new ActivityFigures(
            activities.Count,
            byKind,
            activities.Count(a => a.Kind == ActivityKind.Briefing && recipients.Any(r => r.ActivityId == a.Id)),
            agencies,
            teams,
            activities.Count(a => a.Visibility != Visibility.Public),
            listed);
    }

    private static ImpactFigures Impact(List<LearningActivity> activities, List<ActivityRecipient> recipients, List<TeamFeedback> feedback)
    {
        var discussed = DiscussionSettings.All
            .Select(s => (s.Label, feedback.Count(f => f.DiscussedIn == s.Name)))
            .Where(s => s.Item2 > 0)
            .ToList();
        var changes = feedback.Where(f => f.Visibility == Visibility.Public && f.WillChange.Trim().Length > 0)
            .OrderBy(f => f.SubmittedAt)
            .Take(MaxQuotedChanges)
            .Select(f => f.WillChange.Trim())
            .ToList();
        var audits = activities.Where(a => a.Kind == ActivityKind.Audit && a.Visibility == Visibility.Public)
            .OrderBy(a => a.HeldOn)
            .Select(a => new AuditFindings(a.Title, a.HeldOn, a.Outcome, a.Figures))
            .ToList();
        return new ImpactFigures(
            feedback.Count,
            recipients.Count,
            feedback.Count == 0 ? null : Math.Round(feedback.Average(f => f.Usefulness), 1),
            discussed,
            changes,
            audits);
    }

    private static string Key(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
