using System.Text;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Tests.Support;
using Lantern.Tests.Shared.Database;
using Npgsql;

namespace Lantern.Storage.Tests.Postgres;

public sealed class PostgresStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
    private string? _database;

    [PostgresFact]
    public async Task Open_WithConnectionString_KeepsDocumentsAndOriginalsInTheDatabase()
    {
        _database = TestStore.CreateDatabase(PostgresFactAttribute.Server);
        var withPassword = new NpgsqlConnectionStringBuilder(_database) { Password = "not-shown" }.ToString();

        using (var library = LanternLibrary.Open(new LibraryLocation(_folder, withPassword), TestLibrary.Options()))
        {
            library.Database.Provider.ShouldBe(DatabaseProvider.Postgres);
            library.Database.ConnectionString.ShouldNotContain("not-shown");
            (await library.IngestAsync("north.txt", Encoding.UTF8.GetBytes(Some.NorthBulletin), new IngestOptions())).Status.ShouldBe(IngestStatus.Added);
        }

        // Nothing in the data folder: another host with the same connection string sees the same library.
        File.Exists(Path.Combine(_folder, LanternLibrary.DatabaseFileName)).ShouldBeFalse();
        Directory.Exists(Path.Combine(_folder, LanternLibrary.OriginalsFolderName)).ShouldBeFalse();
        var otherFolder = _folder + "-other";
        LanternLibrary.Exists(new LibraryLocation(otherFolder, _database)).ShouldBeTrue();
        using var other = LanternLibrary.Open(new LibraryLocation(otherFolder, _database), TestLibrary.Options());
        var hits = await other.SearchAsync(new SearchRequest { Query = "\"Child H\" OR neglect*" }, Viewer.Anonymous);
        hits.Total.ShouldBeGreaterThan(0);
        var document = (await other.ListDocumentsAsync(Viewer.Anonymous)).Single();
        (await other.GetOriginalAsync(document.Id, Viewer.Anonymous))!.Bytes.ShouldBe(Encoding.UTF8.GetBytes(Some.NorthBulletin));
        Directory.Delete(otherFolder, recursive: true);
    }

    [PostgresFact]
    public async Task Search_QuotesAndTsquerySyntaxTyped_AreOrdinaryWords()
    {
        _database = TestStore.CreateDatabase(PostgresFactAttribute.Server);
        using var library = LanternLibrary.Open(new LibraryLocation(_folder, _database), TestLibrary.Options());
        await library.IngestAsync("north.txt", Encoding.UTF8.GetBytes(Some.NorthBulletin), new IngestOptions());

        // Were the quote and bar read as tsquery syntax, this would be neglect OR zebrafinch and find the review.
        (await library.SearchAsync(new SearchRequest { Query = "neglect'|'zebrafinch" }, Viewer.Anonymous)).Total.ShouldBe(0);
        foreach (var query in new[] { "a:* & !b", "o'brien", "\\'", "<-> neglect", "neglect:*B" })
        {
            await Should.NotThrowAsync(() => library.SearchAsync(new SearchRequest { Query = query }, Viewer.Anonymous), query);
        }
    }

    public void Dispose()
    {
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresFactAttribute.Server) { Database = "postgres", Pooling = false }.ToString());
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_database).Database}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
