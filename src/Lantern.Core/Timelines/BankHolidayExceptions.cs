namespace Lantern.Core.Timelines;

/// <summary>
/// One-off changes to the standing rules, made by royal proclamation. Each entry either moves a rule-based holiday
/// (<c>Replaces</c> is the date the rule gives) or adds a new one (<c>Replaces</c> is null).
/// </summary>
internal static class BankHolidayExceptions
{
    internal sealed record Change(DateOnly Date, string Name, DateOnly? Replaces);

    // Sources: GOV.UK "UK bank holidays" (https://www.gov.uk/bank-holidays, and its JSON feed for 2018 onwards),
    // the proclamations in The London Gazette, and the House of Commons Library briefing SN00983 "Bank holidays".
    public static readonly IReadOnlyList<Change> Changes =
    [
        // 1995: early May holiday moved to Monday 8 May for the 50th anniversary of VE Day.
        new(new DateOnly(1995, 5, 8), BankHolidayRules.EarlyMay, new DateOnly(1995, 5, 1)),

        // 1999: extra holiday on Friday 31 December for the millennium.
        new(new DateOnly(1999, 12, 31), "Millennium celebrations", null),

        // 2002: Golden Jubilee of Queen Elizabeth II; spring holiday moved to Tuesday 4 June, Monday 3 June added.
        new(new DateOnly(2002, 6, 4), BankHolidayRules.Spring, new DateOnly(2002, 5, 27)),
        new(new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday", null),

        // 2011: wedding of Prince William and Catherine Middleton, Friday 29 April.
        new(new DateOnly(2011, 4, 29), "Royal wedding", null),

        // 2012: Diamond Jubilee; spring holiday moved to Monday 4 June, Tuesday 5 June added.
        new(new DateOnly(2012, 6, 4), BankHolidayRules.Spring, new DateOnly(2012, 5, 28)),
        new(new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee", null),

        // 2020: early May holiday moved to Friday 8 May for the 75th anniversary of VE Day.
        new(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)", new DateOnly(2020, 5, 4)),

        // 2022: Platinum Jubilee; spring holiday moved to Thursday 2 June, Friday 3 June added.
        new(new DateOnly(2022, 6, 2), BankHolidayRules.Spring, new DateOnly(2022, 5, 30)),
        new(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday", null),

        // 2022: state funeral of Queen Elizabeth II, Monday 19 September.
        new(new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", null),

        // 2023: coronation of King Charles III, Monday 8 May (the early May holiday stayed on 1 May).
        new(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III", null),
    ];
}
