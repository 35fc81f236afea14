using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.Core.Coding;
using Lantern.Core.Extraction.Agencies;
using Lantern.Core.Extraction.Harm;
using Lantern.Core.Extraction.RiskFactors;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Coding;

/// <summary>
/// The shortcuts that keep coding fast (the literal prefilter, word-by-word link masking, compiling busy patterns)
/// must never change what is matched; and extraction must stay roughly linear in the document's length.
/// </summary>
public class CodingPerformanceTests
{
    private static IEnumerable<string> CorpusSentences()
    {
        var files = Directory.GetFiles(RepoPaths.Samples, "*.txt").Concat(Directory.GetFiles(Path.Combine(RepoPaths.TestData, "golden"), "*.txt"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (var sentence in SentenceSplitter.Split(text, new SourceSpan(0, text.Length)))
            {
                yield return sentence.Slice(text);
            }
        }
    }

    private static IEnumerable<string> AllPhrases()
    {
        var books = new[]
        {
            Codebook.BuiltIn,
            Codebook.LoadEmbedded(HarmExtractor.DataFile, Vocabulary.Harms),
            Codebook.LoadEmbedded(RiskFactorExtractor.DataFile, Vocabulary.RiskFactors),
            Codebook.LoadEmbedded(AgencyExtractor.DataFile, Vocabulary.Agencies),
        };
        return books.SelectMany(b => b.Codes).SelectMany(c => c.Cues)
            .SelectMany(c => c.Phrase is not null ? [c.Phrase] : c.AllOf)
            .Distinct(StringComparer.Ordinal);
    }

    [Fact]
    public void Prefilter_EveryCodebookPhraseOnCorpusSentences_NeverRulesOutASentenceItsPatternMatches()
    {
        var sentences = CorpusSentences().ToList();
        var checkedMatches = 0;
        foreach (var phrase in AllPhrases())
        {
            var filter = CuePrefilter.ForPhrase(phrase);
            var regex = CuePattern.Compile(phrase);
            foreach (var sentence in sentences.Where(s => regex.IsMatch(s)))
            {
                (filter?.MayMatch(CuePrefilter.Fold(sentence)) ?? true).ShouldBeTrue($"{phrase} on \"{sentence}\"");
                checkedMatches++;
            }
        }

        checkedMatches.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void WordIndex_EveryCodebookPhraseOnCorpusSentences_FindsExactlyTheWordsEachSentenceContains()
    {
        var index = new CueWordIndex();
        var filters = AllPhrases().Select(CuePrefilter.ForPhrase).OfType<CuePrefilter>().Select(f => (Filter: f, Ids: index.Add(f)!)).ToList();
        var sentences = CorpusSentences().Append("a \u212Ainship care plan").Append("").Append("x").ToList();
        foreach (var sentence in sentences)
        {
            var folded = CuePrefilter.Fold(sentence);
            var present = index.Find(folded.Text);
            foreach (var (filter, ids) in filters)
            {
                CueWordIndex.AnyPresent(ids, present).ShouldBe(filter.MayMatch(folded), $"{string.Join("|", filter.Words)} on \"{sentence}\"");
            }
        }

        index.Count.ShouldBeGreaterThan(300);
    }

    [Theory]
    [InlineData("children's voice*", "the childrens voices were heard")]
    [InlineData("co-ordinated", "a co ordinated response")]
    [InlineData("(the)? MARAC", "referred to MARAC")]
    [InlineData("(at home|in the bathroom) alone", "left in the bathroom alone")]
    [InlineData("share* ... information", "shared all the relevant information")]
    [InlineData("risk assessment|safety plan", "a SAFETY plan was made")]
    [InlineData("(share*|sharing) information", "SHARED information")]
    [InlineData("kinship", "\u212Ainship care")]
    public void Prefilter_PhraseWithOptionalPartsOrOddCase_KeepsTheSentenceItsPatternMatches(string phrase, string sentence)
    {
        CuePattern.Compile(phrase).IsMatch(sentence).ShouldBeTrue();
        (CuePrefilter.ForPhrase(phrase)?.MayMatch(CuePrefilter.Fold(sentence)) ?? true).ShouldBeTrue();
    }

    [Fact]
    public void Prefilter_SentenceWithoutAnyOfThePhraseWords_IsRuledOut()
    {
        var filter = CuePrefilter.ForPhrase("(share*|sharing) ... information").ShouldNotBeNull();
        filter.MayMatch(CuePrefilter.Fold("The family moved house twice.")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("See https://example.org/reviews (page 2) or email lscp@council.gov.uk today.")]
    [InlineData("Visit www.lscp.org.uk/learning, read www.nspcc.org.uk. Then ring 0123.")]
    [InlineData("a.b.c.com/x?y=1 end.with.dots. trailing@ at@the.end mid-word.uk\nhttp://localhost:8080/ \"www.q.net\"")]
    public void MaskLinks_WordByWord_EqualsAWholeTextPass(string text)
    {
        CueMatcher.MaskLinks(text).ShouldBe(CueMatcher.LinkPattern.Replace(text, m => new string(' ', m.Length)));
    }

    [Fact]
    public void MaskLinks_CorpusDocuments_EqualsAWholeTextPass()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.TestData, "golden"), "*.txt").Concat(Directory.GetFiles(RepoPaths.Samples, "*.txt")))
        {
            var text = File.ReadAllText(file);
            CueMatcher.MaskLinks(text).ShouldBe(CueMatcher.LinkPattern.Replace(text, m => new string(' ', m.Length)), file);
        }
    }

    [Fact]
    public void HotRegex_AfterCompiling_MatchesTheSameAsInterpreted()
    {
        var interpreted = CuePattern.Compile("(share*|sharing) ... information");
        var hot = new HotRegex(interpreted);
        const string text = "Agencies were not sharing the relevant information in time.";
        for (var i = 0; i < HotRegex.UsesBeforeCompiling + 5; i++)
        {
            var m = hot.Current.Match(text);
            m.Value.ShouldBe(interpreted.Match(text).Value);
        }

        hot.Current.Options.HasFlag(RegexOptions.Compiled).ShouldBeTrue();
    }

    [Fact]
    public void Extract_MegabyteDocument_FinishesWellWithinASanityBound()
    {
        // Not a benchmark (bench/ holds the figures): before the coding fixes this took many minutes, growing with
        // the square of the length; now it takes seconds even in Debug on a loaded machine.
        var one = string.Join("\n\n", Directory.GetFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var text = new StringBuilder();
        while (text.Length < 1_000_000)
        {
            text.Append(one).Append("\n\n");
        }

        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        var watch = Stopwatch.StartNew();
        var result = pipeline.Run("big.txt", text.ToString());
        watch.Stop();
        result.Reviews.Count.ShouldBeGreaterThan(300);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90));
    }
}
