using Lantern.Core.Timelines;

namespace Lantern.Core.Tests.Timelines;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static string[] Dates(int year) => [.. Calendar.BankHolidays(year).Select(h => h.Date.ToString("yyyy-MM-dd"))];

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2011, "2011-04-24")]
    public void BankHolidays_EasterYears_GoodFridayAndEasterMondayFlankEasterSunday(int year, string easterSunday)
    {
        var holidays = Calendar.BankHolidays(year);

        holidays.Single(h => h.Name == "Good Friday").Date.ShouldBe(D(easterSunday).AddDays(-2));
        holidays.Single(h => h.Name == "Easter Monday").Date.ShouldBe(D(easterSunday).AddDays(1));
    }

    [Theory]
    [InlineData(2021, "2021-12-27", "2021-12-28")] // Christmas on Saturday: Mon 27 and Tue 28
    [InlineData(2022, "2022-12-26", "2022-12-27")] // Christmas on Sunday: Boxing Mon 26, substitute Christmas Tue 27
    [InlineData(2027, "2027-12-27", "2027-12-28")] // Christmas on Saturday again
    [InlineData(2020, "2020-12-25", "2020-12-28")] // Boxing Day on Saturday: substitute Mon 28
    [InlineData(2024, "2024-12-25", "2024-12-26")] // Wednesday and Thursday: no substitutes
    public void BankHolidays_ChristmasAtAWeekend_GivesSubstituteWeekdays(int year, string first, string second)
    {
        var christmas = Calendar.BankHolidays(year).Where(h => h.Date.Month == 12).Select(h => h.Date).ToList();

        christmas.ShouldBe([D(first), D(second)]);
        christmas.ShouldAllBe(d => Calendar.IsWorkingDay(d) == false);
    }

    [Theory]
    [InlineData(2022, "2022-01-03")] // 1 January a Saturday
    [InlineData(2023, "2023-01-02")] // a Sunday
    [InlineData(2024, "2024-01-01")] // a Monday
    public void BankHolidays_NewYearAtAWeekend_MovesToMonday(int year, string expected)
    {
        Calendar.BankHolidays(year).Single(h => h.Name == "New Year's Day").Date.ShouldBe(D(expected));
    }

    [Fact]
    public void BankHolidays_2020_EarlyMayMovedToVeDayFriday()
    {
        Dates(2020).ShouldBe(["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"]);
        Calendar.IsWorkingDay(D("2020-05-04")).ShouldBeTrue();
    }

    [Fact]
    public void BankHolidays_2022_JubileeAndStateFuneralMatchGovUk()
    {
        Dates(2022).ShouldBe(["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"]);
        Calendar.IsWorkingDay(D("2022-05-30")).ShouldBeTrue();
        Calendar.BankHolidays(2022).Count(h => h.Name == "Spring bank holiday").ShouldBe(1);
    }

    [Fact]
    public void BankHolidays_2023_CoronationAddedBesideEarlyMay()
    {
        Dates(2023).ShouldBe(["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"]);
    }

    [Theory]
    [InlineData("2012-06-04", "2012-06-05", "2012-05-28")]
    [InlineData("2002-06-04", "2002-06-03", "2002-05-27")]
    public void BankHolidays_JubileeYears_SpringMovedAndExtraDayAdded(string spring, string extra, string usualSpring)
    {
        Calendar.IsWorkingDay(D(spring)).ShouldBeFalse();
        Calendar.IsWorkingDay(D(extra)).ShouldBeFalse();
        Calendar.IsWorkingDay(D(usualSpring)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2011-04-29")]
    [InlineData("1999-12-31")]
    [InlineData("1995-05-08")]
    public void IsWorkingDay_OneOffHolidays_AreNotWorkingDays(string date)
    {
        Calendar.IsWorkingDay(D(date)).ShouldBeFalse();
    }

    [Fact]
    public void IsWorkingDay_1995_UsualEarlyMayMondayIsWorked()
    {
        Calendar.IsWorkingDay(D("1995-05-01")).ShouldBeTrue();
    }

    [Fact]
    public void BankHolidays_OrdinaryYear_HasEightNamedHolidaysInOrder()
    {
        var holidays = Calendar.BankHolidays(2025);

        holidays.Select(h => h.Date.ToString("yyyy-MM-dd")).ShouldBe(["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"]);
        holidays.ShouldAllBe(h => !string.IsNullOrWhiteSpace(h.Name));
    }

    [Fact]
    public void AddWorkingDays_AcrossPlatinumJubilee_SkipsThursdayAndFriday()
    {
        // Aware Fri 27 May 2022. Mon 30 May is worked (the spring holiday moved), so: Mon 30 (1), Tue 31 (2),
        // Wed 1 Jun (3), Thu 2 and Fri 3 Jun are holidays, Sat 4 and Sun 5 weekend, Mon 6 (4), Tue 7 (5).
        Calendar.AddWorkingDays(D("2022-05-27"), 5).ShouldBe(D("2022-06-07"));
    }

    [Fact]
    public void AddWorkingDays_AcrossStateFuneral_SkipsMonday19September()
    {
        // Fri 16 Sep 2022 + 1: Mon 19 is the state funeral, so Tue 20.
        Calendar.AddWorkingDays(D("2022-09-16"), 1).ShouldBe(D("2022-09-20"));
    }

    [Fact]
    public void AddWorkingDays_FromAWeekendOrHoliday_CountsFromTheNextWorkingDay()
    {
        Calendar.AddWorkingDays(D("2023-12-23"), 1).ShouldBe(D("2023-12-27")); // Sat; Mon 25 and Tue 26 are holidays
        Calendar.AddWorkingDays(D("2025-04-18"), 0).ShouldBe(D("2025-04-18"));
    }

    [Fact]
    public void AddWorkingDays_Negative_GoesBack()
    {
        // Back from Tue 7 Jun 2022: Mon 6 (1), Wed 1 (2), Tue 31 (3), Mon 30 (4), Fri 27 May (5).
        Calendar.AddWorkingDays(D("2022-06-07"), -5).ShouldBe(D("2022-05-27"));
    }

    [Fact]
    public void WorkingDaysBetween_ReversedDates_IsNegated()
    {
        Calendar.WorkingDaysBetween(D("2022-05-27"), D("2022-06-07")).ShouldBe(5);
        Calendar.WorkingDaysBetween(D("2022-06-07"), D("2022-05-27")).ShouldBe(-5);
        Calendar.WorkingDaysBetween(D("2022-06-07"), D("2022-06-07")).ShouldBe(0);
    }

    [Fact]
    public void Constructor_AdditionalHoliday_IsNotAWorkingDay()
    {
        var calendar = new WorkingDayCalendar([new BankHoliday(D("2031-07-15"), "Proclaimed holiday")]);

        calendar.IsWorkingDay(D("2031-07-15")).ShouldBeFalse();
        Calendar.IsWorkingDay(D("2031-07-15")).ShouldBeTrue();
    }
}
