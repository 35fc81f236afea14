using System.CommandLine;
using Lantern.Tests.Shared.Database;

namespace Lantern.Cli.Tests.Library;

/// <summary>
/// Runs the <c>lantern</c> verbs in-process against a temporary data folder (and, under LANTERN_TEST_PG, a fresh
/// PostgreSQL database passed with --db), capturing output.
/// </summary>
public sealed class LibraryCli : IDisposable
{
    public LibraryCli()
    {
        Folder = Path.Combine(Path.GetTempPath(), "lantern-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DataFolder = Path.Combine(Folder, "data");
    }

    public string Folder { get; }

    public string DataFolder { get; }

    /// <summary>The repository's samples/ folder.</summary>
    public static string SamplesFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "samples");
        }
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var root = new RootCommand("lantern");
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Db);
        foreach (var command in CommandCatalog.Discover())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] db = TestStore.ConnectionStringFor(DataFolder) is { } connectionString ? ["--db", connectionString] : [];
        var exitCode = await root.Parse([.. args, "--data", DataFolder, .. db]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>How many originals are stored (files in the data folder on SQLite, rows on PostgreSQL).</summary>
    public int OriginalCount()
    {
        if (TestStore.ConnectionStringFor(DataFolder) is not { } db)
        {
            return Directory.GetFiles(Path.Combine(DataFolder, "originals"), "*", SearchOption.AllDirectories).Length;
        }

        using var connection = new Npgsql.NpgsqlConnection(db);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM originals", connection);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Overwrites the only stored original with other bytes, as damage would.</summary>
    public async Task TamperOnlyOriginalAsync()
    {
        if (TestStore.ConnectionStringFor(DataFolder) is not { } db)
        {
            var blob = Directory.GetFiles(Path.Combine(DataFolder, "originals"), "*", SearchOption.AllDirectories).Single();
            await File.WriteAllTextAsync(blob, "not the original");
            return;
        }

        await using var connection = new Npgsql.NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("UPDATE originals SET bytes = convert_to('not the original', 'UTF8')", connection);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    /// <summary>Copies sample files into a fresh folder under the test folder and returns it.</summary>
    public string CopySamples(string folderName, params string[] sampleNames)
    {
        var folder = Path.Combine(Folder, folderName);
        Directory.CreateDirectory(folder);
        foreach (var name in sampleNames)
        {
            File.Copy(Path.Combine(SamplesFolder, name), Path.Combine(folder, name));
        }

        return folder;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestStore.Release(DataFolder);
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

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
