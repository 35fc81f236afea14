using Lantern.Core.Evaluation;
using Lantern.Core.Pipeline;
using Lantern.Core.Records;

namespace Lantern.Core.Tests.Golden;

/// <summary>
/// Golden specs (after markdig's Specs): each tests/data/golden/NAME.txt is a fictional document in one of the field's
/// layouts, and NAME.json is the record expected from it. Only the structural fields are compared; text items match
/// as the scorer matches them (word F1 ≥ 0.6, one to one).
/// </summary>
public class GoldenSpecTests
{
    private static readonly ReviewPipeline Pipeline = new ReviewPipelineBuilder().UseDefaults().Build();

    private static string Folder => Path.Combine(RepoPaths.TestData, "golden");

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.TestData, "golden"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Fact]
    public void Specs_AtLeastTenDocuments()
    {
        Directory.GetFiles(Folder, "*.txt").Length.ShouldBeGreaterThanOrEqualTo(10);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Extract_GoldenDocument_MatchesExpectedStructure(string name)
    {
        var expected = RecordJson.Deserialize(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        var actual = RecordJson.ToRecord(Pipeline.Run(name + ".txt", File.ReadAllText(Path.Combine(Folder, name + ".txt"))));

        actual.Reviews.Count.ShouldBe(expected.Reviews.Count, $"{name}: number of reviews");
        if (expected.Publisher is not null)
        {
            TextOverlap.SetOverlap(actual.Publisher, expected.Publisher).ShouldBeGreaterThanOrEqualTo(0.6, $"{name}: publisher {actual.Publisher}");
        }

        for (var i = 0; i < expected.Reviews.Count; i++)
        {
            var want = expected.Reviews[i];
            var got = actual.Reviews[i];
            var at = $"{name} review {i}";
            ExtractionScorer.NormaliseReference(got.Reference).ShouldBe(ExtractionScorer.NormaliseReference(want.Reference), $"{at}: reference");
            got.Name.ShouldBe(want.Name, $"{at}: name");
            got.Type.ShouldBe(want.Type, $"{at}: type");
            got.Year.ShouldBe(want.Year, $"{at}: year");
            ShouldMatch(got.Learning, want.Learning, $"{at}: learning");
            ShouldMatch(got.GoodPractice, want.GoodPractice, $"{at}: goodPractice");
            ShouldMatch(got.Actions, want.Actions, $"{at}: actions");
            ShouldMatch(got.PanelFeedback, want.PanelFeedback, $"{at}: panelFeedback");
        }
    }

    private static void ShouldMatch(IReadOnlyList<string> got, IReadOnlyList<string> want, string what)
    {
        got.Count.ShouldBe(want.Count, $"{what}: got [{string.Join(" | ", got)}]");
        var used = new HashSet<int>();
        foreach (var item in want)
        {
            var match = Enumerable.Range(0, got.Count).Where(j => !used.Contains(j)).OrderByDescending(j => TextOverlap.TokenF1(item, got[j])).FirstOrDefault(-1);
            (match >= 0 && TextOverlap.TokenF1(item, got[match]) >= ExtractionScorer.TextMatch).ShouldBeTrue($"{what}: no item matches \"{item}\"");
            used.Add(match);
        }
    }
}
