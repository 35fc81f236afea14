using System.Text;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Tests.Shared.Database;

namespace Lantern.Storage.Tests.Support;

/// <summary>A library in a fresh temporary data folder (and, under LANTERN_TEST_PG, a fresh PostgreSQL database), read with <see cref="KeyedTextPipeline"/>; deleted on dispose.</summary>
public sealed class TestLibrary : IDisposable
{
    public TestLibrary(string pipelineVersion = "test-1")
    {
        Folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
        Library = LanternLibrary.Open(Location, Options(pipelineVersion));
    }

    public string Folder { get; }

    /// <summary>Where the library lives: the folder, or the test's PostgreSQL database.</summary>
    public LibraryLocation Location => TestStore.For(Folder);

    public LanternLibrary Library { get; private set; }

    public static LanternLibraryOptions Options(string pipelineVersion = "test-1") =>
        new() { Pipeline = KeyedTextPipeline.Build(pipelineVersion), Clock = new StepClock() };

    public Task<IngestOutcome> AddAsync(string fileName, string text, Visibility visibility = Visibility.Public) =>
        Library.IngestAsync(fileName, Encoding.UTF8.GetBytes(text), new IngestOptions { Visibility = visibility });

    /// <summary>Closes and reopens the library (as a new process would).</summary>
    public void Reopen(LanternLibraryOptions? options = null)
    {
        Library.Dispose();
        Library = LanternLibrary.Open(Location, options ?? Options());
    }

    /// <summary>Whether the original bytes with this SHA-256 are stored (a file on SQLite, a row on PostgreSQL).</summary>
    public bool HasOriginal(string sha256)
    {
        if (Location.Provider == DatabaseProvider.Sqlite)
        {
            return File.Exists(Path.Combine(Folder, LanternLibrary.OriginalsFolderName, sha256[..2], sha256));
        }

        using var connection = Library.OpenConnection();
        return Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT count(*) FROM originals WHERE sha256 = @sha256", new { sha256 }) == 1;
    }

    /// <summary>Changes the stored bytes of the only original, as damage on disk would.</summary>
    public async Task TamperOnlyOriginalAsync()
    {
        if (Location.Provider == DatabaseProvider.Sqlite)
        {
            var blob = Directory.GetFiles(Path.Combine(Folder, LanternLibrary.OriginalsFolderName), "*", SearchOption.AllDirectories).Single();
            await File.AppendAllTextAsync(blob, "tampered");
            return;
        }

        using var connection = Library.OpenConnection();
        Dapper.SqlMapper.Execute(connection, "UPDATE originals SET bytes = bytes || decode('00', 'hex')").ShouldBe(1);
    }

    /// <summary>Removes the only stored original.</summary>
    public void DeleteOnlyOriginal()
    {
        if (Location.Provider == DatabaseProvider.Sqlite)
        {
            File.Delete(Directory.GetFiles(Path.Combine(Folder, LanternLibrary.OriginalsFolderName), "*", SearchOption.AllDirectories).Single());
            return;
        }

        using var connection = Library.OpenConnection();
        Dapper.SqlMapper.Execute(connection, "DELETE FROM originals").ShouldBe(1);
    }

    public void Dispose()
    {
        Library.Dispose();
        TestStore.Release(Folder);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>A clock that moves one minute on each reading, so "newest" order is deterministic.</summary>
public sealed class StepClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            _now = _now.AddMinutes(1);
            return _now;
        }
    }
}
