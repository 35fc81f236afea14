using Lantern.Core.Evaluation;
using Lantern.Core.Pipeline;
using Lantern.Core.Records;
using System.Text.Json.Nodes;

namespace Lantern.Core.Tests.Golden;

/// <summary>The seed bulletins (samples/) scored against their gold records (tests/data/gold/) with the ported scorer.</summary>
public class SeedScoreTests
{
    [Theory]
    [InlineData("reviews.f1")]
    [InlineData("reference.accuracy")]
    [InlineData("name.accuracy")]
    [InlineData("type.accuracy")]
    [InlineData("year.accuracy")]
    [InlineData("learning.f1")]
    [InlineData("goodPractice.f1")]
    [InlineData("actions.f1")]
    [InlineData("panelFeedback.f1")]
    [InlineData("publisher.accuracy")]
    public void Extract_Seeds_StructuralFigureAtLeastNinety(string figure)
    {
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        var predictions = Directory.GetFiles(RepoPaths.Samples, "*.txt")
            .Select(path => new RecordFile(
                Path.GetFileNameWithoutExtension(path) + ".json",
                JsonNode.Parse(RecordJson.Serialize(pipeline.Run(Path.GetFileName(path), File.ReadAllText(path))))))
            .ToList();
        var result = ExtractionScorer.Score(RecordFile.LoadFolder(RepoPaths.Gold, TextWriter.Null), predictions);
        result.Figures.Single(kv => kv.Key == figure).Value.ShouldBeGreaterThanOrEqualTo(0.9);
    }
}
