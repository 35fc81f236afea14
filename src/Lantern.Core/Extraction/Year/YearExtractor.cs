using System.Globalization;
using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.Year;

/// <summary>
/// Reads the year the text gives for the review itself: a year in its label (<c>RR 1/22</c> → 2022, "Rapid Review
/// 2023/04" → 2023, a repository entry "2019 – …"), else a sentence saying when the review was completed, published or
/// held, else the one year the document says its reviews belong to. Codes such as <c>GN13</c> are not years, nor are
/// the years of incidents, guidance or later actions. Null when no year is stated.
/// </summary>
public sealed partial class YearExtractor : IReviewExtractor
{
    /// <inheritdoc />
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        foreach (var (line, label) in ReviewHeading.Labels(context))
        {
            if (label.Year is { } year)
            {
                var at = line.Raw.IndexOf((year % 100).ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal);
                var span = at >= 0 ? new SourceSpan(line.Start + at, 2) : line.Span;
                return review with { Year = new Evidence<int>(year, span) };
            }
        }

        var segment = context.Segment.Span;
        var body = segment.Slice(context.Text);
        var m = ReviewDated().Match(body);
        if (m.Success)
        {
            var g = m.Groups["year"];
            return review with { Year = new Evidence<int>(int.Parse(g.Value, CultureInfo.InvariantCulture), new SourceSpan(segment.Start + g.Index, g.Length)) };
        }

        return context.Layout.DocumentYear is { } documentYear ? review with { Year = documentYear } : review;
    }

    [GeneratedRegex(@"\b(?:review|SCR|SILP|LCSPR|CSPR|report|rapid review meeting|meeting)\b[^.\n]{0,60}?\b(?:was |were |has been |had been )?(?:completed|published|concluded|held|took place|signed off|finalised|ratified|approved|submitted)\b(?: (?:on|in|during))?(?: the)?(?: \d{1,2}(?:st|nd|rd|th)?)?(?: (?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter|early|late))?,?(?: of)? (?<year>(?:19[5-9]|20[0-4])\d)\b|\b(?:date of (?:publication|completion|review)|published|completed|year of (?:publication|review))\s*:\s*(?:\d{1,2}(?:st|nd|rd|th)? )?(?:[A-Z][a-z]+ )?(?<year>(?:19[5-9]|20[0-4])\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewDated();
}
