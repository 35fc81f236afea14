using Lantern.Storage.Backup;

namespace Lantern.Storage.Tests.Backup;

public class PostgresSnapshotTests
{
    [Fact]
    public async Task MissingClientTool_IsAPlainMessageNamingIt()
    {
        var error = await Should.ThrowAsync<BackupException>(() =>
            PostgresSnapshot.RunAsync("lantern-no-such-pg_dump", "Host=127.0.0.1;Username=postgres;Password=secret;Database=x", ["--version"], CancellationToken.None));

        error.Message.ShouldContain("lantern-no-such-pg_dump was not found on PATH");
        error.Message.ShouldContain("PostgreSQL client tools");
        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public void Verify_BackupWithoutADump_SaysSo()
    {
        var folder = Directory.CreateTempSubdirectory("lantern-snapshot-").FullName;
        try
        {
            new PostgresSnapshot("Host=127.0.0.1;Database=x").Verify(folder).ShouldBe("the backup holds no PostgreSQL dump (database.dump)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
