using System.Text.RegularExpressions;
using Lantern.Core.Coding;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.Child;

/// <summary>
/// Reads the subject child's age (completed months), age band and sex from the case description (the summary, or
/// the segment before its first item), falling back to the whole segment for the age.
/// </summary>
public sealed partial class ChildExtractor : IReviewExtractor
{
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        var text = context.Text;
        var caseSpan = ReviewText.CaseSpan(context, review);
        var child = new ChildDetails();
        if (ReadsAsSeveralChildren(caseSpan.Slice(text)))
        {
            // Several subject children: no single age (record-schema convention).
            return review with { Child = child with { Sex = ReadSex(text, caseSpan, review.Name?.Value) } };
        }

        // A sibling's age ("her 3-year-old brother") is not the subject child's.
        // The first age that is not a sibling's, reading no further phrases than needed.
        bool NotSibling(AgeReader.Age a) => !IsSiblingAge(text, a);
        var age = AgeReader.FirstAccepted(text, caseSpan, NotSibling);
        if (age == default)
        {
            foreach (var span in ReviewText.Spans(context, review))
            {
                age = AgeReader.FirstAccepted(text, span, NotSibling);
                if (age != default)
                {
                    break;
                }
            }
        }

        if (age != default)
        {
            child = child with
            {
                AgeMonths = new Evidence<int>(age.Months, age.Span),
                AgeBand = Vocabulary.AgeBandFor(age.Months) is { } band ? new Evidence<string>(band, age.Span) : null,
            };
        }
        else if (DiedAtBirth().Match(caseSpan.Slice(text)) is { Success: true } birth)
        {
            var span = new SourceSpan(caseSpan.Start + birth.Index, birth.Length);
            child = child with { AgeMonths = new Evidence<int>(0, span), AgeBand = new Evidence<string>("under-1", span) };
        }
        else if (InfantWord().Match(caseSpan.Slice(text)) is { Success: true } infant)
        {
            child = child with { AgeBand = new Evidence<string>("under-1", new SourceSpan(caseSpan.Start + infant.Index, infant.Length)) };
        }

        return review with { Child = child with { Sex = ReadSex(text, caseSpan, review.Name?.Value) } };
    }

    /// <summary>
    /// The child's sex: a sexed child noun ("baby boy", "girl", "young women"), else the pronouns whose nearest
    /// preceding singular person noun is the child rather than an adult; mixed when boys and girls are both subjects.
    /// </summary>
    internal static Evidence<string>? ReadSex(string text, SourceSpan span, string? childName = null)
    {
        var slice = span.Slice(text);
        if (MixedChildren().Match(slice) is { Success: true } mixed)
        {
            return new Evidence<string>("mixed", new SourceSpan(span.Start + mixed.Index, mixed.Length));
        }

        if (SexedChild().Match(slice) is { Success: true } noun)
        {
            var value = noun.Groups["f"].Success ? "female" : "male";
            return new Evidence<string>(value, new SourceSpan(span.Start + noun.Index, noun.Length));
        }

        var female = 0;
        var male = 0;
        SourceSpan? first = null;
        var lastNounIsChild = false;
        // The child's pseudonym ("Ellie", "Child Q") counts as a mention of the child.
        var events = PersonToken().Matches(slice)
            .Select(m => (m.Index, m.Length, Kind: m.Groups["child"].Success ? 'c' : m.Groups["adult"].Success ? 'a' : m.Groups["she"].Success ? 'f' : 'm'))
            .ToList();
        if (!string.IsNullOrWhiteSpace(childName))
        {
            // The static call reuses the regex cache: pseudonyms recur, and building a regex per review is costly.
            var name = @"\b" + Regex.Escape(childName.Trim()) + @"\b";
            events.AddRange(Regex.Matches(slice, name, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Select(m => (m.Index, m.Length, Kind: 'c')));
        }

        foreach (var (index, length, kind) in events.OrderBy(e => e.Index))
        {
            if (kind == 'c')
            {
                lastNounIsChild = true;
            }
            else if (kind == 'a')
            {
                lastNounIsChild = false;
            }
            else if (lastNounIsChild)
            {
                if (kind == 'f')
                {
                    female++;
                }
                else
                {
                    male++;
                }

                first ??= new SourceSpan(span.Start + index, length);
            }
        }

        if (first is null || female == male)
        {
            return null;
        }

        return new Evidence<string>(female > male ? "female" : "male", first.Value);
    }

    private static bool IsSiblingAge(string text, AgeReader.Age age) =>
        SiblingAfter().IsMatch(text.AsSpan(age.Span.End, Math.Min(30, text.Length - age.Span.End)));

    private static bool ReadsAsSeveralChildren(string caseText) => SeveralChildren().IsMatch(caseText);

    [GeneratedRegex(@"\b(?:(?<f>girls?|daughters?|young wom[ae]n|teenage girls?)|(?<m>boys?|sons?|young m[ae]n|teenage boys?))\b(?!s? (?:and|or) (?:girl|boy))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SexedChild();

    [GeneratedRegex(@"\b(?:boys and girls|girls and boys|a boy and a girl|a girl and a boy|brothers? and sisters?|sisters? and brothers?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MixedChildren();

    [GeneratedRegex(@"\b(?:(?<child>child|baby|infant|toddler|newborn|young person|teenager|(?:Child|Baby) [A-Z]\b|[A-Z][a-z]+ was \d+)|(?<adult>mother|father|mum|dad|partner|carer|stepfather|stepmother|grandmother|grandfather|boyfriend|girlfriend|man|woman|aunt|uncle|perpetrator|worker|nurse|officer)|(?<she>she|her|hers|herself)|(?<he>he|him|his|himself))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonToken();

    [GeneratedRegex(@"^\W*(?:(?:older|younger|half|step)[\s-]*)?(?:brother|sister|sibling|cousin)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiblingAfter();

    [GeneratedRegex(@"\b(?:baby|babies|newborn|new-born|neonate|infant)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InfantWord();

    [GeneratedRegex(@"\b(?:was born\b[^.]{0,120}?\bdied (?:shortly|soon|minutes|hours|immediately)|died (?:shortly |soon |minutes |hours )?after (?:birth|being born)|stillborn)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiedAtBirth();

    [GeneratedRegex(@"\b(?:Children [A-Z](?:,? (?:and )?[A-Z]\b)+|(?:two|three|four|five|six) (?:children|siblings) (?:who|were|died|suffered))", RegexOptions.CultureInvariant)]
    private static partial Regex SeveralChildren();
}
