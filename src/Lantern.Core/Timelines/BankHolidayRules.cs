namespace Lantern.Core.Timelines;

/// <summary>
/// The standing rules for bank holidays in England and Wales (Banking and Financial Dealings Act 1971, Schedule 1,
/// plus the early May holiday by proclamation since 1978 and New Year's Day since 1974). One-off changes by royal
/// proclamation are in <see cref="BankHolidayExceptions"/>.
/// </summary>
internal static class BankHolidayRules
{
    public const string NewYearsDay = "New Year's Day";
    public const string GoodFriday = "Good Friday";
    public const string EasterMonday = "Easter Monday";
    public const string EarlyMay = "Early May bank holiday";
    public const string Spring = "Spring bank holiday";
    public const string Summer = "Summer bank holiday";
    public const string ChristmasDay = "Christmas Day";
    public const string BoxingDay = "Boxing Day";

    /// <summary>Easter Sunday by the Anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The holidays the standing rules give for <paramref name="year"/>, before one-off changes.</summary>
    public static List<BankHoliday> ForYear(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<BankHoliday>
        {
            new(NextWeekday(new DateOnly(year, 1, 1)), NewYearsDay),
            new(easter.AddDays(-2), GoodFriday),
            new(easter.AddDays(1), EasterMonday),
            new(FirstMonday(year, 5), EarlyMay),
            new(LastMonday(year, 5), Spring),
            new(LastMonday(year, 8), Summer),
        };

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                // Boxing Day falls on Saturday: its substitute is Monday 28th.
                holidays.Add(new(christmas, ChristmasDay));
                holidays.Add(new(new DateOnly(year, 12, 28), BoxingDay));
                break;
            case DayOfWeek.Saturday:
                holidays.Add(new(new DateOnly(year, 12, 27), ChristmasDay));
                holidays.Add(new(new DateOnly(year, 12, 28), BoxingDay));
                break;
            case DayOfWeek.Sunday:
                // Boxing Day is Monday 26th itself, so Christmas moves on to Tuesday 27th.
                holidays.Add(new(new DateOnly(year, 12, 26), BoxingDay));
                holidays.Add(new(new DateOnly(year, 12, 27), ChristmasDay));
                break;
            default:
                holidays.Add(new(christmas, ChristmasDay));
                holidays.Add(new(new DateOnly(year, 12, 26), BoxingDay));
                break;
        }

        return holidays;
    }

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        return date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
