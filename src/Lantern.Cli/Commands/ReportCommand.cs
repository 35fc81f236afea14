using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern report --from D --to D --format html|md|pdf --out FILE</c>: the learning section of the yearly report.</summary>
internal sealed class ReportCommand : ICliCommand
{
    public Command Build()
    {
        var from = new Option<string>("--from") { Description = "First day of the period, YYYY-MM-DD", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period, YYYY-MM-DD", Required = true };
        var format = new Option<string>("--format") { Description = "html, md or pdf", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("html", "md", "pdf");
        var output = new Option<string>("--out") { Description = "The file to write", Required = true };
        var command = new Command("report", "Write the learning section of the partnership's yearly report for a period") { from, to, format, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!ReviewDates.TryParseDate(parseResult.GetValue(from), out var fromDate) || fromDate is null
                || !ReviewDates.TryParseDate(parseResult.GetValue(to), out var toDate) || toDate is null)
            {
                return parseResult.Fail("--from and --to must be dates as YYYY-MM-DD", 2);
            }

            if (toDate < fromDate)
            {
                return parseResult.Fail("--to must not be before --from", 2);
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            // The operator owns the data folder and sees restricted material, which the report gives as counts only.
            var inputs = await library.GetReportInputsAsync(Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            var report = new YearlyReportBuilder(clock: TimeProvider.System).Build(new ReportPeriod(fromDate.Value, toDate.Value), inputs);
            var path = Path.GetFullPath(parseResult.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            switch (parseResult.GetValue(format))
            {
                case "pdf":
                    await File.WriteAllBytesAsync(path, YearlyReportRenderer.ToPdf(report), cancellationToken).ConfigureAwait(false);
                    break;
                case "html":
                    await File.WriteAllTextAsync(path, YearlyReportRenderer.ToHtml(report), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await File.WriteAllTextAsync(path, YearlyReportRenderer.ToMarkdown(report), cancellationToken).ConfigureAwait(false);
                    break;
            }

            parseResult.Out().WriteLine($"wrote the report for {report.Period} to {parseResult.GetValue(output)}");
            return 0;
        });
        return command;
    }
}
