using System.Text.Json.Nodes;
using Lantern.Core.Evaluation;

namespace Lantern.Core.Tests.Evaluation;

public class ExtractionScorerTests
{
    private static RecordFile File(string name, string json) => new(name, JsonNode.Parse(json));

    [Fact]
    public void Score_IdenticalRecords_ScoresOne()
    {
        const string doc = """{"document":"a.txt","publisher":"X Board","reviews":[{"reference":"RR 1/22","name":null,"type":"rapid-review","year":2022,"child":{"ageMonths":null,"ageBand":null,"sex":null},"learning":["Share information"],"harm":["neglect"]}]}""";
        var result = ExtractionScorer.Score([File("a.json", doc)], [File("a.json", doc)]);
        result.Score.ShouldBe(1.0);
        result.Lines().Last().ShouldBe("score: 1.000");
    }

    [Fact]
    public void Score_ReferencesWithLeadingZeros_StillPair()
    {
        var gold = File("a.json", """{"document":"a.txt","reviews":[{"reference":"RR 05/22"}]}""");
        var pred = File("a.json", """{"document":"a.txt","reviews":[{"reference":"rr  5/22"}]}""");
        var result = ExtractionScorer.Score([gold], [pred]);
        (result.Tp, result.Fp, result.Fn).ShouldBe((1, 0, 0));
        result.Figures.ShouldContain(kv => kv.Key == "reference.accuracy" && kv.Value == 1.0);
    }

    [Fact]
    public void Score_MissingPrediction_IsListedAndCountsGoldAsMissed()
    {
        var gold = File("a.json", """{"document":"a.txt","reviews":[{"reference":"GN13","learning":["x y z"]}]}""");
        var result = ExtractionScorer.Score([gold], []);
        result.MissingPredictions.ShouldBe(["a"]);
        result.Lines().ShouldContain("no prediction for: a");
        result.Fn.ShouldBe(1);
    }

    [Fact]
    public void Score_Verbose_ListsScalarDisagreementsInPythonRepr()
    {
        var gold = File("a.json", """{"document":"a.txt","reviews":[{"reference":"GN13","year":2014}]}""");
        var pred = File("a.json", """{"document":"a.txt","reviews":[{"reference":"GN13","year":null}]}""");
        var result = ExtractionScorer.Score([gold], [pred], verbose: true);
        result.Disagreements.ShouldContain("  a [GN13] year: gold=2014 pred=None");
    }

    [Theory]
    [InlineData(0.0625, "0.062")]
    [InlineData(0.9375, "0.938")]
    [InlineData(0.5555, "0.555")]
    [InlineData(1.0, "1.000")]
    public void Fixed3_RoundsLikePython(double value, string expected)
    {
        PyValue.Fixed3(value).ShouldBe(expected);
    }
}
