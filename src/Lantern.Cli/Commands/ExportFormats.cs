using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Exports;
using Lantern.Core.Exports.RefiQda;
using Lantern.Core.Model;
using Lantern.Core.Records;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary>
/// The export formats beyond the whole-library JSON: <c>csv</c> (a zip when --out ends in .zip, else a folder of
/// three files), <c>json</c> over a selection (one record file per document), <c>qdc</c> (REFI-QDA codebook) and
/// <c>qdpx</c> (REFI-QDA project), each over the reviews matching --query and --filter.
/// </summary>
internal static class ExportFormats
{
    public static readonly string[] All = ["json", "csv", "qdc", "qdpx"];

    public static async Task<int> RunAsync(ParseResult parseResult, IReviewLibrary library, AnalysisSelection selection, Viewer viewer, string format, string outPath, CancellationToken cancellationToken)
    {
        var (chosen, error) = await selection.ReadAsync(parseResult, library, includeText: format is "csv" or "qdpx", cancellationToken).ConfigureAwait(false);
        if (chosen is null)
        {
            return parseResult.Fail(error!);
        }

        var reviews = new List<ExportReview>();
        await foreach (var detail in library.StreamReviewsAsync(chosen, viewer, cancellationToken).ConfigureAwait(false))
        {
            reviews.Add(detail.ToExportReview());
        }

        var target = Path.GetFullPath(outPath);
        switch (format)
        {
            case "csv" when target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase):
                await using (var file = Create(target))
                {
                    TidyCsv.WriteZip(reviews, file);
                }

                break;
            case "csv":
                TidyCsv.WriteFolder(reviews, target);
                break;
            case "qdc":
                target = FileIn(target, "lantern-codebook.qdc");
                await using (var file = Create(target))
                {
                    RefiQdaExport.WriteCodebook(file, extraCodes: reviews.SelectMany(r => r.Themes));
                }

                break;
            case "qdpx":
                target = FileIn(target, "lantern.qdpx");
                await using (var file = Create(target))
                {
                    RefiQdaExport.WriteProject(reviews, TimeProvider.System.GetUtcNow(), file);
                }

                break;
            default:
                Directory.CreateDirectory(target);
                var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var record in RecordExport.ToRecords(reviews))
                {
                    var stem = Path.GetFileNameWithoutExtension(record.Document);
                    var name = written.Add(stem) ? stem : $"{stem}-{written.Count}";
                    written.Add(name);
                    await File.WriteAllTextAsync(Path.Combine(target, name + ".json"), RecordJson.Serialize(record) + "\n", cancellationToken).ConfigureAwait(false);
                }

                break;
        }

        parseResult.Out().WriteLine($"exported {reviews.Count} review{(reviews.Count == 1 ? "" : "s")} as {format} to {target}");
        return 0;
    }

    // An existing folder given as --out receives a file with the default name.
    private static string FileIn(string target, string defaultName) => Directory.Exists(target) ? Path.Combine(target, defaultName) : target;

    private static FileStream Create(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new FileStream(path, FileMode.Create, FileAccess.Write);
    }
}
