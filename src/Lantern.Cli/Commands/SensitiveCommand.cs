using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;
using Lantern.Core.Sensitive;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern sensitive list [DOC]</c> and <c>lantern sensitive clear DOC [--public]</c>: what the sensitive-data check
/// found on import, and an editor's decision. DOC is a document id or file name. The local operator is an editor.
/// </summary>
internal sealed class SensitiveCommand : ICliCommand
{
    public Command Build()
    {
        var listDocument = new Argument<string?>("DOC") { Description = "A document id or file name (default: every document with findings)", Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "List documents with sensitive-data findings, flagged ones first, with each finding's kind, span and text") { listDocument };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            long? id = null;
            if (parseResult.GetValue(listDocument) is { } doc)
            {
                id = await ResolveAsync(library, doc, cancellationToken).ConfigureAwait(false);
                if (id is null)
                {
                    return parseResult.Fail($"no document '{doc}' (give its id or file name; see `lantern list`)");
                }
            }

            var reports = await library.ListSensitiveAsync(Viewer.LocalOperator, id, cancellationToken).ConfigureAwait(false);
            if (reports.Count == 0)
            {
                parseResult.Out().WriteLine(id is null ? "no document has sensitive-data findings" : "this document has no sensitive-data findings");
                return 0;
            }

            foreach (var report in reports)
            {
                var state = report.Flagged
                    ? "FLAGGED"
                    : $"cleared by {report.ClearedBy} on {report.ClearedAt:yyyy-MM-dd}";
                parseResult.Out().WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.DocumentId} {report.FileName} ({report.Visibility.ToString().ToLowerInvariant()}, {state})"));
                foreach (var finding in report.Findings)
                {
                    parseResult.Out().WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {SensitiveFinding.KindName(finding.Kind),-15} {finding.Span,-14} {OneLine(finding.Text)}"));
                }
            }

            return 0;
        });

        var clearDocument = new Argument<string>("DOC") { Description = "A document id or file name" };
        var publish = new Option<bool>("--public") { Description = "Publish the document (default: keep it restricted)" };
        var clear = new Command("clear", "Mark a document's findings as reviewed; it stays restricted unless --public is given") { clearDocument, publish };
        clear.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var doc = parseResult.GetValue(clearDocument)!;
            var id = await ResolveAsync(library, doc, cancellationToken).ConfigureAwait(false);
            var visibility = parseResult.GetValue(publish) ? Visibility.Public : Visibility.Restricted;
            var actor = new Viewer(Environment.UserName, Role.Editor);
            if (id is null || !await library.ClearSensitiveAsync(id.Value, visibility, actor, cancellationToken).ConfigureAwait(false))
            {
                return parseResult.Fail($"no document '{doc}' (give its id or file name; see `lantern sensitive list`)");
            }

            parseResult.Out().WriteLine($"cleared document {id}: now {visibility.ToString().ToLowerInvariant()}");
            return 0;
        });

        return new Command("sensitive", "Sensitive-data findings from import: list them, or clear a document after review") { list, clear };
    }

    private static async Task<long?> ResolveAsync(LanternLibrary library, string doc, CancellationToken cancellationToken)
    {
        if (long.TryParse(doc, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await library.GetDocumentAsync(id, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false) is null ? null : id;
        }

        for (var skip = 0; ; skip += 500)
        {
            var page = await library.ListDocumentsAsync(Viewer.LocalOperator, skip, 500, cancellationToken).ConfigureAwait(false);
            if (page.FirstOrDefault(d => string.Equals(d.FileName, doc, StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                return found.Id;
            }

            if (page.Count < 500)
            {
                return null;
            }
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
