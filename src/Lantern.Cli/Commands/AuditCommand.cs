using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Audit;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern audit</c>: the append-only audit trail, filtered, as a table or CSV.</summary>
internal sealed class AuditCommand : ICliCommand
{
    public Command Build()
    {
        var since = new Option<string?>("--since") { Description = "From this date or time (inclusive), e.g. 2026-12-01" };
        var until = new Option<string?>("--until") { Description = "Before this date or time (exclusive)" };
        var user = new Option<string?>("--user") { Description = "Only this user's entries" };
        var action = new Option<string?>("--action") { Description = "Only this action (sign-in, sign-in-failed, ingest, code, view-review, user-role…)" };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of the screen" };
        var command = new Command("audit", "Show the audit trail: sign-ins, imports, edits, coding, role changes and every view or export of restricted material")
        {
            since, until, user, action, format, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            if (!TryParse(parseResult, since, out var from) || !TryParse(parseResult, until, out var to))
            {
                return 1;
            }

            var entries = await library.GetAuditLogAsync(Viewer.LocalOperator, new AuditQuery
            {
                Since = from, Until = to, User = parseResult.GetValue(user), Action = parseResult.GetValue(action), Take = 100_000,
            }, cancellationToken).ConfigureAwait(false);
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            if (parseResult.GetValue(format) == "csv")
            {
                AuditCsv.Write(text, entries);
            }
            else
            {
                foreach (var e in entries)
                {
                    text.WriteLine($"{e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}  {e.Actor,-20} {e.Address ?? "",-15} {e.Action,-18} {e.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "",6} {e.Detail}");
                }
            }

            if (parseResult.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text.ToString(), cancellationToken).ConfigureAwait(false);
                parseResult.Out().WriteLine($"Wrote {entries.Count} entries to {path}");
            }
            else
            {
                parseResult.Out().Write(text.ToString());
            }

            return 0;
        });
        return command;
    }

    private static bool TryParse(ParseResult parseResult, Option<string?> option, out DateTimeOffset? value)
    {
        value = null;
        if (parseResult.GetValue(option) is not { Length: > 0 } text)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        parseResult.Fail($"{option.Name} must be a date such as 2026-12-01 (or 2026-12-01T09:30Z), not \u201c{text}\u201d");
        return false;
    }
}
