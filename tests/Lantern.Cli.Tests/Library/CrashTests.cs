using System.Diagnostics;
using System.Globalization;
using Lantern.Tests.Shared.Database;
using Microsoft.Data.Sqlite;

namespace Lantern.Cli.Tests.Library;

/// <summary>
/// A bulk import in a real <c>lantern ingest</c> process, killed with SIGKILL at random moments, again and again.
/// After every kill the library must pass <c>lantern check</c>, and every document must be wholly there (row,
/// reviews, both full-text indexes, original) or wholly absent.
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

    [SqliteOnlyFact("the killed processes import into the data folder's SQLite database, whose files and FTS5 tables are then inspected")]
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
            if (!File.Exists(Path.Combine(cli.DataFolder, "lantern.db")))
            {
                continue; // Killed before the library was created: nothing is present, which is whole.
            }

            var check = await cli.RunAsync("check");
            check.ExitCode.ShouldBe(0, $"round {round}: {check.Output}{check.Error}");
            AssertEveryDocumentWhole(cli.DataFolder, round);
            using (var counter = Open(cli.DataFolder))
            {
                output.WriteLine($"round {round}: {(exited ? "finished" : "killed")} after {delay.TotalMilliseconds:0} ms; {Scalar(counter, "SELECT count(*) FROM documents")} documents present; check ok");
            }

            if (exited)
            {
                break; // The import finished before the kill: nothing more to interrupt.
            }
        }

        output.WriteLine($"{kills} kills in {budget.Elapsed.TotalSeconds:0} s");
        kills.ShouldBeGreaterThan(0);
        // A final uninterrupted run completes the import: every file ends up present exactly once.
        (await cli.RunAsync("ingest", corpus)).ExitCode.ShouldBe(0);
        using var connection = Open(cli.DataFolder);
        Scalar(connection, "SELECT count(*) FROM documents").ShouldBe(Documents);
        (await cli.RunAsync("check")).ExitCode.ShouldBe(0);
    }

    private static SqliteConnection Open(string dataFolder)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "lantern.db"), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void AssertEveryDocumentWhole(string dataFolder, int round)
    {
        if (!File.Exists(Path.Combine(dataFolder, "lantern.db")))
        {
            return; // Killed before the library was created: nothing is present, which is whole.
        }

        using var connection = Open(dataFolder);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.sha256,
                   (SELECT count(*) FROM reviews r WHERE r.document_id = d.id),
                   (SELECT count(*) FROM reviews r JOIN reviews_fts f ON f.rowid = r.id WHERE r.document_id = d.id),
                   (SELECT count(*) FROM learning_points lp JOIN reviews r ON r.id = lp.review_id WHERE r.document_id = d.id),
                   (SELECT count(*) FROM learning_points lp JOIN reviews r ON r.id = lp.review_id JOIN learning_fts f ON f.rowid = lp.id WHERE r.document_id = d.id)
            FROM documents d
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var sha = reader.GetString(0);
            var (reviews, indexed, points, pointsIndexed) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            reviews.ShouldBeGreaterThan(0, $"round {round}: document {sha[..12]} has no reviews");
            indexed.ShouldBe(reviews, $"round {round}: document {sha[..12]}");
            points.ShouldBeGreaterThan(0, $"round {round}: document {sha[..12]} has no learning points");
            pointsIndexed.ShouldBe(points, $"round {round}: document {sha[..12]}");
            File.Exists(Path.Combine(dataFolder, "originals", sha[..2], sha)).ShouldBeTrue($"round {round}: original of {sha[..12]}");
        }
    }
}
