using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Migrations;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Migrations;

public class SchemaMigrationTests
{
    [Fact]
    public void Scripts_AreNumberedInOrderFromOne()
    {
        var scripts = SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider);

        scripts.Count.ShouldBeGreaterThanOrEqualTo(2);
        scripts.Select(s => s.Version).ShouldBe(Enumerable.Range(1, scripts.Count));
    }

    [Fact]
    public async Task Upgrade_VersionOneDatabaseWithRows_KeepsEveryRow()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var v1 = LanternLibrary.Open(folder, TestLibrary.Options(), schemaVersion: 1))
            {
                v1.SchemaVersion.ShouldBe(1);
                (await v1.IngestAsync("north.txt", Encoding.UTF8.GetBytes(Some.NorthBulletin), new IngestOptions())).Status.ShouldBe(IngestStatus.Added);
                using var connection = v1.OpenConnection();
                connection.Execute(
                    "INSERT INTO coding_decisions (document_id, review_key, theme_code, verdict, coder, at) SELECT document_id, review_key, 'supervision-and-support', 'add', 'sam', '2025-01-01T00:00:00Z' FROM reviews WHERE ordinal = 0");
            }

            using var upgraded = LanternLibrary.Open(folder, TestLibrary.Options());

            upgraded.SchemaVersion.ShouldBe(SchemaMigrator.Scripts(SchemaMigrator.SqliteProvider).Max(s => s.Version));
            var overview = await upgraded.GetOverviewAsync(Viewer.LocalOperator);
            overview.DocumentCount.ShouldBe(1);
            overview.ReviewCount.ShouldBe(2);
            (await upgraded.FindReviewAsync("RR 1/22", Viewer.LocalOperator))!.Summary.Themes.ShouldContain("supervision-and-support");
            (await upgraded.SearchAsync(new SearchRequest { Query = "bruising" }, Viewer.Anonymous)).Total.ShouldBe(1);
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
