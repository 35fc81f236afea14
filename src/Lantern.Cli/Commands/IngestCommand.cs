using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Loading;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Spectre.Console;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern ingest PATH... [--public|--restricted]</c>: adds files (and folders, recursively) to the library. Without
/// either flag a document is public unless the sensitive-data check flags it, then restricted until an editor clears it.
/// </summary>
internal sealed class IngestCommand : ICliCommand
{
    private const int ProgressBarThreshold = 10;

    public Command Build()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to add (folders are read recursively)", Arity = ArgumentArity.OneOrMore };
        var restricted = new Option<bool>("--restricted") { Description = "Mark the documents restricted: only editors and administrators can see them" };
        var published = new Option<bool>("--public")
        {
            Description = "Publish the documents even when the sensitive-data check flags them (recorded in the audit trail); without it a flagged document is restricted until an editor clears it",
        };
        var command = new Command("ingest", "Add documents (txt, md, html, docx, pdf) to the library; a file already there is recognised") { paths, published, restricted };
        command.SetAction((parseResult, cancellationToken) =>
            parseResult.GetValue(restricted) && parseResult.GetValue(published)
                ? Task.FromResult(parseResult.Fail("choose --public or --restricted, not both"))
                : RunAsync(parseResult, parseResult.GetValue(paths) ?? [], parseResult.GetValue(restricted) ? Visibility.Restricted : parseResult.GetValue(published) ? Visibility.Public : null, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, string[] paths, Visibility? visibility, CancellationToken cancellationToken)
    {
        using var library = LibraryOpener.Open(parseResult);
        var options = new IngestOptions { Visibility = visibility, Actor = Environment.UserName };
        var tally = new Tally();
        if (parseResult.IsInteractive() && FileWalker.Expand(paths).Take(ProgressBarThreshold).Count() >= ProgressBarThreshold)
        {
            var total = FileWalker.Expand(paths).Count();
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting", maxValue: total);
                await foreach (var line in IngestAllAsync(library, paths, options, tally, cancellationToken).ConfigureAwait(false))
                {
                    if (!line.StartsWith("added", StringComparison.Ordinal) && !line.StartsWith("present", StringComparison.Ordinal))
                    {
                        AnsiConsole.MarkupLineInterpolated($"[red]{line}[/]");
                    }

                    task.Increment(1);
                }
            }).ConfigureAwait(false);
        }
        else
        {
            await foreach (var line in IngestAllAsync(library, paths, options, tally, cancellationToken).ConfigureAwait(false))
            {
                parseResult.Out().WriteLine(line);
            }
        }

        parseResult.Out().WriteLine($"{tally.Added} added ({tally.Reviews} reviews), {tally.Present} already present, {tally.Rejected} rejected");
        return tally.Rejected > 0 ? 1 : 0;
    }

    /// <summary>
    /// Ingests every file through the library's bulk import (extraction in parallel, batched transactions) and yields
    /// a report line per file as it is settled. Only the files in flight are held in memory. One bad file never stops
    /// the rest: it is reported by name with the reason.
    /// </summary>
    private static async IAsyncEnumerable<string> IngestAllAsync(
        LanternLibrary library, string[] paths, IngestOptions options, Tally tally, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = new DocumentLoader().MaxBytes;
        var files = FileWalker.Expand(paths).Select(f => new IngestFile(f.Path, token => ReadAsync(f.Path, f.Exists, limit, token)));
        await foreach (var outcome in library.IngestManyAsync(files, options, cancellationToken).ConfigureAwait(false))
        {
            var path = outcome.Source ?? outcome.FileName;
            switch (outcome.Status)
            {
                case IngestStatus.Added:
                    tally.CountAdded(outcome.ReviewCount);
                    yield return $"added   {path} ({outcome.ReviewCount} review{(outcome.ReviewCount == 1 ? "" : "s")}{Flagged(outcome, options)})";
                    break;
                case IngestStatus.AlreadyPresent:
                    tally.CountPresent();
                    yield return $"present {path}";
                    break;
                default:
                    tally.CountRejected();
                    yield return $"rejected {path}: {outcome.Message}";
                    break;
            }
        }
    }

    /// <summary>Reads a file for the import; a missing or oversized file becomes a reason, not an exception that stops the rest.</summary>
    private static Task<byte[]> ReadAsync(string path, bool exists, long limit, CancellationToken cancellationToken)
    {
        if (!exists)
        {
            throw new FileNotFoundException("no such file or folder", path);
        }

        var length = new FileInfo(path).Length;
        if (length > limit)
        {
            throw new InvalidDataException($"the file is {length / (1024 * 1024)} MiB; the limit is {limit / (1024 * 1024)} MiB");
        }

        return File.ReadAllBytesAsync(path, cancellationToken);
    }

    private static string Flagged(IngestOutcome outcome, IngestOptions options) => outcome.SensitiveFindings switch
    {
        0 => "",
        var n when options.Visibility is null => $"; {n} sensitive-data finding{(n == 1 ? "" : "s")}: restricted until an editor clears it (lantern sensitive list)",
        var n => $"; {n} sensitive-data finding{(n == 1 ? "" : "s")}, {outcome.Visibility.ToString().ToLowerInvariant()} as asked",
    };

    private sealed class Tally
    {
        private int _added;
        private int _present;
        private int _rejected;
        private int _reviews;

        public int Added => _added;
        public int Present => _present;
        public int Rejected => _rejected;
        public int Reviews => _reviews;

        public void CountAdded(int reviews)
        {
            Interlocked.Increment(ref _added);
            Interlocked.Add(ref _reviews, reviews);
        }

        public void CountPresent() => Interlocked.Increment(ref _present);

        public void CountRejected() => Interlocked.Increment(ref _rejected);
    }
}
