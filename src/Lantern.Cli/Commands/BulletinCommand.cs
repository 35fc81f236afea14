using System.CommandLine;
using System.Text.Json;
using Lantern.Core.Bulletins;
using Lantern.Core.Loading;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Core.Records;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern bulletin REF|--theme CODE|--file DOC --format md|html|pdf --out FILE</c>: a learning bulletin or
/// seven-minute briefing for one review, or a thematic briefing for one theme, from the library or from one file.
/// </summary>
internal sealed class BulletinCommand : ICliCommand
{
    // A thematic briefing reads at most this many reviews (pages of the library's largest search page).
    private const int MaxThemeReviews = 500;

    public Command Build()
    {
        var reference = new Argument<string?>("REF") { Description = "A review's reference (or id) in the library", Arity = ArgumentArity.ZeroOrOne };
        var theme = new Option<string?>("--theme") { Description = "Write a thematic briefing for this theme code (e.g. information-sharing)" };
        var file = new Option<string?>("--file") { Description = "Extract this document (or read this record JSON) and write the bulletin for its first review, without the library" };
        var format = new Option<string?>("--format") { Description = "md, html or pdf (default: from --out's extension, else md)" };
        format.AcceptOnlyFromAmong("md", "markdown", "html", "pdf");
        var output = new Option<string?>("--out") { Description = "The file to write (md and html go to standard output when omitted)" };
        var layout = new Option<string>("--layout") { Description = "bulletin or seven-minute", DefaultValueFactory = _ => "bulletin" };
        layout.AcceptOnlyFromAmong("bulletin", "seven-minute");
        var template = new Option<string?>("--template") { Description = "Use this Markdown template file instead of the built-in layout" };
        var includeRestricted = new Option<bool>("--include-restricted") { Description = "Include restricted reviews (as the local operator); by default a bulletin is for a wide audience" };

        var command = new Command("bulletin", "Write a learning bulletin, seven-minute briefing or thematic briefing as Markdown, HTML or PDF")
        {
            reference, theme, file, format, output, layout, template, includeRestricted,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var request = new Request(
                    parseResult.GetValue(reference),
                    parseResult.GetValue(theme),
                    parseResult.GetValue(file),
                    parseResult.GetValue(includeRestricted) ? Viewer.LocalOperator : Viewer.Anonymous);
                var outPath = parseResult.GetValue(output);
                var chosenFormat = ChooseFormat(parseResult.GetValue(format), outPath);
                if (chosenFormat == BulletinFormat.Pdf && outPath is null)
                {
                    throw new UsageException("a PDF needs --out FILE");
                }

                var chosenTemplate = parseResult.GetValue(template) is { } templatePath
                    ? BulletinTemplates.FromFile(templatePath)
                    : BulletinTemplates.BuiltIn(parseResult.GetValue(layout) == "seven-minute" ? BulletinLayout.SevenMinute : BulletinLayout.Bulletin);

                var model = await BuildModelAsync(request, parseResult, cancellationToken).ConfigureAwait(false);
                var bytes = BulletinRenderer.Render(model, chosenTemplate, chosenFormat);
                if (outPath is null)
                {
                    parseResult.InvocationConfiguration.Output.Write(System.Text.Encoding.UTF8.GetString(bytes));
                }
                else
                {
                    var full = Path.GetFullPath(outPath);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    await File.WriteAllBytesAsync(full, bytes, cancellationToken).ConfigureAwait(false);
                    parseResult.InvocationConfiguration.Output.WriteLine($"wrote {model.Heading} to {outPath}");
                }

                return 0;
            }
            catch (UsageException ex)
            {
                await error.WriteLineAsync($"bulletin: {ex.Message}").ConfigureAwait(false);
                return 2;
            }
            catch (BulletinTemplateException ex)
            {
                await error.WriteLineAsync($"bulletin: template {ex.Message}").ConfigureAwait(false);
                return 2;
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"bulletin: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (UnauthorizedAccessException ex)
            {
                await error.WriteLineAsync($"bulletin: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (System.Data.Common.DbException ex)
            {
                await error.WriteLineAsync($"bulletin: the library in {GlobalOptions.ResolveDataFolder(parseResult)} cannot be read: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    private sealed record Request(string? Reference, string? Theme, string? File, Viewer Viewer);

    private static BulletinFormat ChooseFormat(string? format, string? outPath)
    {
        var value = format ?? Path.GetExtension(outPath ?? "").TrimStart('.').ToLowerInvariant();
        return value switch
        {
            "html" or "htm" => BulletinFormat.Html,
            "pdf" => BulletinFormat.Pdf,
            _ => BulletinFormat.Markdown,
        };
    }

    private static async Task<BulletinModel> BuildModelAsync(Request request, ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.Reference) && !string.IsNullOrWhiteSpace(request.Theme))
        {
            throw new UsageException("give REF or --theme CODE, not both");
        }

        var builder = new BulletinBuilder();
        if (request.File is { } path)
        {
            // With --file, REF picks one of the file's reviews and --theme briefs across them; else the first review.
            var sources = FromFile(path);
            if (request.Theme is { } fileTheme)
            {
                return builder.ForTheme(fileTheme, sources, request.Viewer);
            }

            var source = request.Reference is { } wanted
                ? sources.FirstOrDefault(s => SameReference(s.Review.Reference?.Value, wanted))
                    ?? throw new UsageException($"no review '{wanted}' in {Path.GetFileName(path)} (found: {string.Join(", ", sources.Select(s => s.Review.Reference?.Value ?? "?"))})")
                : sources.FirstOrDefault() ?? throw new UsageException($"no review was found in {Path.GetFileName(path)}");
            return builder.ForReview(source);
        }

        if (string.IsNullOrWhiteSpace(request.Reference) && string.IsNullOrWhiteSpace(request.Theme))
        {
            throw new UsageException("give REF, --theme CODE or --file DOC");
        }

        using var library = LanternLibrary.Open(GlobalOptions.ResolveLocation(parseResult));
        if (request.Theme is { } theme)
        {
            var sources = await ThemeSourcesAsync(library, theme, request.Viewer, cancellationToken).ConfigureAwait(false);
            return builder.ForTheme(theme, sources, request.Viewer);
        }

        var detail = await library.FindReviewAsync(request.Reference!, request.Viewer, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"no review '{request.Reference}' in the library{(request.Viewer.CanSeeRestricted ? "" : " (restricted reviews need --include-restricted)")}");
        return builder.ForReview(ToSource(detail));
    }

    private static bool SameReference(string? found, string wanted) =>
        found is not null && string.Equals(Squeeze(found), Squeeze(wanted), StringComparison.OrdinalIgnoreCase);

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static IReadOnlyList<BulletinSource> FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }

        if (string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return BulletinSources.FromRecord(RecordJson.Deserialize(File.ReadAllText(path)));
            }
            catch (JsonException ex)
            {
                throw new UsageException($"{Path.GetFileName(path)} is not a record JSON: {ex.Message}");
            }
        }

        var document = new DocumentLoader().Load(path);
        if (document.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } failure)
        {
            throw new UsageException($"{Path.GetFileName(path)}: {failure.Message}");
        }

        var extraction = new ReviewPipelineBuilder().UseDefaults().Build().Run(document);
        return BulletinSources.FromExtraction(extraction);
    }

