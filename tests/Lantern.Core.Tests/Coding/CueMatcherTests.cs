using Lantern.Core.Coding;
using Lantern.Core.Model;

namespace Lantern.Core.Tests.Coding;

public class CueMatcherTests
{
    private static CueMatcher Matcher(string codesJson, string extra = "") =>
        new(Codebook.Parse($$"""{"version":"t1", {{extra}} "codes":[{{codesJson}}]}"""));

    private static List<string> Codes(CueMatcher matcher, string text) =>
        [.. matcher.Code(text, [new SourceSpan(0, text.Length)]).Select(l => l.Code)];

    [Fact]
    public void Phrase_StemAndHyphenVariants_Match()
    {
        var m = Matcher("""{"code":"c","cues":["professional* curio*","co-sleep*"]}""");
        Codes(m, "Practitioners must be professionally curious.").ShouldBe(["c"]);
        Codes(m, "The risks of cosleeping were explained.").ShouldBe(["c"]);
        Codes(m, "The professional was careful.").ShouldBeEmpty();
    }

    [Fact]
    public void Phrase_Gap_AllowsUpToFiveWordsBetween()
    {
        var m = Matcher("""{"code":"c","cues":["share* ... information"]}""");
        Codes(m, "Agencies did not share that important piece of information.").ShouldBe(["c"]);
        Codes(m, "Share the bulletin with your team; it contains a lot of very useful background information.").ShouldBeEmpty();
    }

    [Fact]
    public void Acronym_MatchesOnlyInCapitals()
    {
        var m = Matcher("""{"code":"mash","cues":["MASH"]}""");
        Codes(m, "The referral went to the MASH.").ShouldBe(["mash"]);
        Codes(m, "Mash the potatoes.").ShouldBeEmpty();
    }

    [Fact]
    public void Negation_Scoped_VetoesOnlyInItsClause()
    {
        var m = Matcher("""{"code":"csc","cues":["children's social care"]}""", """ "negation":["not known to"], """);
        Codes(m, "The family was not known to children's social care.").ShouldBeEmpty();
        Codes(m, "Father was not known to the police but was known to children's social care.").ShouldBe(["csc"]);
    }

    [Fact]
    public void Negation_Ignore_KeepsNegativeWordingCues()
    {
        var m = Matcher("""{"code":"wnb","cues":[{"phrase":"not brought","negation":"ignore"}]}""", """ "negation":["not"], """);
        Codes(m, "Children not brought to appointments are at risk.").ShouldBe(["wnb"]);
    }

    [Fact]
    public void Exclude_OverlappingPhraseVetoes_AndLinksAreMasked()
    {
        var m = Matcher("""{"code":"t","cues":[{"phrase":"training","exclude":["training needs analysis"]}]}""");
        Codes(m, "Complete a training needs analysis.").ShouldBeEmpty();
        Codes(m, "See https://x.proceduresonline.com/training/p.html for more.").ShouldBeEmpty();
        Codes(m, "Staff attended training.").ShouldBe(["t"]);
    }

    [Fact]
    public void AllOf_RequiresEveryPhraseInOneSentence()
    {
        var m = Matcher("""{"code":"c","cues":[{"allOf":["learning disabilit*","mother"]}]}""");
        Codes(m, "The mother has a learning disability.").ShouldBe(["c"]);
        Codes(m, "The mother was present. A learning disability service was contacted.").ShouldBeEmpty();
    }

    [Fact]
    public void WeakCues_NeedSupport_AndHedgesHalveWeight()
    {
        var m = Matcher("""{"code":"c","cues":[{"phrase":"alpha","weight":0.4},{"phrase":"beta","weight":0.4},{"phrase":"gamma","weight":0.9}]}""", """ "hedges":["may have"], """);
        Codes(m, "Alpha only.").ShouldBeEmpty();
        Codes(m, "Alpha and beta.").ShouldBe(["c"]);
        Codes(m, "Gamma may have been present.").ShouldBeEmpty();
        Codes(m, "Gamma was present.").ShouldBe(["c"]);
    }

    [Fact]
    public void Code_KeepsSentenceEvidenceAndScore()
    {
        var m = Matcher("""{"code":"c","cues":["gamma"]}""");
        const string text = "First sentence. Then gamma appears here. Last.";
        var label = m.Code(text, [new SourceSpan(0, text.Length)]).Single();
        label.Score.ShouldBe(1.0);
        label.Spans.Single().Slice(text).ShouldBe("Then gamma appears here.");
        m.Match(text, [new SourceSpan(0, text.Length)]).Single().Match.Slice(text).ShouldBe("gamma");
    }

    [Fact]
    public void SuppressedBy_DropsTheGeneralCode()
    {
        var m = Matcher("""{"code":"specific","cues":["fracture"]},{"code":"other","cues":["injury"],"suppressedBy":["specific"]}""");
        Codes(m, "An injury: a fracture.").ShouldBe(["specific"]);
        Codes(m, "An injury.").ShouldBe(["other"]);
    }

    [Fact]
    public void Match_SpanOutsideText_DoesNotThrow()
    {
        var m = Matcher("""{"code":"c","cues":["x"]}""");
        m.Code("short", [new SourceSpan(3, 100), new SourceSpan(50, 5)]).ShouldBeEmpty();
    }

    [Fact]
    public void SentenceSplitter_SplitsAtStopsBlankLinesAndBullets()
    {
        const string text = "One here. Two there\nstill two.\n\n- three\n- four";
        var parts = SentenceSplitter.Split(text, new SourceSpan(0, text.Length)).Select(s => s.Slice(text)).ToList();
        parts.ShouldBe(["One here.", "Two there\nstill two.", "- three", "- four"]);
    }

    [Fact]
    public void CodebookOptions_PathThenEnvironmentThenBuiltIn()
    {
        new CodebookOptions { Path = "/a.json" }.ResolvePath(_ => "/b.json").ShouldBe("/a.json");
        new CodebookOptions().ResolvePath(n => n == CodebookOptions.EnvironmentVariable ? "/b.json" : null).ShouldBe("/b.json");
        new CodebookOptions().ResolvePath(_ => null).ShouldBeNull();
        new CodebookOptions().Load(_ => null).ShouldBeSameAs(Codebook.BuiltIn);
    }
}
