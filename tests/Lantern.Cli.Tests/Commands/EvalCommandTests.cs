using Lantern.Cli.Commands;

namespace Lantern.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lantern-eval-").FullName;

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !dir.EnumerateFiles("*.slnx").Any())
            {
                dir = dir.Parent;
            }

            return dir!.FullName;
        }
    }

    [Fact]
    public void Run_SeedDocuments_PrintsFiguresEndingWithScore()
    {
        var stdout = new StringWriter();
        EvalCommand.Run(Path.Combine(Root, "tests", "data", "gold"), Path.Combine(Root, "samples"), null, false, stdout, TextWriter.Null).ShouldBe(0);
        var lines = stdout.ToString().TrimEnd().Split('\n');
        lines[0].ShouldStartWith("documents: 5  reviews tp/fp/fn: ");
        lines.ShouldContain(l => l.StartsWith("reviews.f1", StringComparison.Ordinal));
        lines[^1].ShouldStartWith("score: ");
    }

    [Fact]
    public void Run_PredictionsFolderEqualToGold_ScoresOne()
    {
        var gold = Path.Combine(Root, "tests", "data", "gold");
        var stdout = new StringWriter();
        EvalCommand.Run(gold, null, gold, false, stdout, TextWriter.Null).ShouldBe(0);
        stdout.ToString().TrimEnd().Split('\n')[^1].ShouldBe("score: 1.000");
    }

    [Fact]
    public void Run_BothDocsAndPred_IsAUsageError()
    {
        var stderr = new StringWriter();
        EvalCommand.Run(_dir, _dir, _dir, false, TextWriter.Null, stderr).ShouldBe(2);
        stderr.ToString().ShouldContain("exactly one");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
