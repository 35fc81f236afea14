using System.Data.Common;
using Lantern.Core.Coding;
using Lantern.Core.Loading;
using Lantern.Core.Pipeline;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Migrations;
using Lantern.Storage.Originals;
using Lantern.Storage.Providers;

namespace Lantern.Storage.Library;

/// <summary>
/// The review library: SQLite in a data folder (<c>lantern.db</c>, WAL, foreign keys on, and <c>originals/</c> with the
/// content-addressed original bytes), or a PostgreSQL database that holds everything, originals included. Thread-safe:
/// each operation opens its own pooled connection; writes are serialised within the process and wait for other
/// processes (SQLite busy timeout 30 s).
/// </summary>
public sealed partial class LanternLibrary : IReviewLibrary, IDisposable
{
    public const string DatabaseFileName = "lantern.db";
    public const string OriginalsFolderName = "originals";

    // The default pipeline is immutable and thread-safe, and building it compiles many patterns: build it once per process.
    private static readonly Lazy<ReviewPipeline> DefaultPipeline = new(() => new ReviewPipelineBuilder().UseDefaults().Build());

    private readonly SqlDialect _dialect;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly ReviewPipeline _pipeline;
    private readonly DocumentLoader _loader;
    private readonly string? _codebookVersion;
    private readonly OriginalStore _originals;
    private readonly Codebook _codebook;
    private readonly TimeSpan _readCacheLifetime;

    private LanternLibrary(LibraryLocation location, LanternLibraryOptions options)
    {
        DataFolder = location.DataFolder;
        Location = location;
        _clock = options.Clock;
        _pipeline = options.Pipeline ?? DefaultPipeline.Value;
        _loader = options.Loader ?? new DocumentLoader();
        _codebook = options.Codebook ?? Codebook.BuiltIn;
        _codebookVersion = options.CodebookVersion ?? _codebook.Version;
        _readCacheLifetime = options.ReadCacheLifetime;
        if (!options.SplitReads)
        {
            SplitMinimumReviews = int.MaxValue;
        }
        if (location.Provider == DatabaseProvider.Postgres)
        {
            _dialect = new PostgresDialect(location.PostgresConnectionString!);
            _originals = new DatabaseOriginalStore(OpenConnection);
        }
        else
        {
            _dialect = new SqliteDialect(Path.Combine(DataFolder, DatabaseFileName));
            _originals = new FileOriginalStore(Path.Combine(DataFolder, OriginalsFolderName));
        }

        Database = new LibraryDatabase(_dialect.Provider, _dialect.DisplayConnectionString);
    }

    /// <summary>Where the library lives, for companions that open the same database (the accounts).</summary>
    public LibraryLocation Location { get; }

    /// <summary>The data folder (absolute).</summary>
    public string DataFolder { get; }

    /// <summary>The database the library is stored in (the connection string without any password).</summary>
    public LibraryDatabase Database { get; }

    /// <summary>The schema version the database is at.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>
    /// Test hook: called at named points of a write ("document-saved", "reviews-saved", "before-commit") inside the
    /// transaction; throwing from it simulates a crash there.
    /// </summary>
    internal Action<string>? FaultInjection { get; set; }

    /// <summary>
    /// Opens (creating if needed) the SQLite library in <paramref name="dataFolder"/> and brings its schema up to date.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    /// <exception cref="DbException">The database file is not a database or cannot be upgraded.</exception>
    public static LanternLibrary Open(string dataFolder, LanternLibraryOptions? options = null) =>
        Open(new LibraryLocation(dataFolder), options ?? new LanternLibraryOptions(), int.MaxValue);

    /// <summary>
    /// Opens the library at <paramref name="location"/> (SQLite in its data folder, or its PostgreSQL database, which
    /// must exist) and brings its schema up to date. The CLI, the web app and the benchmark all open the library this way.
    /// </summary>
    /// <exception cref="IOException">The data folder cannot be created.</exception>
    /// <exception cref="DbException">The database cannot be reached, is not a database, or cannot be upgraded.</exception>
    public static LanternLibrary Open(LibraryLocation location, LanternLibraryOptions? options = null) =>
        Open(location, options ?? new LanternLibraryOptions(), int.MaxValue);

    /// <summary>
    /// Whether a library already exists at <paramref name="location"/>: the SQLite file in the data folder, or the schema
    /// in the PostgreSQL database. Creates nothing.
    /// </summary>
    /// <exception cref="DbException">The PostgreSQL server cannot be reached.</exception>
    public static bool Exists(LibraryLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            return File.Exists(Path.Combine(Path.GetFullPath(location.DataFolder), DatabaseFileName));
        }

        using var connection = new PostgresDialect(location.PostgresConnectionString!).CreateConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL";
        return command.ExecuteScalar() is true;
    }

    /// <summary>Opens the SQLite library at a given schema version (for upgrade tests).</summary>
    internal static LanternLibrary Open(string dataFolder, LanternLibraryOptions options, int schemaVersion) =>
        Open(new LibraryLocation(dataFolder), options, schemaVersion);

    /// <summary>Opens the library at a given schema version (for upgrade tests).</summary>
    internal static LanternLibrary Open(LibraryLocation location, LanternLibraryOptions options, int schemaVersion)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrWhiteSpace(location.DataFolder);
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.GetFullPath(location.DataFolder);
        Directory.CreateDirectory(folder);
        var library = new LanternLibrary(location with { DataFolder = folder }, options);
        using var connection = library._dialect.CreateConnection();
        connection.Open();
        library._dialect.Prepare(connection);
        library.SchemaVersion = SchemaMigrator.Migrate(connection, library._dialect.MigrationFolder, options.Clock, schemaVersion);
        return library;
    }

    /// <summary>Applies any newer schema scripts (for upgrade tests and long-running hosts).</summary>
    internal void Upgrade()
    {
        using var connection = OpenConnection();
        SchemaVersion = SchemaMigrator.Migrate(connection, _dialect.MigrationFolder, _clock);
    }

    internal DbConnection OpenConnection()
    {
        var connection = _dialect.CreateConnection();
        connection.Open();
        _dialect.Configure(connection);
        return connection;
    }

    internal async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = _dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        _dialect.Configure(connection);
        return connection;
    }

    /// <summary>Releases pooled connections so the data folder can be moved or deleted (or the database dropped).</summary>
    public void Dispose()
    {
        _dialect.ClearPool();
        _writeLock.Dispose();
        _facetIndexLock.Dispose();
    }

    private static async Task CommitAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
}
