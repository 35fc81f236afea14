namespace Lantern.Core.Timelines;

/// <summary>A bank holiday in England and Wales: its date and its name as GOV.UK prints it.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);