    private static async Task<List<BulletinSource>> ThemeSourcesAsync(IReviewLibrary library, string theme, Viewer viewer, CancellationToken cancellationToken)
    {
        var sources = new List<BulletinSource>();
        for (var page = 1; sources.Count < MaxThemeReviews; page++)
        {
            var request = new SearchRequest
            {
                Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Theme] = [theme] },
                Page = page,
                PageSize = LanternLibrary.MaxPageSize,
                Sort = SearchSort.Oldest,
            };
            var results = await library.SearchAsync(request, viewer, cancellationToken).ConfigureAwait(false);
            if (results.QueryError is { } queryError)
            {
                throw new UsageException(queryError);
            }

            foreach (var hit in results.Hits)
            {
                if (await library.GetReviewAsync(hit.Review.Id, viewer, cancellationToken).ConfigureAwait(false) is { } detail)
                {
                    sources.Add(ToSource(detail));
                }
            }

            if (results.Hits.Count < LanternLibrary.MaxPageSize)
            {
                break;
            }
        }

        return sources;
    }

    private static BulletinSource ToSource(ReviewDetail detail) =>
        new(detail.Review, detail.DocumentName, detail.Summary.Publisher, detail.DocumentText, detail.Summary.Visibility);

    private sealed class UsageException(string message) : Exception(message);
}
