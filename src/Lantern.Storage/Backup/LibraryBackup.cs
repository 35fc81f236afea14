using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Storage.Library;
using Microsoft.Data.Sqlite;

namespace Lantern.Storage.Backup;

/// <summary>
/// How a backup holds the database. SQLite: an online-backup copy of <c>lantern.db</c> taken while the library stays
/// usable. The PostgreSQL provider plugs in here with <c>pg_dump</c>/<c>pg_restore</c> (entry <c>database.dump</c>);
/// the zip layout, the originals and the manifest stay the same.
/// </summary>
public interface IDatabaseSnapshot
{
    /// <summary>The zip entry name the database goes under.</summary>
    string EntryName { get; }

    /// <summary>Writes a consistent copy of the database to <paramref name="path"/>.</summary>
    Task SnapshotAsync(string path, CancellationToken cancellationToken);

    /// <summary>Checks a restored copy (in <paramref name="dataFolder"/>) before it is put in place; null when sound, else why not.</summary>
    string? Verify(string dataFolder);
}

/// <summary>The SQLite snapshot: <c>SqliteConnection.BackupDatabase</c> (one step, under a read lock, so consistent).</summary>
public sealed class SqliteSnapshot(LanternLibrary library) : IDatabaseSnapshot
{
    public string EntryName => LanternLibrary.DatabaseFileName;

    public Task SnapshotAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var source = (SqliteConnection)library.OpenConnection();
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            target.Open();
            source.BackupDatabase(target);
            using var command = target.CreateCommand();
            // A single self-contained file: no -wal beside it in the zip.
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public string? Verify(string dataFolder) => VerifySqlite(Path.Combine(dataFolder, LanternLibrary.DatabaseFileName));

    internal static string? VerifySqlite(string path)
    {
        if (!File.Exists(path))
        {
            return "the backup holds no database";
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var result = command.ExecuteScalar() as string;
            return result == "ok" ? null : $"the database in the backup is damaged ({result})";
        }
        catch (SqliteException e)
        {
            return $"the database in the backup cannot be opened ({e.Message})";
        }
    }
}

/// <summary>What a backup wrote.</summary>
public sealed record BackupSummary(string Path, int Files, long Bytes);

/// <summary>What a restore did: the files put in place, and where the previous data folder was moved (if there was one).</summary>
public sealed record RestoreSummary(int Files, string? PreviousFolder);

/// <summary>A backup cannot be used or a restore cannot go ahead; the message says why in plain words.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backups of a data folder as one zip: the database snapshot, every other file of the folder (the stored originals
/// under <c>originals/</c>, a saved codebook) and <c>manifest.json</c> with the SHA-256 and length of every entry.
/// A restore checks the whole manifest before touching anything, unpacks beside the target, checks the database, and
/// only then swaps folders (the old one is moved aside, never deleted), so a library is never left half-restored.
/// </summary>
public static class LibraryBackup
{
    public const string ManifestEntry = "manifest.json";
    public const string Format = "lantern-backup/1";

    /// <summary>Writes a backup of <paramref name="library"/> to <paramref name="zipPath"/> (replaced only once complete).</summary>
    public static async Task<BackupSummary> CreateAsync(LanternLibrary library, IDatabaseSnapshot snapshot, string zipPath, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentException.ThrowIfNullOrWhiteSpace(zipPath);
        var output = Path.GetFullPath(zipPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var temp = output + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var snapshotPath = Path.Combine(Path.GetTempPath(), $"lantern-snapshot-{Guid.NewGuid():N}.db");
        try
        {
            await snapshot.SnapshotAsync(snapshotPath, cancellationToken).ConfigureAwait(false);
            var manifest = new List<ManifestFile>();
            long bytes = 0;
            await using (var stream = new FileStream(temp, FileMode.CreateNew))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                manifest.Add(await AddAsync(zip, snapshot.EntryName, snapshotPath, cancellationToken).ConfigureAwait(false));
                foreach (var file in DataFiles(library.DataFolder, output))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var name = Path.GetRelativePath(library.DataFolder, file).Replace('\\', '/');
                    manifest.Add(await AddAsync(zip, name, file, cancellationToken).ConfigureAwait(false));
                }

                var body = new Manifest(Format, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), library.SchemaVersion, snapshot.EntryName, manifest);
                await using var entry = await zip.CreateEntry(ManifestEntry).OpenAsync(cancellationToken).ConfigureAwait(false);
                await JsonSerializer.SerializeAsync(entry, body, ManifestJson, cancellationToken).ConfigureAwait(false);
                bytes = manifest.Sum(m => m.Length);
            }

