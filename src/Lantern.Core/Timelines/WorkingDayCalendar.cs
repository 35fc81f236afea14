using System.Collections.Concurrent;

namespace Lantern.Core.Timelines;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays. Bank holidays are computed by rule for
/// any year (New Year's Day, Good Friday, Easter Monday, the May and August Mondays, Christmas and Boxing Day with
/// their substitute days) with the one-off changes made by proclamation since 1995 applied on top.
/// Thread-safe; holidays are worked out once per year and cached.
/// </summary>
/// <remarks>
/// The present-day rules are applied to every year: the calendar does not model years before 1978, when the early
/// May holiday began. A future one-off holiday can be passed to the constructor until it is added to the table.
/// </remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>A shared calendar with the built-in rules and changes and nothing added.</summary>
    public static readonly WorkingDayCalendar EnglandAndWales = new();

    private readonly ConcurrentDictionary<int, IReadOnlyList<BankHoliday>> _byYear = new();
    private readonly IReadOnlyList<BankHoliday> _additional;

    /// <summary>Creates a calendar, optionally with extra bank holidays (e.g. one proclaimed after this release).</summary>
    public WorkingDayCalendar(IEnumerable<BankHoliday>? additionalHolidays = null)
    {
        _additional = [.. additionalHolidays ?? []];
    }

    /// <summary>The bank holidays of <paramref name="year"/> (1–9999), in date order, each with its name.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1–9999.</exception>
    public IReadOnlyList<BankHoliday> BankHolidays(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return _byYear.GetOrAdd(year, Compute);
    }

    /// <summary>True when <paramref name="date"/> is a bank holiday.</summary>
    public bool IsBankHoliday(DateOnly date) => BankHolidays(date.Year).Any(h => h.Date == date);

    /// <summary>True when <paramref name="date"/> is a Monday to Friday that is not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="date"/>, not counting
    /// <paramref name="date"/> itself: "within 5 working days" of a Friday is the next Friday when no bank holiday
    /// intervenes. A negative count goes back that many working days; zero returns <paramref name="date"/> unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would fall outside the range of <see cref="DateOnly"/>.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative (the same count, negated) when <paramref name="to"/> is before <paramref name="from"/>.
    /// For any count n ≥ 0, <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.DayNumber + 1; day <= to.DayNumber; day++)
        {
            if (IsWorkingDay(DateOnly.FromDayNumber(day)))
            {
                count++;
            }
        }

        return count;
    }

    private IReadOnlyList<BankHoliday> Compute(int year)
    {
        var holidays = BankHolidayRules.ForYear(year);
        foreach (var change in BankHolidayExceptions.Changes.Where(c => c.Date.Year == year))
        {
            if (change.Replaces is { } replaced)
            {
                holidays.RemoveAll(h => h.Date == replaced);
            }

            holidays.Add(new BankHoliday(change.Date, change.Name));
        }

        holidays.AddRange(_additional.Where(h => h.Date.Year == year && holidays.All(x => x.Date != h.Date)));
        return [.. holidays.OrderBy(h => h.Date)];
    }
}
