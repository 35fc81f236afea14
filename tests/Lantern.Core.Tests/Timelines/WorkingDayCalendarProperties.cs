using FsCheck;
using FsCheck.Fluent;
using Lantern.Core.Timelines;

namespace Lantern.Core.Tests.Timelines;

public sealed class WorkingDayCalendarProperties
{
    private static readonly WorkingDayCalendar Calendar = new();

    // Any day from 1990 to 2060, and a count of up to about two working years.
    private static readonly Arbitrary<(DateOnly Date, int Count)> Cases =
        Gen.Choose(new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2060, 12, 31).DayNumber)
            .Zip(Gen.Choose(0, 500))
            .Select(t => (DateOnly.FromDayNumber(t.Item1), t.Item2))
            .ToArbitrary();

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void AddWorkingDays_PositiveCount_LandsOnAWorkingDay()
    {
        Check.One(Quick, Prop.ForAll(Cases, c => c.Count == 0 || Calendar.IsWorkingDay(Calendar.AddWorkingDays(c.Date, c.Count))));
    }

    [Fact]
    public void WorkingDaysBetween_AfterAddWorkingDays_ReturnsTheCount()
    {
        Check.One(Quick, Prop.ForAll(Cases, c => Calendar.WorkingDaysBetween(c.Date, Calendar.AddWorkingDays(c.Date, c.Count)) == c.Count));
    }

    [Fact]
    public void AddWorkingDays_NegativeCount_LandsOnAWorkingDayBefore()
    {
        Check.One(Quick, Prop.ForAll(Cases, c =>
        {
            var back = Calendar.AddWorkingDays(c.Date, -c.Count);
            return c.Count == 0 ? back == c.Date : back < c.Date && Calendar.IsWorkingDay(back);
        }));
    }
}
