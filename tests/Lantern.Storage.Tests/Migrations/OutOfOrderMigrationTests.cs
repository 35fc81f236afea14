using Dapper;
using Lantern.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Lantern.Storage.Tests.Migrations;

public class OutOfOrderMigrationTests
{
    [Fact]
    public void Migrate_AppliesAScriptNotYetRecorded_EvenBelowTheHighestRecordedVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        SchemaMigrator.Migrate(connection, SchemaMigrator.SqliteProvider, TimeProvider.System, upTo: 5);
        // A branch that landed first recorded a higher number.
        connection.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_later_branch', '2026-12-05T00:00:00Z')");

        SchemaMigrator.Migrate(connection, SchemaMigrator.SqliteProvider, TimeProvider.System);

        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'AspNetUsers'").ShouldBe(1);
        connection.Query<int>("SELECT version FROM schema_version ORDER BY version").ShouldContain(6);
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM \"AspNetRoles\"").ShouldBe(3);
    }
}
