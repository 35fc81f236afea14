using System.Text.RegularExpressions;
using Lantern.Core.Coding;
using Lantern.Core.Extraction.Agencies;
using Lantern.Core.Extraction.Harm;
using Lantern.Core.Extraction.RiskFactors;
using Lantern.Core.Model;

namespace Lantern.Core.Tests.Coding;

/// <summary>
/// Phrase patterns run without the match timeout on sentences of ordinary length (the clock reads it costs showed in
/// every profile); long input and raw regular expressions keep the timeout, and the phrase syntax must never grow a
/// repeat that could run away.
/// </summary>
public class HotRegexTests
{
    [Fact]
    public void Phrase_OrdinaryInputRunsUntimed_LongInputKeepsTheTimeout_BeforeAndAfterCompiling()
    {
        var hot = HotRegex.Phrase(CuePattern.Compile("share* ... information"));
        for (var use = 0; use < HotRegex.UsesBeforeCompiling + 5; use++)
        {
            hot.For(HotRegex.UntimedInputLimit).MatchTimeout.ShouldBe(Regex.InfiniteMatchTimeout);
            hot.For(HotRegex.UntimedInputLimit + 1).MatchTimeout.ShouldBe(CuePattern.MatchTimeout);
        }

        hot.For(10).Options.HasFlag(RegexOptions.Compiled).ShouldBeTrue("a busy pattern is compiled");
        hot.For(10).MatchTimeout.ShouldBe(Regex.InfiniteMatchTimeout);
        var sentence = "Agencies did not share that important piece of information.";
        hot.For(10).Match(sentence).Value.ShouldBe(hot.For(HotRegex.UntimedInputLimit + 1).Match(sentence).Value);
        hot.For(10).Match(sentence).Value.ShouldBe("share that important piece of information");
    }

    [Fact]
    public void Raw_AlwaysKeepsTheTimeout_AndStillStopsARunawayPattern()
    {
        var hot = HotRegex.Raw(new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50)));
        for (var use = 0; use < HotRegex.UsesBeforeCompiling + 5; use++)
        {
            hot.For(10).MatchTimeout.ShouldBe(TimeSpan.FromMilliseconds(50));
        }

        hot.For(10).Options.HasFlag(RegexOptions.Compiled).ShouldBeTrue();
        Should.Throw<RegexMatchTimeoutException>(() => hot.For(40).IsMatch(new string('a', 40) + "b"));
    }

    [Fact]
    public void PhraseTranslation_OfEveryBuiltInPhrase_RepeatsOnlyTheKnownBoundedParts()
    {
        // HotRegex's reason for running phrase patterns untimed: their only repeats are these fragments. A new phrase
        // feature that adds another repeat must come with a new look at that reasoning (and this list).
        string[] known =
        [
            @"(?:[\s\-/,]+[\w'’]+){0,5}?[\s\-/,]+", // the gap of "..."
            @"[\s\-/]+",                            // between words
            @"[\w'’\-]*",                           // a stem's ending
        ];
        var books = new[]
        {
            Codebook.BuiltIn,
            Codebook.LoadEmbedded(HarmExtractor.DataFile, Vocabulary.Harms),
            Codebook.LoadEmbedded(RiskFactorExtractor.DataFile, Vocabulary.RiskFactors),
            Codebook.LoadEmbedded(AgencyExtractor.DataFile, Vocabulary.Agencies),
        };
        var phrases = books.SelectMany(b => b.Codes.SelectMany(c => c.Cues)
                .SelectMany(c => (c.Phrase is not null ? [c.Phrase] : c.AllOf).Concat(c.Exclude).Concat(c.ExcludeSentence))
                .Concat(b.NegationTriggers).Concat(b.NegationAfter).Concat(b.Hedges).Concat(b.Incidental))
            .Append("(share*|sharing) ... (at home|in the bathroom)? co-sleep* children's")
            .Distinct(StringComparer.Ordinal).ToList();
        phrases.Count.ShouldBeGreaterThan(300);
        foreach (var phrase in phrases)
        {
            var source = CuePattern.Compile(phrase).ToString();
            foreach (var fragment in known)
            {
                source = source.Replace(fragment, "", StringComparison.Ordinal);
            }

            for (var i = 0; i < source.Length; i++)
            {
                switch (source[i])
                {
                    case '\\':
                        i++; // an escaped character
                        break;
                    case '(' when i + 1 < source.Length && source[i + 1] == '?':
                        i++; // a group's (?: (?<! (?! (?-i: opening, not a repeat
                        break;
                    case '*' or '+' or '{':
                        throw new Xunit.Sdk.XunitException($"phrase \"{phrase}\" translates with an unknown repeat at {i}: {source}");
                }
            }
        }
    }

    [Fact]
    public void Matcher_ASentenceOverTheLimit_IsCodedAsTheSameSentenceShorter()
    {
        // Past UntimedInputLimit the matcher switches to the timed form of each pattern: same answers.
        var matcher = new CueMatcher(Codebook.Parse("""{"version":"t1","hedges":["may have"],"codes":[{"code":"c","cues":["share* ... information"]}]}"""));
        var shortText = "Agencies may have failed to share that important information.";
        var longText = shortText[..^1] + new string(' ', HotRegex.UntimedInputLimit) + "and more.";
        var a = matcher.Match(shortText, [new SourceSpan(0, shortText.Length)]).Single();
        var b = matcher.Match(longText, [new SourceSpan(0, longText.Length)]).Single();
        b.Sentence.Length.ShouldBeGreaterThan(HotRegex.UntimedInputLimit);
        (b.Match.Start, b.Match.Length, b.Hedged, b.Weight).ShouldBe((a.Match.Start, a.Match.Length, a.Hedged, a.Weight));
        a.Hedged.ShouldBeTrue();
    }
}
