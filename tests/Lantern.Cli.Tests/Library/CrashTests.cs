using System.Diagnostics;
using System.Globalization;
using Lantern.Tests.Shared.Database;
using Microsoft.Data.Sqlite;

namespace Lantern.Cli.Tests.Library;

/// <summary>
/// A bulk import in a real <c>lantern ingest</c> process, killed with SIGKILL at random moments, again and again.
/// After every kill the library must pass <c>lantern check</c>, and every document must be wholly there (row,
/// reviews, learning points, their full-text index entries, original) or wholly absent: in the data folder's SQLite
/// database and files, or in the PostgreSQL database when the tests run on PostgreSQL.
/// </summary>
public sealed class CrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Kills = 12;
    private const int Documents = 1500;

    private static string GenerateCorpus(string folder)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Documents; i++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"""
                Rapid review: Child G{i}

                Summary
                A generated review number {i} about neglect, housing and missed health appointments in area {i % 17}.

                Learning
                - Agencies did not share information about the family's move number {i}.
                - Practitioners should use professional curiosity when a parent cancels visit {i}.
                - The health visitor and school nurse should agree who leads, case {i * 7919 % 1000}.

                """);
            File.WriteAllText(Path.Combine(folder, $"gen-{i:D4}.txt"), text);
        }

        return folder;
    }

    private static string LanternDll => Path.Combine(AppContext.BaseDirectory, "lantern.dll");

    [Fact]
    public async Task Ingest_KilledAtRandomPoints_LeavesEveryDocumentWhollyPresentOrAbsent()
    {
        using var cli = new LibraryCli();
        var corpus = GenerateCorpus(Path.Combine(cli.Folder, "corpus"));
        var random = new Random(20261205);
        var budget = Stopwatch.StartNew();
        var kills = 0;
        for (var round = 0; round < Kills && budget.Elapsed < TimeSpan.FromSeconds(60); round++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { LanternDll, "ingest", corpus, "--data", cli.DataFolder })
            {
                start.ArgumentList.Add(arg);
            }

            if (TestStore.ConnectionStringFor(cli.DataFolder) is { } db)
            {
                start.ArgumentList.Add("--db");
                start.ArgumentList.Add(db);
            }

            using var process = Process.Start(start)!;
            // Kill at a random moment after the first document of this run has committed, so kills land mid-import
            // however slow the machine is to start the process.
            var firstAdded = new TaskCompletionSource();
            var reading = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("added", StringComparison.Ordinal))
                    {
                        firstAdded.TrySetResult();
                    }
                }
            });
            _ = process.StandardError.ReadToEndAsync();
            await Task.WhenAny(firstAdded.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(20)));
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 1000));
            var exited = process.WaitForExit(delay);
            if (!exited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL on Unix: no finally blocks, no flush.
                kills++;
            }

            await process.WaitForExitAsync();
            if (!LibraryExists(cli.DataFolder))
            {
                continue; // Killed before the library was created: nothing is present, which is whole.
            }

            var check = await cli.RunAsync("check");
            check.ExitCode.ShouldBe(0, $"round {round}: {check.Output}{check.Error}");
            var present = AssertEveryDocumentWhole(cli.DataFolder, round);
            output.WriteLine($"round {round}: {(exited ? "finished" : "killed")} after {delay.TotalMilliseconds:0} ms; {present} documents present; check ok");

            if (exited)
            {
                break; // The import finished before the kill: nothing more to interrupt.
            }
        }

        output.WriteLine($"{kills} kills in {budget.Elapsed.TotalSeconds:0} s");
        kills.ShouldBeGreaterThan(0);
        // A final uninterrupted run completes the import: every file ends up present exactly once.
        (await cli.RunAsync("ingest", corpus)).ExitCode.ShouldBe(0);
        AssertEveryDocumentWhole(cli.DataFolder, Kills).ShouldBe(Documents);
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
    }

    /// <summary>Whether the killed process got as far as creating the library (its database's documents table).</summary>
    private static bool LibraryExists(string dataFolder)
    {
        if (TestStore.ConnectionStringFor(dataFolder) is { } db)
        {
            using var connection = new Npgsql.NpgsqlConnection(db);
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand("SELECT to_regclass('documents') IS NOT NULL", connection);
            return command.ExecuteScalar() is true;
        }

        return File.Exists(Path.Combine(dataFolder, "lantern.db"));
    }

    private static SqliteConnection Open(string dataFolder)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "lantern.db"), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Checks every stored document is whole and returns how many are stored.</summary>
    private static int AssertEveryDocumentWhole(string dataFolder, int round)
    {
        var postgres = TestStore.ConnectionStringFor(dataFolder);
        using System.Data.Common.DbConnection connection = postgres is null ? Open(dataFolder) : new Npgsql.NpgsqlConnection(postgres);
        if (postgres is not null)
        {
            connection.Open();
        }

        using var command = connection.CreateCommand();
        // On SQLite the full-text entries live in FTS5 tables beside the rows; on PostgreSQL they are each row's
        // generated search column, and the original is a row of its own.
        command.CommandText = postgres is null
            ? """
                SELECT d.sha256,
                       (SELECT count(*) FROM reviews r WHERE r.document_id = d.id),
                       (SELECT count(*) FROM reviews r JOIN reviews_fts f ON f.rowid = r.id WHERE r.document_id = d.id),
                       (SELECT count(*) FROM learning_points lp JOIN reviews r ON r.id = lp.review_id WHERE r.document_id = d.id),
                       (SELECT count(*) FROM learning_points lp JOIN reviews r ON r.id = lp.review_id JOIN learning_fts f ON f.rowid = lp.id WHERE r.document_id = d.id),
                       0
                FROM documents d
                """
            : """
                SELECT d.sha256,
                       (SELECT count(*) FROM reviews r WHERE r.document_id = d.id),
                       (SELECT count(*) FROM reviews r WHERE r.document_id = d.id AND r.search IS NOT NULL AND length(r.search) > 0),
                       (SELECT count(*) FROM learning_points lp JOIN reviews r ON r.id = lp.review_id WHERE r.document_id = d.id),
                       (SELECT count(*) FROM learning_points lp JOIN reviews r ON r.id = lp.review_id WHERE r.document_id = d.id AND lp.search IS NOT NULL AND length(lp.search) > 0),
                       (SELECT count(*) FROM originals o WHERE o.sha256 = d.sha256)
                FROM documents d
                """;
        using var reader = command.ExecuteReader();
        var documents = 0;
        while (reader.Read())
        {
            documents++;
            var sha = reader.GetString(0);
            var (reviews, indexed, points, pointsIndexed) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            reviews.ShouldBeGreaterThan(0, $"round {round}: document {sha[..12]} has no reviews");
            indexed.ShouldBe(reviews, $"round {round}: document {sha[..12]}");
            points.ShouldBeGreaterThan(0, $"round {round}: document {sha[..12]} has no learning points");
            pointsIndexed.ShouldBe(points, $"round {round}: document {sha[..12]}");
            var original = postgres is null
                ? File.Exists(Path.Combine(dataFolder, "originals", sha[..2], sha))
                : reader.GetInt64(5) == 1;
            original.ShouldBeTrue($"round {round}: original of {sha[..12]}");
        }

        return documents;
    }
}
