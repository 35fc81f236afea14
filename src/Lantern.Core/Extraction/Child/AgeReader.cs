using System.Text.RegularExpressions;
using Lantern.Core.Model;

namespace Lantern.Core.Extraction.Child;

/// <summary>Reads a child's age from wording such as "22 month old", "fourteen-year-old", "aged 4 months", "18-day-old".</summary>
public static partial class AgeReader
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty"];

    /// <summary>An age found in the text: completed months and the span of the words.</summary>
    public readonly record struct Age(int Months, SourceSpan Span);

    /// <summary>Every age phrase in <paramref name="span"/> of <paramref name="text"/>, in text order; never throws.</summary>
    public static IReadOnlyList<Age> FindAll(string text, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Find(text, span)];
    }

    /// <summary>
    /// The first age phrase in <paramref name="span"/> that <paramref name="accept"/> takes, or default; the same as the
    /// first of <see cref="FindAll"/> it takes, without reading the phrases after it.
    /// </summary>
    internal static Age FirstAccepted(string text, SourceSpan span, Func<Age, bool> accept)
    {
        foreach (var age in Find(text, span))
        {
            if (accept(age))
            {
                return age;
            }
        }

        return default;
    }

    // The age phrases of the span in text order, found one at a time as they are asked for.
    private static IEnumerable<Age> Find(string text, SourceSpan span)
    {
        var slice = span.Slice(text);
        for (var m = AgePhrase().Match(slice); m.Success; m = m.NextMatch())
        {
            if (ParseNumber(m.Groups["n"].Value) is not { } n)
            {
                continue;
            }

            var isAged = m.Groups["aged"].Success;
            if (isAged && AdultBefore().IsMatch(slice[Math.Max(0, m.Index - 30)..m.Index]))
            {
                // "mother, aged 19" is not the child's age.
                continue;
            }

            var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.ToLowerInvariant() : "year";
            var half = m.Groups["half"].Success;
            var months = unit switch
            {
                "day" => n / 30,
                "week" => n * 7 / 30,
                "month" => n,
                _ => (n * 12) + (half ? 6 : 0),
            };
            if (months is >= 0 and < 216)
            {
                yield return new Age(months, new SourceSpan(Math.Clamp(span.Start, 0, text.Length) + m.Index, m.Length));
            }
        }
    }

    /// <summary>Parses digits or English number words up to fifty-nine ("22", "fourteen", "twenty-two").</summary>
    public static int? ParseNumber(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var w = words.Trim().ToLowerInvariant();
        if (int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        if (w is "a" or "an")
        {
            return 1;
        }

        var parts = w.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
        var total = 0;
        foreach (var part in parts)
        {
            var unit = Array.IndexOf(Units, part);
            var ten = Array.IndexOf(Tens, part);
            if (unit >= 0)
            {
                total += unit;
            }
            else if (ten >= 2)
            {
                total += ten * 10;
            }
            else
            {
                return null;
            }
        }

        return parts.Length == 0 ? null : total;
    }

    private const string Number = @"\d{1,2}|(?:twenty|thirty|forty|fifty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

    [GeneratedRegex(@"\b(?:(?<n>" + Number + @"|a|an)(?<half>[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?<unit>day|week|month|year)s?[\s-]+old\b|(?<aged>aged)\s+(?<n>" + Number + @")(?:\s+(?<unit>day|week|month|year)s?)?\b|(?<n>" + Number + @")\s+(?<unit>day|week|month|year)s?\s+of\s+age\b|\b(?:was|turned)\s+(?<n>" + Number + @")(?:\s+(?<unit>year|month)s?(?:\s+old)?)?(?=\s+(?:when|at the time)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgePhrase();

    [GeneratedRegex(@"\b(?:mother|father|mum|dad|parent|partner|carer|stepfather|grandmother|grandfather|boyfriend|girlfriend|man|woman|adult|perpetrator)'?s?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdultBefore();
}
