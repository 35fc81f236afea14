using System.Data.Common;
using Lantern.Core.Coding;
using Lantern.Core.Loading;
using Lantern.Core.Pipeline;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Migrations;
using Lantern.Storage.Originals;
using Microsoft.Data.Sqlite;

namespace Lantern.Storage.Library;

/// <summary>
/// The review library on SQLite in a data folder: <c>lantern.db</c> (WAL, foreign keys on) and
/// <c>originals/</c> (content-addressed original bytes). Thread-safe: each operation opens its own pooled
/// connection; writes are serialised within the process and wait for other processes (busy timeout 30 s).
/// </summary>
public sealed partial class LanternLibrary : IReviewLibrary, IDisposable
{
    public const string DatabaseFileName = "lantern.db";
    public const string OriginalsFolderName = "originals";

    // The default pipeline is immutable and thread-safe, and building it compiles many patterns: build it once per process.
    private static readonly Lazy<ReviewPipeline> DefaultPipeline = new(() => new ReviewPipelineBuilder().UseDefaults().Build());

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly ReviewPipeline _pipeline;
    private readonly DocumentLoader _loader;
    private readonly string? _codebookVersion;
    private readonly OriginalStore _originals;
    private readonly Codebook _codebook;
    private readonly TimeSpan _readCacheLifetime;

    private LanternLibrary(string dataFolder, LanternLibraryOptions options)
    {
        DataFolder = dataFolder;
        _clock = options.Clock;
        _pipeline = options.Pipeline ?? DefaultPipeline.Value;
        _loader = options.Loader ?? new DocumentLoader();
        _codebook = options.Codebook ?? Codebook.BuiltIn;
        _codebookVersion = options.CodebookVersion ?? _codebook.Version;
        _readCacheLifetime = options.ReadCacheLifetime;
        _originals = new OriginalStore(Path.Combine(dataFolder, OriginalsFolderName));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The data folder (absolute).</summary>
    public string DataFolder { get; }

    /// <summary>The schema version the database is at.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>
    /// Test hook: called at named points of a write ("document-saved", "reviews-saved", "before-commit") inside the
    /// transaction; throwing from it simulates a crash there.
    /// </summary>
    internal Action<string>? FaultInjection { get; set; }

    /// <summary>
    /// Opens (creating if needed) the library in <paramref name="dataFolder"/> and brings its schema up to date.
    /// The CLI, the web app and the benchmark all open the library this way.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    /// <exception cref="SqliteException">The database file is not a database or cannot be upgraded.</exception>
    public static LanternLibrary Open(string dataFolder, LanternLibraryOptions? options = null) =>
        Open(dataFolder, options ?? new LanternLibraryOptions(), int.MaxValue);

    /// <summary>Opens the library at a given schema version (for upgrade tests).</summary>
    internal static LanternLibrary Open(string dataFolder, LanternLibraryOptions options, int schemaVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        var library = new LanternLibrary(folder, options);
        using var connection = library.OpenConnection();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            wal.ExecuteNonQuery();
        }

        library.SchemaVersion = SchemaMigrator.Migrate(connection, SchemaMigrator.SqliteProvider, options.Clock, schemaVersion);
        return library;
    }

    /// <summary>Applies any newer schema scripts (for upgrade tests and long-running hosts).</summary>
    internal void Upgrade()
    {
        using var connection = OpenConnection();
        SchemaVersion = SchemaMigrator.Migrate(connection, SchemaMigrator.SqliteProvider, _clock);
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Configure(connection);
        return connection;
    }

    // Per-connection settings. In WAL mode, synchronous=NORMAL is durable across application crashes and only a power
    // loss may roll back the last commits; without it every commit waits for the disk.
    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>Releases pooled connections so the data folder can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeLock.Dispose();
        _facetIndexLock.Dispose();
    }

    private static async Task CommitAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
}
