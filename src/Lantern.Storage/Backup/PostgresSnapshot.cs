using System.ComponentModel;
using System.Diagnostics;
using Lantern.Storage.Library;
using Npgsql;

namespace Lantern.Storage.Backup;

/// <summary>
/// The PostgreSQL snapshot: <c>pg_dump -Fc</c> of the library's database (one transaction, so consistent while the
/// library stays in use), entry <c>database.dump</c>. On PostgreSQL the originals live in the database, so the dump
/// holds them. Host, port, user and database go to the tools as <c>PG*</c> environment variables and the password as
/// <c>PGPASSWORD</c>, never on the command line (where other users of the machine could read it).
/// </summary>
public sealed class PostgresSnapshot(string connectionString) : IDatabaseSnapshot
{
    public const string DumpEntry = "database.dump";

    public PostgresSnapshot(LanternLibrary library)
        : this((library ?? throw new ArgumentNullException(nameof(library))).Location.PostgresConnectionString
            ?? throw new ArgumentException("the library is not on PostgreSQL", nameof(library)))
    {
    }

    public string EntryName => DumpEntry;

    public async Task SnapshotAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        await RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--file", path], cancellationToken).ConfigureAwait(false);
    }

    public string? Verify(string dataFolder) => VerifyDump(Path.Combine(dataFolder, DumpEntry));

    /// <summary>Whether <paramref name="path"/> is a dump pg_restore can read; null when sound, else why not.</summary>
    public static string? VerifyDump(string path)
    {
        if (!File.Exists(path))
        {
            return $"the backup holds no PostgreSQL dump ({DumpEntry})";
        }

        try
        {
            RunAsync("pg_restore", null, ["--list", path], CancellationToken.None).GetAwaiter().GetResult();
            return null;
        }
        catch (BackupException e)
        {
            return $"the PostgreSQL dump in the backup cannot be read ({e.Message})";
        }
    }

    /// <summary>Restores the dump at <paramref name="path"/> into the database of <paramref name="targetConnectionString"/>, replacing what it holds, in one transaction.</summary>
    public static Task RestoreAsync(string path, string targetConnectionString, CancellationToken cancellationToken) =>
        RunAsync("pg_restore", targetConnectionString, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", Database(targetConnectionString), path], cancellationToken);

    /// <summary>Whether the database of <paramref name="connectionString"/> already holds a library (its schema_version table).</summary>
    public static async Task<bool> HoldsLibraryAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL";
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static string Database(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database is { Length: > 0 } name ? name : "postgres";

    internal static async Task RunAsync(string tool, string? connectionString, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (connectionString is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            Set(start, "PGHOST", builder.Host);
            Set(start, "PGPORT", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Set(start, "PGUSER", builder.Username);
            Set(start, "PGDATABASE", Database(connectionString));
            Set(start, "PGPASSWORD", builder.Password);
            start.Environment["PGCONNECT_TIMEOUT"] = "15";
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started");
        }
        catch (Win32Exception)
        {
            throw new BackupException($"{tool} was not found on PATH; install the PostgreSQL client tools (the same major version as the server) to back up or restore a PostgreSQL library");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await output.ConfigureAwait(false);
            var message = (await error.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed with exit code {process.ExitCode}: {FirstLine(message)}");
            }
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
        else
        {
            start.Environment.Remove(name);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
