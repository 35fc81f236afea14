using Lantern.Storage.Actions;

namespace Lantern.Cli.Tests.Library;

public class ActionsCommandTests
{
    private const string Digest = "003_13b63824d830b1de.txt";

    [Fact]
    public async Task Actions_ImportAddUpdateAndCsv_WorkEndToEnd_AndAStaleUpdateFails()
    {
        using var cli = new LibraryCli();
        await cli.RunAsync("ingest", cli.CopySamples("digest", Digest));

        var import = await cli.RunAsync("actions", "import", "RR 2/22");
        var again = await cli.RunAsync("actions", "import", "RR 2/22");
        var added = await cli.RunAsync("actions", "add", "RR 2/22", "--text", "Audit supervision of the case", "--agency", "Police", "--due", "2020-01-31");
        var id = System.Text.RegularExpressions.Regex.Match(added.Output, "#(\\d+)").Groups[1].Value;
        var update = await cli.RunAsync("actions", "update", id, "--status", "in-progress", "--lead", "Jo", "--version", "1");
        var stale = await cli.RunAsync("actions", "update", id, "--status", "done", "--version", "1");
        var overdue = await cli.RunAsync("actions", "list", "--overdue");
        var csvPath = Path.Combine(cli.Folder, "actions.csv");
        var csv = await cli.RunAsync("actions", "list", "--agency", "police", "--csv", csvPath);

        import.ExitCode.ShouldBe(0);
        import.Output.ShouldContain("Now tracking");
        again.Output.ShouldContain("0 new");
        added.ExitCode.ShouldBe(0);
        update.ExitCode.ShouldBe(0);
        stale.ExitCode.ShouldBe(3);
        stale.Error.ShouldContain("reload and try again");
        overdue.Output.ShouldContain("Audit supervision of the case");
        overdue.Output.ShouldContain("OVERDUE");
        csv.ExitCode.ShouldBe(0);
        using var reader = new StreamReader(csvPath);
        var rows = ActionCsv.Read(reader);
        var row = rows.ShouldHaveSingleItem();
        row["status"].ShouldBe("in-progress");
        row["lead"].ShouldBe("Jo");
        row["review"].ShouldBe("RR 2/22");
    }
}
