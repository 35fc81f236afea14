using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Migrations;
using Lantern.Storage.Records;
using Lantern.Storage.Tests.Support;
using Lantern.Tests.Shared.Database;

namespace Lantern.Storage.Tests.Migrations;

public class SchemaMigrationTests
{
    [Fact]
    public void Scripts_AreNumberedInOrderFromOne()
    {
        var scripts = SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider);

        scripts.Count.ShouldBeGreaterThanOrEqualTo(2);
        scripts[0].Version.ShouldBe(1);
        // Numbers are reserved per branch and land out of order, so gaps are allowed; duplicates are not.
        scripts.Select(s => s.Version).ShouldBe(scripts.Select(s => s.Version).Distinct().Order());
    }

    [Fact]
    public void Scripts_EveryPostgresScriptHasASqliteTwin()
    {
        var sqlite = SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider).Select(s => s.Name).ToHashSet();

        SchemaMigrator.Scripts("Postgres").Select(s => s.Name).ShouldAllBe(n => sqlite.Contains(n));
    }

    [Fact]
    public async Task Open_ByFourProcessesAtOnceOnANewDatabase_AppliesEveryScriptOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var location = TestStore.For(folder);
            var libraries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => LanternLibrary.Open(location, TestLibrary.Options()))));
            try
            {
                var latest = SchemaMigrator.Scripts(location.Provider == DatabaseProvider.Postgres ? SchemaMigrator.PostgresProvider : SchemaMigrator.SqliteProvider).Max(s => s.Version);
                libraries.ShouldAllBe(l => l.SchemaVersion == latest);
                using var connection = libraries[0].OpenConnection();
                connection.Query<(long Version, long Count)>("SELECT version, count(*) FROM schema_version GROUP BY version").ShouldAllBe(v => v.Count == 1);
            }
            finally
            {
                foreach (var library in libraries)
                {
                    library.Dispose();
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestStore.Release(folder);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Migrate_ScriptBelowARecordedHigherVersion_IsStillApplied()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var old = LanternLibrary.Open(TestStore.For(folder), TestLibrary.Options(), 5))
            using (var connection = old.OpenConnection())
            using (var command = connection.CreateCommand())
            {
                // Another branch's later script landed first.
                command.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_other.sql', '2026-01-01')";
                command.ExecuteNonQuery();
            }

            using var upgraded = LanternLibrary.Open(TestStore.For(folder), TestLibrary.Options());
            using var check = upgraded.OpenConnection();
            using var query = check.CreateCommand();
            query.CommandText = "SELECT count(*) FROM schema_version WHERE version = 7";
            Convert.ToInt32(query.ExecuteScalar()).ShouldBe(1);
            upgraded.SchemaVersion.ShouldBe(99);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestStore.Release(folder);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Scripts_EverySqliteScriptHasAPostgresTwin()
    {
        var sqlite = SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider).Select(s => s.Name).ToList();
        var postgres = SchemaMigrator.Scripts(SchemaMigrator.PostgresProvider).Select(s => s.Name).ToList();

        postgres.ShouldBe(sqlite);
    }

    [Fact]
    public async Task Open_ScriptMissingBelowTheHighestRecorded_IsAppliedStill()
    {
        // Branches land out of order: a library may record 9 before a later merge brings 7. (Script 7's tables are
        // dropped, not an earlier script's: later scripts alter earlier tables, so re-running those alone could not work.)
        using var test = new TestLibrary();
        using (var connection = test.Library.OpenConnection())
        {
            connection.Execute("DROP TABLE sensitive_clearances; DROP TABLE sensitive_findings; DELETE FROM schema_version WHERE version = 7;");
        }

        test.Reopen();
        var outcome = await test.Library.IngestAsync("flagged.txt", System.Text.Encoding.UTF8.GetBytes("# Review S-1\n- NHS number 943 476 5919.\n"), new IngestOptions());

        outcome.SensitiveFindings.ShouldBeGreaterThan(0);
        (await test.Library.ListSensitiveAsync(Viewer.LocalOperator)).ShouldHaveSingleItem();
        using var check = test.Library.OpenConnection();
        check.ExecuteScalar<long>("SELECT count(*) FROM schema_version").ShouldBe(SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider).Count);
    }

    [SqliteOnlyFact("writes version-1 rows into SQLite's FTS5 tables")]
    public async Task Upgrade_VersionOneDatabaseWithRows_KeepsEveryRow()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var v1 = LanternLibrary.Open(folder, TestLibrary.Options(), schemaVersion: 1))
            {
                v1.SchemaVersion.ShouldBe(1);
                using var connection = v1.OpenConnection();
                // Rows as a version-1 library wrote them.
                var record = ReviewJson.Serialize(new Review { Index = 0, Span = new SourceSpan(0, 60), Reference = new Evidence<string>("RR 1/22", new SourceSpan(0, 7)) });
                connection.Execute(
                    """
                    INSERT INTO documents (id, sha256, file_name, format, length, visibility, publisher, text, added_at, extractor_version)
                    VALUES (1, 'ab12', 'old.txt', 'txt', 60, 0, 'Old Partnership', 'RR 1/22 A baby with unexplained bruising was seen in hospital.', '2024-01-01T00:00:00Z', '0.0.9');
                    INSERT INTO reviews (id, document_id, ordinal, review_key, reference, type, year, title, body, record_json, extractor_version)
                    VALUES (1, 1, 0, 'RR 1/22', 'RR 1/22', 'rapid-review', 2022, 'RR 1/22', 'A baby with unexplained bruising was seen in hospital.', @record, '0.0.9');
                    INSERT INTO review_labels (review_id, kind, code, score) VALUES (1, 'theme', 'injuries-and-medical-assessment', 0.9);
                    INSERT INTO learning_points (id, review_id, kind, ordinal, text, span_start, span_length) VALUES (1, 1, 'learning', 0, 'Bruising in babies must be referred.', 0, 10);
                    INSERT INTO coding_decisions (document_id, review_key, theme_code, verdict, coder, at) VALUES (1, 'RR 1/22', 'supervision-and-support', 'add', 'sam', '2025-01-01T00:00:00Z');
                    INSERT INTO reviews_fts (rowid, title, reference, summary, body) SELECT id, title, reference, summary, body FROM reviews;
                    INSERT INTO learning_fts (rowid, text) SELECT id, text FROM learning_points;
                    """,
                    new { record });
            }

            using var upgraded = LanternLibrary.Open(folder, TestLibrary.Options());

            upgraded.SchemaVersion.ShouldBe(SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider).Max(s => s.Version));
            var overview = await upgraded.GetOverviewAsync(Viewer.LocalOperator);
            overview.DocumentCount.ShouldBe(1);
            overview.ReviewCount.ShouldBe(1);
            overview.LearningPointCount.ShouldBe(1);
            (await upgraded.FindReviewAsync("RR 1/22", Viewer.LocalOperator))!.Summary.Themes.ShouldBe(["injuries-and-medical-assessment", "supervision-and-support"]);
            (await upgraded.SearchAsync(new SearchRequest { Query = "bruising" }, Viewer.Anonymous)).Total.ShouldBe(1);
            (await upgraded.SearchAsync(new SearchRequest { Query = "bruising", Scope = SearchScope.LearningPoints }, Viewer.Anonymous)).Total.ShouldBe(1);
            (await upgraded.IngestAsync("north.txt", Encoding.UTF8.GetBytes(Some.NorthBulletin), new IngestOptions())).Status.ShouldBe(IngestStatus.Added);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Open_Twice_AppliesEachScriptOnce()
    {
        using var test = new TestLibrary();
        test.Reopen();

        using var connection = test.Library.OpenConnection();
        connection.ExecuteScalar<long>("SELECT count(*) FROM schema_version").ShouldBe(SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider).Count);
    }
}
