using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Pipeline;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern reextract [--stale]</c>: re-runs extraction over the stored originals, keeping human coding.</summary>
internal sealed class ReextractCommand : ICliCommand
{
    public Command Build()
    {
        var stale = new Option<bool>("--stale") { Description = $"Only documents extracted by another extractor or codebook version (current extractor: {ReviewPipeline.ExtractorVersion})" };
        var command = new Command("reextract", "Re-run extraction over the stored originals; human coding decisions are kept") { stale };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var output = parseResult.Out();
            var summary = await library.ReextractAsync(parseResult.GetValue(stale), new SynchronousProgress(output), cancellationToken).ConfigureAwait(false);
            foreach (var problem in summary.Problems)
            {
                output.WriteLine($"skipped {problem}");
            }

            output.WriteLine($"re-extracted {summary.Documents} document{(summary.Documents == 1 ? "" : "s")} ({summary.Reviews} reviews), {summary.Skipped} skipped");
            return summary.Skipped > 0 ? parseResult.Fail($"{summary.Skipped} document(s) could not be re-extracted") : 0;
        });
        return command;
    }

    // Progress<T> posts to the thread pool, which would interleave lines; this reports in order.
    private sealed class SynchronousProgress(TextWriter output) : IProgress<ReextractProgress>
    {
        public void Report(ReextractProgress value) => output.WriteLine($"[{value.Done}/{value.Total}] {value.FileName}");
    }
}
