using Lantern.Core.Timelines;

namespace Lantern.Core.Tests.Timelines;

public sealed class StatutoryTimelineTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static StatutoryTimelineResult Calculate(SeriousIncident incident, string today) =>
        new StatutoryTimeline(WorkingDayCalendar.EnglandAndWales, new FixedTimeProvider(D(today))).Calculate(incident);

    private static Deadline Get(StatutoryTimelineResult result, string key) => result.Deadlines.Single(d => d.Key == key);

    [Fact]
    public void Calculate_AwareBeforeJubilee_NotificationAndRapidReviewSkipHolidays()
    {
        var result = Calculate(new SeriousIncident(D("2022-05-27")), "2022-05-27");

        // Notification: 5 working days after Fri 27 May 2022 = Tue 7 June (Thu 2 and Fri 3 June are holidays).
        Get(result, "notification").Due.ShouldBe(D("2022-06-07"));

        // Rapid review: 15 working days from Tue 7 June: Wed 8 (1), Thu 9 (2), Fri 10 (3), 13–17 June (4–8),
        // 20–24 June (9–13), Mon 27 (14), Tue 28 (15).
        Get(result, "rapid-review").Due.ShouldBe(D("2022-06-28"));
        Get(result, "lcspr-decision").Due.ShouldBe(D("2022-06-28"));
        result.Deadlines.Select(d => d.Key).ShouldNotContain("lcspr-publication");
    }

    [Fact]
    public void Calculate_NotifiedEarly_RapidReviewRunsFromTheActualNotification()
    {
        // Notified Tue 31 May 2022: 15 working days = Wed 1 (1), Mon 6–Fri 10 (2–6), 13–17 (7–11), 20–23 (12–15) → Thu 23 June.
        var result = Calculate(new SeriousIncident(D("2022-05-27"), Notified: D("2022-05-31")), "2022-06-01");

        var notification = Get(result, "notification");
        notification.Status.ShouldBe(DeadlineStatus.Done);
        notification.OnTime.ShouldBe(true);
        Get(result, "rapid-review").Due.ShouldBe(D("2022-06-23"));
    }

    [Fact]
    public void Calculate_AcrossCoronation_SkipsBothMayMondays()
    {
        // Aware Wed 26 Apr 2023: Thu 27 (1), Fri 28 (2), Mon 1 May holiday, Tue 2 (3), Wed 3 (4), Thu 4 (5).
        var result = Calculate(new SeriousIncident(D("2023-04-26")), "2023-04-26");
        Get(result, "notification").Due.ShouldBe(D("2023-05-04"));

        // Rapid review from Thu 4 May: Fri 5 (1), Mon 8 coronation, 9–12 (2–5), 15–19 (6–10), 22–26 (11–15) → Fri 26 May.
        Get(result, "rapid-review").Due.ShouldBe(D("2023-05-26"));
    }

    [Fact]
    public void Calculate_NotificationLate_IsDoneButNotOnTime()
    {
        var result = Calculate(new SeriousIncident(D("2024-03-04"), Notified: D("2024-03-15")), "2024-03-15");

        var notification = Get(result, "notification");
        notification.Due.ShouldBe(D("2024-03-11"));
        notification.DoneOn.ShouldBe(D("2024-03-15"));
        notification.OnTime.ShouldBe(false);
        notification.WorkingDaysLeft.ShouldBeNull();
    }

    [Theory]
    [InlineData("2024-03-05", DeadlineStatus.Upcoming)] // 4 working days before Mon 11 March
    [InlineData("2024-03-06", DeadlineStatus.DueSoon)] // 3 working days before
    [InlineData("2024-03-11", DeadlineStatus.DueSoon)] // due today
    [InlineData("2024-03-12", DeadlineStatus.Overdue)]
    public void Calculate_NotificationNotSent_StatusFollowsToday(string today, DeadlineStatus expected)
    {
        var result = Calculate(new SeriousIncident(D("2024-03-04")), today);

        Get(result, "notification").Status.ShouldBe(expected);
        result.Today.ShouldBe(D(today));
    }

    [Fact]
    public void Calculate_OverdueNotification_ReportsNegativeWorkingDaysLeft()
    {
        var result = Calculate(new SeriousIncident(D("2024-03-04")), "2024-03-13");

        Get(result, "notification").WorkingDaysLeft.ShouldBe(-2);
    }

    [Fact]
    public void Calculate_RapidReviewSent_MarksReviewAndDecisionDone()
    {
        var incident = new SeriousIncident(D("2024-03-04"), D("2024-03-08"), RapidReviewSent: D("2024-04-02"));
        var result = Calculate(incident, "2024-05-01");

        // 15 working days from Fri 8 Mar 2024: 11–15 (1–5), 18–22 (6–10), 25–28 (11–14), Fri 29 Good Friday,
        // Mon 1 Apr Easter Monday, Tue 2 Apr (15).
        Get(result, "rapid-review").Due.ShouldBe(D("2024-04-02"));
        Get(result, "rapid-review").OnTime.ShouldBe(true);
        Get(result, "lcspr-decision").Status.ShouldBe(DeadlineStatus.Done);
    }

    [Fact]
    public void Calculate_LcsprStarted_PublicationDueSixCalendarMonthsLater()
    {
        var incident = new SeriousIncident(D("2023-06-01"), D("2023-06-05"), D("2023-06-20"), LcsprStart: D("2023-08-31"));
        var result = Calculate(incident, "2024-03-01");

        var publication = Get(result, "lcspr-publication");
        publication.Due.ShouldBe(D("2024-02-29")); // 31 August + 6 months clamps to the last day of February
        publication.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Theory]
    [InlineData("2024-03-01", null, "the notification")]
    [InlineData(null, "2024-03-02", "the rapid review")]
    public void Calculate_StepBeforeTheOneItFollows_Throws(string? notified, string? rapidReviewSent, string named)
    {
        var incident = new SeriousIncident(D("2024-03-04"), notified is null ? null : D(notified), rapidReviewSent is null ? null : D(rapidReviewSent));

        Should.Throw<ArgumentException>(() => Calculate(incident, "2024-03-10")).Message.ShouldStartWith(named);
    }

    private sealed class FixedTimeProvider(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
