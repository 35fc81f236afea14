using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Core.Timelines;

namespace Lantern.Core.Tests.Dissemination;

public class YearlyReportBuilderTests
{
    private static readonly ReportPeriod Year = new(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31));
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Timeliness_CountsWorkingDaysWithTheStatutoryCalendar_AcrossChristmasBankHolidays()
    {
        // Notified Friday 19 December 2025: 25, 26 December and 1 January are bank holidays, so the 15th working day
        // is Wednesday 14 January 2026 (counting weekdays alone would give Friday 9 January).
        var notified = new DateOnly(2025, 12, 19);
        var deadline = WorkingDayCalendar.EnglandAndWales.AddWorkingDays(notified, StatutoryTimeline.RapidReviewWorkingDays);
        deadline.ShouldBe(new DateOnly(2026, 1, 14));
        var reviews = new[]
        {
            Review(1, new ReviewDates(Notified: notified, RapidReviewSent: deadline)),
            Review(2, new ReviewDates(Notified: notified, RapidReviewSent: deadline.AddDays(1))),
            Review(3, new ReviewDates(Notified: notified, RapidReviewSent: new DateOnly(2026, 1, 12))),
            Review(4, new ReviewDates(RapidReviewSent: new DateOnly(2026, 1, 12))),
        };

        var report = new YearlyReportBuilder(clock: Clock).Build(Year, Inputs(reviews));

        report.Reviews.RapidReviewsCompleted.ShouldBe(4);
        report.Reviews.RapidReviewsWithin15WorkingDays.ShouldBe(2);
        report.Reviews.RapidReviewsNotJudged.ShouldBe(1);
        report.Reviews.Notified.ShouldBe(3);
        YearlyReportRenderer.ToMarkdown(report).ShouldContain("- Rapid reviews completed within 15 working days: 2 of 4");
    }

    [Fact]
    public void Themes_NewAndRecurring_ComparedWithEarlierPeriods()
    {
        var reviews = new[]
        {
            Review(1, new ReviewDates(Published: new DateOnly(2023, 6, 1)), "neglect"),
            Review(2, new ReviewDates(Published: new DateOnly(2025, 6, 1)), "neglect", "information-sharing"),
            Review(3, new ReviewDates(Notified: new DateOnly(2025, 9, 1)), "information-sharing"),
        };

        var report = new YearlyReportBuilder(clock: Clock, themeLabel: c => c.ToUpperInvariant()).Build(Year, Inputs(reviews));

        report.Themes.Select(t => (t.Code, t.Reviews, t.IsNew)).ShouldBe([("information-sharing", 2, true), ("neglect", 1, false)]);
        YearlyReportRenderer.ToMarkdown(report).ShouldContain("1 new and 1 recurring");
    }

    [Fact]
    public void RestrictedMaterial_IsCountedButNeverNamed()
    {
        var reviews = new[]
        {
            Review(1, new ReviewDates(Published: new DateOnly(2025, 6, 1))) with { Title = "Public review" },
            Review(2, new ReviewDates(Published: new DateOnly(2025, 7, 1))) with { Title = "Secret sibling review", Visibility = Visibility.Restricted },
        };
        var activity = new LearningActivity(7, ActivityKind.Audit, "Audit of the secret case", new DateOnly(2025, 8, 1), "QA group", [], [], "Secret findings", [new("Cases", "3")], [], 0, 0, Visibility.Restricted);

        var report = new YearlyReportBuilder(clock: Clock).Build(Year, Inputs(reviews) with { Activities = [activity] });
        var text = YearlyReportRenderer.ToMarkdown(report) + YearlyReportRenderer.ToHtml(report);

        report.Reviews.LocalReviewsPublished.ShouldBe(2);
        report.Activities.Total.ShouldBe(1);
        text.ShouldContain("Public review");
        text.ShouldNotContain("Secret");
        text.ShouldContain("1 further review is restricted and counted here without detail.");
    }

    [Fact]
    public void Actions_CountedAsAgreedDoneAndOverdueByTheirOwnDates()
    {
        // The year is 1 April 2025 to 31 March 2026; today is 2 April 2026.
        var actions = new[]
        {
            new ReportAction(new DateOnly(2025, 5, 1), "done", new DateOnly(2025, 9, 1), new DateOnly(2025, 8, 20), Visibility.Public),
            new ReportAction(new DateOnly(2024, 11, 1), "done", null, new DateOnly(2025, 4, 1), Visibility.Public),
            new ReportAction(new DateOnly(2024, 6, 1), "done", null, new DateOnly(2025, 3, 31), Visibility.Public),
            new ReportAction(new DateOnly(2025, 6, 1), "open", new DateOnly(2026, 1, 31), null, Visibility.Restricted),
            new ReportAction(new DateOnly(2025, 6, 1), "dropped", new DateOnly(2025, 7, 1), null, Visibility.Public),
            new ReportAction(new DateOnly(2025, 6, 1), "in-progress", new DateOnly(2026, 6, 30), null, Visibility.Public),
        };

        var report = new YearlyReportBuilder(clock: Clock).Build(Year, Inputs([]) with { Actions = actions });

        report.Actions.Agreed.ShouldBe(4);
        report.Actions.Done.ShouldBe(2, "done on 20 August 2025 and on 1 April 2025; the one done on 31 March 2025 belongs to the year before");
        report.Actions.Overdue.ShouldBe(1, "open past its due date; dropped and not-yet-due actions are not overdue");
    }

    private static ReportReview Review(long id, ReviewDates dates, params string[] themes) =>
        new(id, $"Review {id}", null, "lcspr", null, dates, themes, Visibility.Public);

    private static ReportInputs Inputs(IReadOnlyList<ReportReview> reviews) => new(reviews, [], [], [], []);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
