using System.IO.Compression;
using Lantern.Tests.Shared.Database;

namespace Lantern.Cli.Tests.Library;

public sealed class BackupCommandTests
{
    private const string Gn13 = "000_04d4913e1a034c3d.txt";
    private const string Digest = "003_13b63824d830b1de.txt";

    private static async Task<LibraryCli> LibraryWithTwoSamplesAsync()
    {
        var cli = new LibraryCli();
        var folder = cli.CopySamples("in", Gn13, Digest);
        (await cli.RunAsync("ingest", "--public", folder)).ExitCode.ShouldBe(0);
        return cli;
    }

    private static string[] Snapshot(string folder) => !Directory.Exists(folder) ? [] :
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("lantern.db-", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(folder, f) + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .Order()];

    [SqliteOnlyFact("restores by moving the data folder away; on PostgreSQL the database outlives the folder (Postgres/PostgresBackupTests)")]
    public async Task BackupThenRestore_IntoEmptyFolder_GivesTheSameLibrary()
    {
        using var cli = await LibraryWithTwoSamplesAsync();
        var zip = Path.Combine(cli.Folder, "backup.zip");
        var before = (await cli.RunAsync("list")).Output;

        (await cli.RunAsync("backup", "--out", zip)).ExitCode.ShouldBe(0);
        Directory.Move(cli.DataFolder, cli.DataFolder + ".gone");
        var restore = await cli.RunAsync("restore", zip);

        restore.ExitCode.ShouldBe(0);
        (await cli.RunAsync("list")).Output.ShouldBe(before);
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("search", "information")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Restore_OverALibraryWithoutForce_IsRefusedAndChangesNothing()
    {
        using var cli = await LibraryWithTwoSamplesAsync();
        var zip = Path.Combine(cli.Folder, "backup.zip");
        await cli.RunAsync("backup", "--out", zip);
        var before = Snapshot(cli.DataFolder);

        var restore = await cli.RunAsync("restore", zip);

        restore.ExitCode.ShouldBe(1);
        restore.Error.ShouldContain("--force");
        Snapshot(cli.DataFolder).ShouldBe(before);
    }

    [SqliteOnlyFact("the old library is a folder moved aside; on PostgreSQL it is the database, replaced by pg_restore (Postgres/PostgresBackupTests)")]
    public async Task Restore_WithForce_MovesTheOldFolderAside()
    {
        using var cli = await LibraryWithTwoSamplesAsync();
        var zip = Path.Combine(cli.Folder, "backup.zip");
        await cli.RunAsync("backup", "--out", zip);
        var added = Path.Combine(cli.Folder, "later.txt");
        await File.WriteAllTextAsync(added, "Rapid review: Child Z\n\nLearning\n- Agencies did not share information about the zebra crossing.\n");
        await cli.RunAsync("ingest", added);

        var restore = await cli.RunAsync("restore", zip, "--force");

        restore.ExitCode.ShouldBe(0);
        restore.Output.ShouldContain("moved to ");
        Directory.GetDirectories(cli.Folder, "data.before-restore-*").ShouldHaveSingleItem();
        (await cli.RunAsync("list")).Output.ShouldNotContain("Child Z");
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Restore_CorruptedZip_IsRejectedAndTheLibraryIsUntouched()
    {
        using var cli = await LibraryWithTwoSamplesAsync();
        var zip = Path.Combine(cli.Folder, "backup.zip");
        await cli.RunAsync("backup", "--out", zip);
        // Damage one original (on PostgreSQL, where originals are in the database, the dump) inside an otherwise valid
        // zip: only the manifest can tell.
        var damaged = Path.Combine(cli.Folder, "damaged.zip");
        File.Copy(zip, damaged);
        using (var archive = ZipFile.Open(damaged, ZipArchiveMode.Update))
        {
            var entry = archive.Entries.First(e => e.FullName.StartsWith("originals/", StringComparison.Ordinal) || e.FullName == "database.dump");
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write("tampered");
        }

        // And a zip cut short.
        var truncated = Path.Combine(cli.Folder, "truncated.zip");
        var bytes = await File.ReadAllBytesAsync(zip);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var before = Snapshot(cli.DataFolder);
        var listed = (await cli.RunAsync("list")).Output;

        var first = await cli.RunAsync("restore", damaged, "--force");
        var second = await cli.RunAsync("restore", truncated, "--force");

        first.ExitCode.ShouldBe(1);
        first.Error.ShouldContain("does not match the manifest");
        second.ExitCode.ShouldBe(1);
        second.Error.ShouldContain("truncated.zip");
        Snapshot(cli.DataFolder).ShouldBe(before);
        (await cli.RunAsync("list")).Output.ShouldBe(listed);
        Directory.GetDirectories(cli.Folder).Select(Path.GetFileName).ShouldNotContain(d => d!.Contains("restore"));
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
    }
}
