using Lantern.Core.Evaluation;
using Lantern.Core.Pipeline;
using Lantern.Core.Records;
using Lantern.Tests.Shared;

namespace Lantern.Core.Tests.Evaluation;

/// <summary>The C# scorer must print exactly what tests/data/score.py prints for the same folders.</summary>
public sealed class ScorerParityTests : IDisposable
{
    private readonly string _pred = Directory.CreateTempSubdirectory("lantern-parity-").FullName;

    [RequiresToolFact("python3")]
    public void Score_SamplePredictions_PrintsTheSameLinesAsScorePy()
    {
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        foreach (var path in Directory.GetFiles(RepoPaths.Samples, "*.txt"))
        {
            var record = pipeline.Run(Path.GetFileName(path), File.ReadAllText(path));
            File.WriteAllText(Path.Combine(_pred, Path.GetFileNameWithoutExtension(path) + ".json"), RecordJson.Serialize(record));
        }

        // A prediction with a wrong year and a stray review, so the verbose listing has lines of every kind.
        var first = Directory.GetFiles(_pred).Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(first).Replace("\"year\": null", "\"year\": 1999", StringComparison.Ordinal);
        File.WriteAllText(first, text);

        foreach (var verbose in new[] { false, true })
        {
            var args = new List<string> { Path.Combine(RepoPaths.TestData, "score.py"), "--gold", RepoPaths.Gold, "--pred", _pred };
            if (verbose)
            {
                args.Add("--verbose");
            }

            var (exit, stdout, stderr) = ProcessRunner.Run("python3", args);
            exit.ShouldBe(0, stderr);
            var ours = ExtractionScorer.Score(RecordFile.LoadFolder(RepoPaths.Gold, TextWriter.Null), RecordFile.LoadFolder(_pred, TextWriter.Null), verbose);
            ours.Lines().ShouldBe(stdout.TrimEnd('\n').Split('\n'));
        }
    }

    public void Dispose() => Directory.Delete(_pred, recursive: true);
}
