using System.Collections.Concurrent;
using Lantern.Storage.Library;
using Npgsql;

namespace Lantern.Tests.Shared.Database;

/// <summary>
/// Where test libraries live. With <c>LANTERN_TEST_PG</c> set to a connection string for a PostgreSQL server (for
/// example <c>Host=127.0.0.1;Port=5432;Username=postgres</c>), every test library gets a fresh database
/// <c>lantern_t_&lt;guid&gt;</c>, dropped when the test releases it; otherwise it is SQLite in the test's data folder.
/// The same tests therefore run on both providers.
/// </summary>
public static class TestStore
{
    public const string PostgresVariable = "LANTERN_TEST_PG";

    private static readonly ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);

    static TestStore() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var folder in Databases.Keys)
        {
            Release(folder);
        }
    };

    /// <summary>The PostgreSQL server's connection string, or null when tests run on SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool UsesPostgres => PostgresServer is not null;

    public static DatabaseProvider Provider => UsesPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The location of the test library whose data folder is <paramref name="dataFolder"/> (its database is made on first use).</summary>
    public static LibraryLocation For(string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        if (PostgresServer is not { } server)
        {
            return new LibraryLocation(folder);
        }

        var connectionString = Databases.GetOrAdd(folder, _ => CreateDatabase(server));
        return new LibraryLocation(folder, connectionString);
    }

    /// <summary>The connection string of the test database of <paramref name="dataFolder"/>, or null on SQLite.</summary>
    public static string? ConnectionStringFor(string dataFolder) => For(dataFolder).PostgresConnectionString;

    /// <summary>Drops the database of <paramref name="dataFolder"/>, if it has one.</summary>
    public static void Release(string dataFolder)
    {
        if (!Databases.TryRemove(Path.GetFullPath(dataFolder), out var connectionString) || PostgresServer is not { } server)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var own = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        try
        {
            Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // A database left behind is harmless; its name says it is a test's.
        }
    }

    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public static string CreateDatabase(string server)
    {
        var name = "lantern_t_" + Guid.NewGuid().ToString("N");
        // Byte-order collation, as SQLite compares text, so orderings agree on both providers.
        Execute(server, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static void Execute(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        using var connection = new NpgsqlConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names are generated here, not input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact about the SQLite store only (its files, FTS5 tables or pragmas); skipped with a reason on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string why)
    {
        if (TestStore.UsesPostgres)
        {
            Skip = $"SQLite only: {why}";
        }
    }
}

/// <summary>
/// A fact about the PostgreSQL store; needs <c>LANTERN_TEST_PG</c>. Skipped with a reason when it is not set, unless
/// <c>LANTERN_REQUIRE_TOOLS=1</c>, where the test runs and fails. Keep such tests in a namespace ending in
/// <c>.Postgres</c> so a SQLite-only run can leave them out by name.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestStore.UsesPostgres && !ExternalTool.Required)
        {
            Skip = $"needs a PostgreSQL server: set {TestStore.PostgresVariable} (set {ExternalTool.RequireVariable}=1 to make this a failure)";
        }
    }

    /// <summary>The server to test against; fails the test when none is configured.</summary>
    public static string Server => TestStore.PostgresServer
        ?? throw new InvalidOperationException($"{TestStore.PostgresVariable} is not set: this test needs a PostgreSQL server");
}
