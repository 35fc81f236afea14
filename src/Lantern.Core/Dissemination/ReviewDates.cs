using System.Globalization;

namespace Lantern.Core.Dissemination;

/// <summary>
/// The dates of a review's statutory steps: the partnership became aware of the incident, notified the Panel, sent the
/// rapid review, commissioned a local review (LCSPR) and published it. Any may be unknown.
/// </summary>
public sealed record ReviewDates(
    DateOnly? Aware = null,
    DateOnly? Notified = null,
    DateOnly? RapidReviewSent = null,
    DateOnly? Commissioned = null,
    DateOnly? Published = null)
{
    public static readonly ReviewDates None = new();

    public bool IsEmpty => this == None;

    /// <summary>The first step out of order (e.g. notified before becoming aware), in words; null when the order holds.</summary>
    public string? OrderProblem()
    {
        var steps = new (string Name, DateOnly? Date)[]
        {
            ("aware", Aware), ("notified", Notified), ("rapid review sent", RapidReviewSent), ("commissioned", Commissioned), ("published", Published),
        };
        (string Name, DateOnly Date)? previous = null;
        foreach (var (name, date) in steps)
        {
            if (date is not { } d)
            {
                continue;
            }

            if (previous is { } p && d < p.Date)
            {
                return $"{name} ({Iso(d)}) is before {p.Name} ({Iso(p.Date)})";
            }

            previous = (name, d);
        }

        return null;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses YYYY-MM-DD; null text is "not given", and a bad date yields false.</summary>
    public static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
