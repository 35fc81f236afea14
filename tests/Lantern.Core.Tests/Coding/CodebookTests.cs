using Lantern.Core.Coding;

namespace Lantern.Core.Tests.Coding;

public class CodebookTests
{
    [Fact]
    public void BuiltIn_LoadsEveryThemeOfTheReferenceCodebook()
    {
        var book = Codebook.BuiltIn;
        book.Version.ShouldNotBeNullOrWhiteSpace();
        string[] reference =
        [
            "information-sharing", "multi-agency-working", "professional-curiosity", "engagement-and-compliance", "cognitive-bias",
            "supervision-and-support", "escalation-and-challenge", "strategy-discussions", "child-protection-plans", "voice-of-the-child",
            "fathers-and-men", "transfers-and-boundaries", "safe-sleep", "was-not-brought", "think-family", "history-and-chronologies",
            "domestic-abuse-practice", "injuries-and-medical-assessment", "thresholds-and-referrals", "risk-assessment",
            "training-and-guidance", "recording", "infants-and-pre-birth", "exploitation-and-missing", "capacity-and-consent",
            "identity-and-culture",
        ];
        book.CodeIds.ShouldBe(reference, ignoreOrder: true);
        book.Codes.ShouldAllBe(c => c.Cues.Count > 0 && c.Label.Length > 0 && c.Definition.Length > 0);
    }

    [Fact]
    public void Parse_DuplicateCode_NamesTheFieldPath()
    {
        var json = """{"version":"1","codes":[{"code":"a","cues":["x"]},{"code":"a","cues":["y"]}]}""";
        var errors = Codebook.Validate(json);
        errors.ShouldContain(e => e.StartsWith("codes[1].code:", StringComparison.Ordinal) && e.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyCueAndBadRegexAndUnknownSuppressor_AreEachReported()
    {
        var json = """
        {"version":"1","codes":[
          {"code":"a","cues":["", {"regex":"(unclosed"}], "suppressedBy":["nope"]},
          {"code":"b","cues":[{"phrase":"ok","weight":2}]}
        ]}
        """;
        var errors = Codebook.Validate(json);
        errors.ShouldContain(e => e.StartsWith("codes[0].cues[0]: empty cue", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("codes[0].cues[1].regex: invalid pattern", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("codes[0].suppressedBy: unknown code \"nope\"", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("codes[1].cues[0].weight:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingVersionAndNotJson_AreReported()
    {
        Codebook.Validate("""{"codes":[{"code":"a","cues":["x"]}]}""").ShouldContain("version: missing");
        Codebook.Validate("{ not json").Single().ShouldStartWith("$: not valid JSON");
    }

    [Fact]
    public void Parse_CodeOutsideAllowedVocabulary_IsReported()
    {
        var errors = Codebook.Validate("""{"version":"1","codes":[{"code":"gp","cues":["GP"]},{"code":"vet","cues":["vet"]}]}""", ["gp"]);
        errors.ShouldBe(["codes[1].code: \"vet\" is not in the record schema's vocabulary"]);
    }

    [Fact]
    public void Load_InvalidFile_ThrowsWithEveryError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lantern-codebook-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"version":"","codes":[]}""");
        try
        {
            var e = Should.Throw<CodebookException>(() => Codebook.Load(path));
            e.Errors.ShouldContain("version: empty");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsCodebookException()
    {
        Should.Throw<CodebookException>(() => Codebook.Load("/no/such/codebook.json")).Errors.Single().ShouldStartWith("cannot read the file");
    }
}