            File.Move(temp, output, overwrite: true);
            return new BackupSummary(output, manifest.Count, bytes);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(snapshotPath);
        }
    }

    /// <summary>
    /// Restores a backup into <paramref name="dataFolder"/>. Nothing in the target changes unless every entry matches
    /// the manifest and the database checks out.
    /// </summary>
    /// <exception cref="BackupException">The zip is damaged or incomplete, or the target holds a library and <paramref name="force"/> is false.</exception>
    public static Task<RestoreSummary> RestoreAsync(string zipPath, string dataFolder, bool force, TimeProvider clock, CancellationToken cancellationToken = default) =>
        RestoreAsync(zipPath, new LibraryLocation(dataFolder), force, clock, cancellationToken);

    /// <summary>
    /// Restores a backup into <paramref name="location"/>. On PostgreSQL the dump is restored with
    /// <c>pg_restore --clean --if-exists --no-owner</c> in one transaction into the location's database (which must
    /// exist), after the whole manifest is checked; the data folder's other files are then put in place as on SQLite.
    /// </summary>
    /// <exception cref="BackupException">The zip is damaged or incomplete, is of the other provider, pg_restore is missing or fails, or the target holds a library and <paramref name="force"/> is false.</exception>
    public static async Task<RestoreSummary> RestoreAsync(string zipPath, LibraryLocation location, bool force, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var dataFolder = location.DataFolder;
        var postgres = location.PostgresConnectionString is { Length: > 0 } db ? db : null;
        ArgumentException.ThrowIfNullOrWhiteSpace(zipPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentNullException.ThrowIfNull(clock);
        var target = Path.GetFullPath(dataFolder).TrimEnd(Path.DirectorySeparatorChar);
        if (!File.Exists(zipPath))
        {
            throw new BackupException($"{zipPath}: no such file");
        }

        var nonEmpty = Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        if (nonEmpty && !force)
        {
            throw new BackupException($"{target} is not empty; pass --force to move it aside and restore over it");
        }

        if (postgres is not null && !force && await HoldsLibraryAsync(postgres, cancellationToken).ConfigureAwait(false))
        {
            throw new BackupException($"the PostgreSQL database {Describe(postgres)} already holds a library; pass --force to replace its contents");
        }

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.restore-{Guid.NewGuid():N}");
        try
        {
            int files;
            try
            {
                files = await UnpackVerifiedAsync(zipPath, staging, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new BackupException($"{zipPath}: not a readable zip ({e.Message})");
            }

            if (postgres is null)
            {
                if (File.Exists(Path.Combine(staging, PostgresSnapshot.DumpEntry)))
                {
                    throw new BackupException($"{zipPath}: this is a backup of a PostgreSQL library ({PostgresSnapshot.DumpEntry}); restore it with --db naming a PostgreSQL database");
                }

                if (SqliteSnapshot.VerifySqlite(Path.Combine(staging, LanternLibrary.DatabaseFileName)) is { } problem)
                {
                    throw new BackupException($"{zipPath}: {problem}");
                }
            }
            else
            {
                var dump = Path.Combine(staging, PostgresSnapshot.DumpEntry);
                if (!File.Exists(dump) && File.Exists(Path.Combine(staging, LanternLibrary.DatabaseFileName)))
                {
                    throw new BackupException($"{zipPath}: this is a backup of a SQLite library ({LanternLibrary.DatabaseFileName}); restore it without --db");
                }

                if (PostgresSnapshot.VerifyDump(dump) is { } problem)
                {
                    throw new BackupException($"{zipPath}: {problem}");
                }

                // One transaction: a failed restore leaves the database as it was.
                await PostgresSnapshot.RestoreAsync(dump, postgres, cancellationToken).ConfigureAwait(false);
                File.Delete(dump);
            }

            string? aside = null;
            if (Directory.Exists(target))
            {
                if (nonEmpty)
                {
                    aside = $"{target}.before-restore-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
                    Directory.Move(target, aside);
                }
                else
                {
                    Directory.Delete(target);
                }
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (aside is not null)
            {
                Directory.Move(aside, target);
                throw;
            }

            return new RestoreSummary(files, aside);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<bool> HoldsLibraryAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            return await PostgresSnapshot.HoldsLibraryAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new BackupException($"the PostgreSQL database {Describe(connectionString)} cannot be reached ({e.Message}); create it first");
        }
    }

    private static string Describe(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Database} on {builder.Host}:{builder.Port}";
    }

    private static async Task<int> UnpackVerifiedAsync(string zipPath, string staging, CancellationToken cancellationToken)
    {
        using var zip = await ZipFile.OpenReadAsync(zipPath, cancellationToken).ConfigureAwait(false);
        var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new BackupException($"{zipPath}: no {ManifestEntry}; not a Lantern backup");
        Manifest manifest;
        try
        {
            await using var stream = await manifestEntry.OpenAsync(cancellationToken).ConfigureAwait(false);
            manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream, ManifestJson, cancellationToken).ConfigureAwait(false)
                ?? throw new BackupException($"{zipPath}: {ManifestEntry} is empty");
        }
        catch (JsonException e)
        {
            throw new BackupException($"{zipPath}: {ManifestEntry} cannot be read ({e.Message})");
        }

        if (manifest.Format != Format)
        {
            throw new BackupException($"{zipPath}: {ManifestEntry} field format is '{manifest.Format}'; expected '{Format}'");
        }

        var listed = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var extra = zip.Entries.Where(e => e.FullName != ManifestEntry && !listed.ContainsKey(e.FullName)).Select(e => e.FullName).FirstOrDefault();
        if (extra is not null)
        {
            throw new BackupException($"{zipPath}: entry {extra} is not in the manifest");
        }

        Directory.CreateDirectory(staging);
        foreach (var file in manifest.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var destination = Path.GetFullPath(Path.Combine(staging, file.Path));
            if (!destination.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new BackupException($"{zipPath}: manifest path {file.Path} leaves the data folder");
            }

            var entry = zip.GetEntry(file.Path) ?? throw new BackupException($"{zipPath}: {file.Path} is in the manifest but missing from the zip");
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            string sha;
            long length;
            await using (var input = await entry.OpenAsync(cancellationToken).ConfigureAwait(false))
            await using (var output = new FileStream(destination, FileMode.CreateNew))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                length = 0;
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    length += read;
                }

                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (sha != file.Sha256 || length != file.Length)
            {
                throw new BackupException($"{zipPath}: {file.Path} does not match the manifest (damaged backup)");
            }
        }

        return manifest.Files.Count;
    }

    private static IEnumerable<string> DataFiles(string dataFolder, string output) =>
        Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not (LanternLibrary.DatabaseFileName or LanternLibrary.DatabaseFileName + "-wal" or LanternLibrary.DatabaseFileName + "-shm"))
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal) && !string.Equals(Path.GetFullPath(f), output, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static async Task<ManifestFile> AddAsync(ZipArchive zip, string name, string path, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var input = File.OpenRead(path);
        await using var output = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            length += read;
        }

        return new ManifestFile(name, Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Manifest(string Format, string CreatedAt, int SchemaVersion, string Database, IReadOnlyList<ManifestFile> Files);

    private sealed record ManifestFile(string Path, string Sha256, long Length);
}
