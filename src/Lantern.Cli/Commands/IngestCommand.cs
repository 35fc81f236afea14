using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Loading;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Spectre.Console;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern ingest PATH... [--restricted]</c>: adds files (and folders, recursively) to the library.</summary>
internal sealed class IngestCommand : ICliCommand
{
    private const int ProgressBarThreshold = 10;

    public Command Build()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to add (folders are read recursively)", Arity = ArgumentArity.OneOrMore };
        var restricted = new Option<bool>("--restricted") { Description = "Mark the documents restricted: only editors and administrators can see them" };
        var command = new Command("ingest", "Add documents (txt, md, html, docx, pdf) to the library; a file already there is recognised") { paths, restricted };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult, parseResult.GetValue(paths) ?? [], parseResult.GetValue(restricted), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, string[] paths, bool restricted, CancellationToken cancellationToken)
    {
        using var library = LibraryOpener.Open(parseResult);
        var options = new IngestOptions { Visibility = restricted ? Visibility.Restricted : Visibility.Public, Actor = Environment.UserName };
        var tally = new Tally();
        if (parseResult.IsInteractive() && FileWalker.Expand(paths).Take(ProgressBarThreshold).Count() >= ProgressBarThreshold)
        {
            var total = FileWalker.Expand(paths).Count();
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting", maxValue: total);
                foreach (var (path, exists) in FileWalker.Expand(paths))
                {
                    var line = await IngestOneAsync(library, path, exists, options, tally, cancellationToken).ConfigureAwait(false);
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
            foreach (var (path, exists) in FileWalker.Expand(paths))
            {
                parseResult.Out().WriteLine(await IngestOneAsync(library, path, exists, options, tally, cancellationToken).ConfigureAwait(false));
            }
        }

        parseResult.Out().WriteLine($"{tally.Added} added ({tally.Reviews} reviews), {tally.Present} already present, {tally.Rejected} rejected");
        return tally.Rejected > 0 ? 1 : 0;
    }

    /// <summary>Ingests one file and returns its report line. One bad file never stops the rest.</summary>
    private static async Task<string> IngestOneAsync(LanternLibrary library, string path, bool exists, IngestOptions options, Tally tally, CancellationToken cancellationToken)
    {
        if (!exists)
        {
            tally.Rejected++;
            return $"rejected {path}: no such file or folder";
        }

        try
        {
            var length = new FileInfo(path).Length;
            var limit = new DocumentLoader().MaxBytes;
            if (length > limit)
            {
                tally.Rejected++;
                return $"rejected {path}: the file is {length / (1024 * 1024)} MiB; the limit is {limit / (1024 * 1024)} MiB";
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var outcome = await library.IngestAsync(Path.GetFileName(path), bytes, options, cancellationToken).ConfigureAwait(false);
            switch (outcome.Status)
            {
                case IngestStatus.Added:
                    tally.Added++;
                    tally.Reviews += outcome.ReviewCount;
                    return $"added   {path} ({outcome.ReviewCount} review{(outcome.ReviewCount == 1 ? "" : "s")})";
                case IngestStatus.AlreadyPresent:
                    tally.Present++;
                    return $"present {path}";
                default:
                    tally.Rejected++;
                    return $"rejected {path}: {outcome.Message}";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            tally.Rejected++;
            return $"rejected {path}: {e.Message}";
        }
    }

    private sealed class Tally
    {
        public int Added { get; set; }
        public int Present { get; set; }
        public int Rejected { get; set; }
        public int Reviews { get; set; }
    }
}
