using System.Text.Json;

namespace Lantern.Cli.Tests.Library;

public sealed class SensitiveCommandTests
{
    private const string Flagged = "Rapid review: Child Q\n\nChild Q lived with her mother, Sarah Jones, at 14 Acacia Avenue, LS6 2AB.\n\nLearning\n- Agencies did not share information.\n";
    private const string Clean = "Rapid review: Child R\n\nThe mother of Child R was not asked about her partner.\n\nLearning\n- Agencies did not share information.\n";

    private static async Task<JsonElement[]> DocumentsAsync(LibraryCli cli)
    {
        var list = await cli.RunAsync("list", "--json");
        return [.. JsonDocument.Parse(list.Output).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task Ingest_FlaggedDocument_GoesInRestrictedAndIsListed()
    {
        using var cli = new LibraryCli();
        var folder = Path.Combine(cli.Folder, "in");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "flagged.txt"), Flagged);
        await File.WriteAllTextAsync(Path.Combine(folder, "clean.txt"), Clean);

        var ingest = await cli.RunAsync("ingest", folder);

        ingest.ExitCode.ShouldBe(0);
        ingest.Lines.ShouldContain(l => l.Contains("flagged.txt") && l.Contains("restricted until an editor clears it"));
        var list = await cli.RunAsync("sensitive", "list");
        list.ExitCode.ShouldBe(0);
        list.Lines.ShouldContain(l => l.Contains("flagged.txt (restricted, FLAGGED)"));
        list.Lines.ShouldContain(l => l.StartsWith("family-name") && l.EndsWith("mother, Sarah Jones"));
        list.Lines.ShouldContain(l => l.StartsWith("street-address") && l.EndsWith("14 Acacia Avenue"));
        list.Lines.ShouldContain(l => l.StartsWith("postcode") && l.EndsWith("LS6 2AB"));
        list.Output.ShouldNotContain("clean.txt");
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_FlaggedDocumentWithPublic_IsPublicAndCheckNotesIt()
    {
        using var cli = new LibraryCli();
        var file = Path.Combine(cli.Folder, "flagged.txt");
        await File.WriteAllTextAsync(file, Flagged);

        var ingest = await cli.RunAsync("ingest", "--public", file);

        ingest.Lines.ShouldContain(l => l.Contains("public as asked"));
        (await cli.RunAsync("sensitive", "list", "flagged.txt")).Lines[0].ShouldContain("(public, FLAGGED)");
        var check = await cli.RunAsync("check");
        check.ExitCode.ShouldBe(0);
        check.Lines.ShouldContain(l => l.StartsWith("note: flagged.txt is public with 3 uncleared"));
    }

    [Fact]
    public async Task Clear_WithPublic_PublishesTheDocumentAndEndsTheFlag()
    {
        using var cli = new LibraryCli();
        var file = Path.Combine(cli.Folder, "flagged.txt");
        await File.WriteAllTextAsync(file, Flagged);
        await cli.RunAsync("ingest", file);

        var clear = await cli.RunAsync("sensitive", "clear", "flagged.txt", "--public");

        clear.ExitCode.ShouldBe(0);
        var list = await cli.RunAsync("sensitive", "list");
        list.Lines[0].ShouldContain("(public, cleared by ");
        (await cli.RunAsync("check")).Output.ShouldNotContain("note:");
    }

    [Fact]
    public async Task Clear_UnknownDocument_FailsNamingIt()
    {
        using var cli = new LibraryCli();
        var file = Path.Combine(cli.Folder, "clean.txt");
        await File.WriteAllTextAsync(file, Clean);
        await cli.RunAsync("ingest", file);

        var clear = await cli.RunAsync("sensitive", "clear", "nope.txt");

        clear.ExitCode.ShouldBe(1);
        clear.Error.ShouldContain("no document 'nope.txt'");
    }

    [Fact]
    public async Task Ingest_PublicAndRestrictedTogether_IsRefused()
    {
        using var cli = new LibraryCli();
        var file = Path.Combine(cli.Folder, "clean.txt");
        await File.WriteAllTextAsync(file, Clean);

        var ingest = await cli.RunAsync("ingest", "--public", "--restricted", file);

        ingest.ExitCode.ShouldBe(1);
        ingest.Error.ShouldContain("not both");
    }
}
