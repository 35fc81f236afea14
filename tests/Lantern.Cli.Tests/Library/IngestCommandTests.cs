using System.Text.Json;

namespace Lantern.Cli.Tests.Library;

public class IngestCommandTests
{
    private const string Gn13 = "000_04d4913e1a034c3d.txt";
    private const string Digest = "003_13b63824d830b1de.txt";

    [Fact]
    public async Task Ingest_FolderWithGoodAndBadFiles_AddsTheGoodOnesAndRejectsTheRest()
    {
        using var cli = new LibraryCli();
        var folder = cli.CopySamples("mixed", Gn13, Digest);
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(folder, "sub", "scan.pdf"), [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))]);
        await File.WriteAllTextAsync(Path.Combine(folder, "sub", "notes.xyz"), "Review notes in an unknown format");

        var result = await cli.RunAsync("ingest", folder);

        result.ExitCode.ShouldBe(1);
        result.Lines.Count(l => l.StartsWith("added ")).ShouldBe(2);
        result.Lines.Count(l => l.StartsWith("rejected ")).ShouldBe(3);
        result.Lines.ShouldContain(l => l.StartsWith("rejected ") && l.Contains("empty.txt:"));
        result.Lines.ShouldContain(l => l.StartsWith("rejected ") && l.Contains("scan.pdf:"));
        result.Lines.ShouldContain(l => l.StartsWith("rejected ") && l.Contains("notes.xyz:"));
        result.Lines[^1].ShouldStartWith("2 added");
        // Nothing of a rejected file is stored: only the two good originals are in the data folder.
        cli.OriginalCount().ShouldBe(2);
        var list = await cli.RunAsync("list", "--json");
        using var json = JsonDocument.Parse(list.Output);
        json.RootElement.GetArrayLength().ShouldBeGreaterThan(1);
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_SameFileTwice_ReportsPresentAndSucceeds()
    {
        using var cli = new LibraryCli();
        var folder = cli.CopySamples("one", Gn13);
        await cli.RunAsync("ingest", folder);

        var again = await cli.RunAsync("ingest", Path.Combine(folder, Gn13));

        again.ExitCode.ShouldBe(0);
        again.Lines[0].ShouldStartWith("present ");
        again.Lines[^1].ShouldStartWith("0 added");
    }

    [Fact]
    public async Task Ingest_MissingPath_IsRejectedWithoutStoppingTheOthers()
    {
        using var cli = new LibraryCli();
        var folder = cli.CopySamples("one", Gn13);

        var result = await cli.RunAsync("ingest", Path.Combine(folder, "nope.txt"), folder);

        result.ExitCode.ShouldBe(1);
        result.Lines.ShouldContain(l => l.StartsWith("rejected ") && l.Contains("nope.txt"));
        result.Lines.ShouldContain(l => l.StartsWith("added ") && l.Contains(Gn13));
    }

    [Fact]
    public async Task Check_TamperedOriginal_FailsWithTheProblem()
    {
        using var cli = new LibraryCli();
        await cli.RunAsync("ingest", cli.CopySamples("one", Gn13));
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
        await cli.TamperOnlyOriginalAsync();

        var check = await cli.RunAsync("check");

        check.ExitCode.ShouldBe(1);
        check.Output.ShouldContain(Gn13);
        check.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Verbs_WithoutALibrary_FailWithAOneLineReason()
    {
        using var cli = new LibraryCli();

        var result = await cli.RunAsync("list");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("no library");
    }
}
