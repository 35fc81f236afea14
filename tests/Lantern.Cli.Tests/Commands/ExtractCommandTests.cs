using Lantern.Cli.Commands;
using Lantern.Core.Records;

namespace Lantern.Cli.Tests.Commands;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lantern-extract-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Run_OneFileWithoutOut_PrintsTheRecordJson()
    {
        var file = Write("bulletin.txt", "RR 1/22\n\nA baby boy was injured.\n\nLearning identified included the need to check explanations.");
        var stdout = new StringWriter();
        ExtractCommand.Run([file], null, stdout, TextWriter.Null).ShouldBe(0);
        var record = RecordJson.Deserialize(stdout.ToString());
        record.Document.ShouldBe("bulletin.txt");
        record.Reviews.ShouldHaveSingleItem().Reference.ShouldBe("RR 1/22");
    }

    [Fact]
    public void Run_WithOut_WritesOneJsonPerDocumentNamedByStem()
    {
        var a = Write("a.txt", "Case 1\n\nA girl was exploited.\n\nKey learning\n\n• Recognise grooming.");
        var b = Write("b.txt", "A newsletter with no review in it.");
        var outDir = Path.Combine(_dir, "out");
        ExtractCommand.Run([a, b], outDir, TextWriter.Null, TextWriter.Null).ShouldBe(0);
        RecordJson.Deserialize(File.ReadAllText(Path.Combine(outDir, "a.json"))).Reviews.Count.ShouldBe(1);
        RecordJson.Deserialize(File.ReadAllText(Path.Combine(outDir, "b.json"))).Reviews.ShouldBeEmpty();
    }

    [Fact]
    public void Run_MissingFile_ReportsItContinuesAndExitsNonZero()
    {
        var good = Write("good.txt", "Case 1\n\nA girl was exploited.\n\nKey learning\n\n• Recognise grooming.");
        var missing = Path.Combine(_dir, "nope.txt");
        var stderr = new StringWriter();
        var outDir = Path.Combine(_dir, "out");
        ExtractCommand.Run([missing, good], outDir, TextWriter.Null, stderr).ShouldNotBe(0);
        stderr.ToString().ShouldStartWith($"{missing}: ");
        File.Exists(Path.Combine(outDir, "good.json")).ShouldBeTrue();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
