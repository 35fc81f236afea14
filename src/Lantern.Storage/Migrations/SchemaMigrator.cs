using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Lantern.Storage.Migrations;

/// <summary>One ordered schema script: its version (the number its file name starts with) and its SQL.</summary>
internal sealed record SchemaScript(int Version, string Name, string Sql);

/// <summary>
/// Brings a database up to the newest schema by running the embedded scripts of one provider
/// (<c>Migrations/&lt;Provider&gt;/NNNN_name.sql</c>) not yet recorded in its <c>schema_version</c>, in number order, each in
/// its own transaction, so an existing library is upgraded in place without losing anything. A script is applied even
/// when a higher number is already recorded (features land out of order).
/// </summary>
internal static partial class SchemaMigrator
{
    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";

    /// <summary>The embedded scripts of a provider, in version order.</summary>
    public static IReadOnlyList<SchemaScript> Scripts(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            // Resource names of files beginning with a digit are prefixed with '_' by MSBuild.
            var digits = new string(name.TrimStart('_').TakeWhile(char.IsAsciiDigit).ToArray());
            if (digits.Length == 0)
            {
                continue;
            }

            scripts.Add(new SchemaScript(int.Parse(digits, CultureInfo.InvariantCulture), name, Read(assembly, resource)));
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    /// <summary>The schema version the database is at (0 for a new, empty database).</summary>
    public static int CurrentVersion(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The versions recorded in <c>schema_version</c>.</summary>
    public static IReadOnlySet<int> AppliedVersions(DbConnection connection)
    {
        CurrentVersion(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    /// <summary>Applies every script not yet recorded, in number order, up to <paramref name="upTo"/> (default: all).</summary>
    /// <returns>The highest version the database is at afterwards.</returns>
    public static int Migrate(DbConnection connection, string provider, TimeProvider clock, int upTo = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        // Two processes may start on the same database at once (the web app and a CLI import). On PostgreSQL a session
        // advisory lock makes the second wait until the first has finished; on SQLite each script's transaction takes
        // the write lock at BEGIN (IMMEDIATE), and the version is checked again inside it.
        var postgres = provider == PostgresProvider;
        if (postgres)
        {
            Execute(connection, null, $"SELECT pg_advisory_lock({PostgresMigrationLock})");
        }

        try
        {
            var applied = AppliedVersions(connection);
            foreach (var script in Scripts(provider).Where(s => !applied.Contains(s.Version) && s.Version <= upTo))
            {
                using var transaction = connection.BeginTransaction();
                if (IsRecorded(connection, transaction, script.Version))
                {
                    continue; // another process applied it meanwhile
                }

                Execute(connection, transaction, provider == SqliteProvider ? WithoutExistingColumns(connection, transaction, script.Sql) : script.Sql);
                using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)";
                    AddParameter(record, "version", script.Version);
                    AddParameter(record, "name", script.Name);
                    AddParameter(record, "at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                    record.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            return CurrentVersion(connection);
        }
        finally
        {
            if (postgres)
            {
                Execute(connection, null, $"SELECT pg_advisory_unlock({PostgresMigrationLock})");
            }
        }
    }

    /// <summary>The advisory lock key Lantern's migrations hold on PostgreSQL (any fixed number unique to Lantern).</summary>
    private const long PostgresMigrationLock = 0x4C414E5445524E; // "LANTERN"

    private static bool IsRecorded(DbConnection connection, DbTransaction transaction, int version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM schema_version WHERE version = @version";
        AddParameter(command, "version", version);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// SQLite has no <c>ADD COLUMN IF NOT EXISTS</c>: drops each <c>ALTER TABLE t ADD COLUMN c ...;</c> whose column the
    /// table already has, so a script can add a column that a lower-numbered script applied later (out of order) made.
    /// </summary>
    private static string WithoutExistingColumns(DbConnection connection, DbTransaction transaction, string sql) =>
        AddColumn().Replace(sql, match =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT count(*) FROM pragma_table_info(@table) WHERE name = @column COLLATE NOCASE";
            AddParameter(command, "table", match.Groups["table"].Value);
            AddParameter(command, "column", match.Groups["column"].Value);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0 ? "" : match.Value;
        });

    [GeneratedRegex(@"ALTER\s+TABLE\s+""?(?<table>\w+)""?\s+ADD\s+COLUMN\s+""?(?<column>\w+)""?[^;]*;", RegexOptions.IgnoreCase)]
    private static partial Regex AddColumn();

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is an embedded schema script, not user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"missing resource {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
