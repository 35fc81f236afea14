using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;
using Lantern.Core.Records;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern show REF [--json]</c>: one review with every field and the text each was read from.</summary>
internal sealed class ShowCommand : ICliCommand
{
    public Command Build()
    {
        var reference = new Argument<string>("REF") { Description = "The review's reference (e.g. \"RR 1/22\"), the child's pseudonym, or its id" };
        var json = new Option<bool>("--json") { Description = "Write JSON (the record, with the quoted evidence of each field)" };
        var command = new Command("show", "Show one review: every field, with the quoted text it was read from") { reference, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var wanted = parseResult.GetValue(reference)!;
            var detail = await library.FindReviewAsync(wanted, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            if (detail is null)
            {
                return parseResult.Fail($"no review has the reference, name or id \u201c{wanted}\u201d (see `lantern list`)");
            }

            var fields = EvidenceFields(detail).ToList();
            if (parseResult.GetValue(json))
            {
                parseResult.WriteJson(new
                {
                    id = detail.Summary.Id,
                    documentId = detail.Summary.DocumentId,
                    document = detail.DocumentName,
                    title = detail.Summary.Title,
                    visibility = detail.Summary.Visibility,
                    extractorVersion = detail.ExtractorVersion,
                    record = RecordJson.ToRecord(detail.Review) with { Themes = detail.Summary.Themes },
                    evidence = fields.Select(f => new { field = f.Field, value = f.Value, quotes = f.Quotes }),
                });
                return 0;
            }

            var output = parseResult.Out();
            output.WriteLine($"{detail.Summary.Title}  [review {detail.Summary.Id}{(detail.Summary.Visibility == Visibility.Restricted ? ", restricted" : "")}]");
            output.WriteLine($"  document   {detail.DocumentName}{(detail.Summary.Publisher is { } p ? $" ({p})" : "")}");
            output.WriteLine($"  extractor  {detail.ExtractorVersion}");
            foreach (var (field, value, quotes) in fields)
            {
                output.WriteLine($"  {field,-14} {value}");
                foreach (var quote in quotes)
                {
                    output.WriteLine($"  {"",-14}   \u201c{quote}\u201d");
                }
            }

            output.WriteLine($"  {"themes (now)",-14} {(detail.Summary.Themes.Count == 0 ? "-" : string.Join(", ", detail.Summary.Themes))}");
            return 0;
        });
        return command;
    }

    /// <summary>Every field in record order, with its value and the quoted text of its evidence.</summary>
    internal static IEnumerable<(string Field, string Value, IReadOnlyList<string> Quotes)> EvidenceFields(ReviewDetail detail)
    {
        var text = detail.DocumentText;
        var review = detail.Review;
        yield return Scalar("reference", review.Reference);
        yield return Scalar("name", review.Name);
        yield return Scalar("type", review.Type);
        yield return Scalar("year", review.Year);
        yield return Scalar("ageMonths", review.Child.AgeMonths);
        yield return Scalar("ageBand", review.Child.AgeBand);
        yield return Scalar("sex", review.Child.Sex);
        yield return Scalar("outcome", review.Outcome);
        foreach (var (field, labels) in new[] { ("harm", review.Harm), ("riskFactors", review.RiskFactors), ("agencies", review.Agencies), ("themes", review.Themes) })
        {
            if (labels.Count == 0)
            {
                yield return (field, "-", []);
            }

            foreach (var label in labels)
            {
                yield return (field, $"{label.Code} ({label.Score.ToString("0.00", CultureInfo.InvariantCulture)})", Quotes(label.Spans));
            }
        }

        yield return review.Summary is { } summary ? ("summary", Short(summary.Text, 100), Quotes([summary.Span])) : ("summary", "-", []);
        foreach (var (field, items) in new[] { ("learning", review.Learning), ("goodPractice", review.GoodPractice), ("actions", review.Actions), ("panelFeedback", review.PanelFeedback) })
        {
            for (var i = 0; i < items.Count; i++)
            {
                yield return ($"{field}[{i + 1}]", items[i].Text, []);
            }
        }

        (string, string, IReadOnlyList<string>) Scalar<T>(string field, Evidence<T>? evidence) =>
            evidence is null ? (field, "-", []) : (field, Convert.ToString(evidence.Value, CultureInfo.InvariantCulture) ?? "-", Quotes(evidence.Spans));

        IReadOnlyList<string> Quotes(IEnumerable<SourceSpan> spans) => [.. spans.Select(s => Short(s.Slice(text), 200)).Where(q => q.Length > 0).Distinct()];
    }

    private static string Short(string text, int max)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= max ? collapsed : collapsed[..(max - 1)] + "\u2026";
    }
}
