using System.Globalization;

namespace Lantern.Bench.Generation;

/// <summary>One invented review as the layouts print it.</summary>
internal sealed record GeneratedReview(
    string Label,
    string TypeWords,
    int Year,
    string Summary,
    IReadOnlyList<string> Learning,
    IReadOnlyList<string> GoodPractice,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> PanelFeedback,
    string Topic);

/// <summary>
/// Invents reviews from <see cref="FieldVocabulary"/> with explicit draws from one <see cref="Random"/>,
/// so the same random state always writes the same review.
/// </summary>
internal sealed class CaseWriter(Random random)
{
    private readonly Random _random = random;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(int percent) => _random.Next(100) < percent;

    /// <summary>Writes one review; <paramref name="labelStyle"/> picks how it is labelled in a digest.</summary>
    public GeneratedReview Write(int year, int ordinal, LabelStyle labelStyle)
    {
        var (label, typeWords) = MakeLabel(year, ordinal, labelStyle);
        var ageMonths = DrawAgeMonths();
        var sex = Chance(50) ? "girl" : "boy";
        var harm = FieldVocabulary.Harms[Pick(HarmsForAge(ageMonths))];
        var died = Chance(40);
        var summary = new List<string>
        {
            $"{Opening(typeWords)} {DescribeAge(ageMonths, sex)} who {(died ? harm.Died : harm.Harmed)}.",
        };
        var factors = DrawDistinct(FieldVocabulary.RiskFactors.Length, Next(1, 4));
        foreach (var f in factors)
        {
            summary.Add(FieldVocabulary.RiskFactors[f].Sentence);
        }

        var agencies = DrawDistinct(FieldVocabulary.Agencies.Length, Next(2, 6)).Select(i => FieldVocabulary.Agencies[i]).ToArray();
        summary.Add($"The family was known to {JoinList(agencies)}.");

        var themes = DrawDistinct(FieldVocabulary.Learning.Length, Next(2, 7));
        var learning = themes.Select(t => Pick(FieldVocabulary.Learning[t].Points)).ToList();
        var good = DrawDistinct(FieldVocabulary.GoodPractice.Length, Next(0, 3)).Select(i => FieldVocabulary.GoodPractice[i]).ToList();
        var actions = DrawDistinct(FieldVocabulary.Actions.Length, Next(0, 4)).Select(i => FieldVocabulary.Actions[i]).ToList();
        var panel = typeWords.StartsWith("Rapid", StringComparison.Ordinal) && Chance(35)
            ? new List<string> { Pick(FieldVocabulary.PanelFeedback) }
            : [];
        var topic = FieldVocabulary.Learning[themes[0]].Theme.Replace('-', ' ');
        return new GeneratedReview(label, typeWords, year, string.Join(" ", summary), learning, good, actions, panel, topic);
    }

    private (string Label, string TypeWords) MakeLabel(int year, int ordinal, LabelStyle style)
    {
        var yy = (year % 100).ToString("00", CultureInfo.InvariantCulture);
        var letter = (char)('A' + Next(0, 26));
        return style switch
        {
            LabelStyle.RapidReviewSlash => ($"RR {ordinal}/{yy}", "Rapid Review"),
            LabelStyle.RapidReviewDash => ($"RR{yy}-{ordinal:00}", "Rapid Review"),
            LabelStyle.RapidReviewLong => ($"Rapid Review {year}/{ordinal:00}", "Rapid Review"),
            LabelStyle.Case => ($"Case {ordinal}", "Learning Review"),
            LabelStyle.ChildInitials => ($"Child {letter}{(char)('A' + Next(0, 26))}", "Local Child Safeguarding Practice Review"),
            LabelStyle.Family => ($"Family {letter}", "Serious Case Review"),
            LabelStyle.Pseudonym => ($"LCSPR \"{Pick(FieldVocabulary.Pseudonyms)}\"", "Local Child Safeguarding Practice Review"),
            _ => ($"{letter}{(char)('A' + Next(0, 26))}{yy}", Pick(["Serious Case Review", "SILP", "Learning Review"])),
        };
    }

    // Harms by FieldVocabulary.Harms index that fit the child's age: babies are not exploited, teenagers do not die of unsafe sleep.
    private static int[] HarmsForAge(int months) => months switch
    {
        < 12 => [0, 0, 1, 5, 5],
        < 72 => [0, 1, 1, 2, 7],
        < 132 => [0, 1, 2, 7],
        _ => [1, 2, 3, 4, 6, 6, 7],
    };

    private int DrawAgeMonths() => Next(0, 10) switch
    {
        < 4 => Next(0, 12),
        < 6 => Next(12, 60),
        < 7 => Next(60, 132),
        _ => Next(132, 216),
    };

    private string Opening(string typeWords) => Next(0, 4) switch
    {
        0 => "This review concerned",
        1 => "The review looked at the circumstances of",
        2 when typeWords.StartsWith("Rapid", StringComparison.Ordinal) => "This was a rapid review following an incident involving",
        2 => "The partnership commissioned this review after an incident involving",
        _ => "The subject of this review was",
    };

    /// <summary>Ages in the styles the field uses: digits, words, hyphenated or not.</summary>
    private string DescribeAge(int months, string sex)
    {
        if (months < 1)
        {
            return WithArticle($"{Next(2, 28)}-day-old baby {sex}");
        }

        if (months < 24)
        {
            return Next(0, 3) switch
            {
                0 => WithArticle($"{months} month old {(months < 12 ? "baby " : "")}{sex}"),
                1 => WithArticle($"{Word(months)}-month-old {(months < 12 ? "baby " : "")}{sex}"),
                _ => $"a baby {sex} aged {months} months",
            };
        }

        var years = months / 12;
        return Next(0, 3) switch
        {
            0 => WithArticle($"{years}-year-old {sex}"),
            1 => WithArticle($"{Word(years)} year old {sex}"),
            _ => $"a {sex} aged {Word(years)}",
        };
    }

    private static string WithArticle(string phrase) =>
        (phrase.StartsWith('8') || phrase.StartsWith("11", StringComparison.Ordinal) || phrase.StartsWith("18", StringComparison.Ordinal)
            || phrase.StartsWith("eight", StringComparison.Ordinal) || phrase.StartsWith("eleven", StringComparison.Ordinal) ? "an " : "a ") + phrase;

    private static string Word(int n) =>
        n < FieldVocabulary.NumberWords.Length ? FieldVocabulary.NumberWords[n] : n.ToString(CultureInfo.InvariantCulture);

    private int[] DrawDistinct(int count, int take)
    {
        take = Math.Min(take, count);
        var chosen = new List<int>(take);
        while (chosen.Count < take)
        {
            var i = _random.Next(count);
            if (!chosen.Contains(i))
            {
                chosen.Add(i);
            }
        }

        return [.. chosen];
    }

    public static string JoinList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}

/// <summary>How a review is labelled in a digest.</summary>
internal enum LabelStyle
{
    RapidReviewSlash,
    RapidReviewDash,
    RapidReviewLong,
    Case,
    ChildInitials,
    Family,
    Pseudonym,
    Code,
}
