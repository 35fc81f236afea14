using Lantern.Cli.Tests.Library;
using Lantern.Tests.Shared.Database;
using Npgsql;

namespace Lantern.Cli.Tests.Postgres;

/// <summary>backup and restore of a PostgreSQL library: pg_dump -Fc in the zip, pg_restore into the library's database.</summary>
public sealed class PostgresBackupTests
{
    private const string Gn13 = "000_04d4913e1a034c3d.txt";
    private const string Digest = "003_13b63824d830b1de.txt";

    [PostgresFact]
    public async Task Backup_ThenChangeAndDestroy_RestoreBringsTheLibraryBack()
    {
        ExternalToolSkip();
        using var cli = new LibraryCli();
        (await cli.RunAsync("ingest", "--public", cli.CopySamples("in", Gn13, Digest))).ExitCode.ShouldBe(0);
        var before = (await cli.RunAsync("list")).Output;
        var zip = Path.Combine(cli.Folder, "backup.zip");

        var backup = await cli.RunAsync("backup", "--out", zip);
        backup.ExitCode.ShouldBe(0, backup.Error);
        using (var archive = System.IO.Compression.ZipFile.OpenRead(zip))
        {
            archive.GetEntry("database.dump").ShouldNotBeNull();
            archive.GetEntry("lantern.db").ShouldBeNull();
        }

        // Changed: a later document. Not restored over without --force.
        var added = Path.Combine(cli.Folder, "later.txt");
        await File.WriteAllTextAsync(added, "Rapid review: Child Z\n\nLearning\n- Agencies did not share information about the zebra crossing.\n");
        (await cli.RunAsync("ingest", added)).ExitCode.ShouldBe(0);
        var refused = await cli.RunAsync("restore", zip);
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("--force");
        (await cli.RunAsync("list")).Output.ShouldContain("Child Z");

        var forced = await cli.RunAsync("restore", zip, "--force");
        forced.ExitCode.ShouldBe(0, forced.Error);
        (await cli.RunAsync("list")).Output.ShouldBe(before);

        // Destroyed: every table gone. An empty database needs no --force.
        await using (var connection = new NpgsqlConnection(TestStore.ConnectionStringFor(cli.DataFolder)))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;";
            await drop.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        var restored = await cli.RunAsync("restore", zip);
        restored.ExitCode.ShouldBe(0, restored.Error);
        (await cli.RunAsync("list")).Output.ShouldBe(before);
        var check = await cli.RunAsync("check");
        check.ExitCode.ShouldBe(0, check.Output + check.Error);
        (await cli.RunAsync("search", "information")).ExitCode.ShouldBe(0);
    }

    [PostgresFact]
    public async Task Restore_DamagedZip_LeavesTheDatabaseAlone()
    {
        ExternalToolSkip();
        using var cli = new LibraryCli();
        (await cli.RunAsync("ingest", "--public", cli.CopySamples("in", Gn13))).ExitCode.ShouldBe(0);
        var zip = Path.Combine(cli.Folder, "backup.zip");
        (await cli.RunAsync("backup", "--out", zip)).ExitCode.ShouldBe(0);
        var before = (await cli.RunAsync("list")).Output;
        var bytes = await File.ReadAllBytesAsync(zip);
        bytes[bytes.Length / 3] ^= 0xFF;
        await File.WriteAllBytesAsync(zip, bytes);

        var restore = await cli.RunAsync("restore", zip, "--force");

        restore.ExitCode.ShouldBe(1);
        (await cli.RunAsync("list")).Output.ShouldBe(before);
    }

    private static void ExternalToolSkip()
    {
        // pg_dump/pg_restore come with the PostgreSQL client tools; without them the backup fails with a message.
        Lantern.Tests.Shared.ExternalTool.Find("pg_dump").ShouldNotBeNull("pg_dump is needed for this test");
    }
}
