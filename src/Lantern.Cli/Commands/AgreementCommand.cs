using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Coding;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern agreement [--json]</c>: Cohen's kappa between the automatic coder and people, and between each two people
/// who coded the same reviews. A person's coding of a review is the automatic codes with their decisions applied.
/// </summary>
internal sealed class AgreementCommand : ICliCommand
{
    public Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Write the agreement tables as JSON" };
        var command = new Command("agreement", "Report agreement (Cohen's kappa) between automatic and human coding, and between human coders") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var coded = new List<ReviewCoding>();
            await foreach (var coding in library.ListCodingAsync(Viewer.LocalOperator, cancellationToken).ConfigureAwait(false))
            {
                if (coding.Decisions.Count > 0)
                {
                    coded.Add(coding);
                }
            }

            var comparisons = Compare(coded, Codebook.BuiltIn.CodeIds.ToList());
            if (parseResult.GetValue(json))
            {
                parseResult.WriteJson(comparisons.Select(c => new { coderA = c.CoderA, coderB = c.CoderB, reviews = c.Report.Reviews, overall = Describe(c.Report.Overall), themes = c.Report.Themes.Where(t => t.BothApplied + t.OnlyA + t.OnlyB > 0).Select(Describe) }));
                return 0;
            }

            var output = parseResult.Out();
            if (coded.Count == 0)
            {
                output.WriteLine("no review has been coded by a person yet (see `lantern code --help`)");
                return 0;
            }

            foreach (var (coderA, coderB, report) in comparisons)
            {
                output.WriteLine($"{coderA} vs {coderB}: {report.Reviews} review{(report.Reviews == 1 ? "" : "s")}, agreement {Percent(report.Overall)}, kappa {Kappa(report.Overall)}");
                foreach (var theme in report.Themes.Where(t => t.OnlyA + t.OnlyB + t.BothApplied > 0))
                {
                    output.WriteLine($"  {theme.Code,-34} both {theme.BothApplied,3}  only {coderA} {theme.OnlyA,3}  only {coderB} {theme.OnlyB,3}  kappa {Kappa(theme)}");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Automatic vs people (all decisions), then each pair of people over the reviews both coded.</summary>
    internal static List<(string CoderA, string CoderB, AgreementReport Report)> Compare(IReadOnlyList<ReviewCoding> coded, IReadOnlyList<string> themes)
    {
        var result = new List<(string, string, AgreementReport)>();
        if (coded.Count == 0)
        {
            return result;
        }

        var automaticVsHuman = coded.Select(c => new CodedPair(c.ReviewId.ToString(CultureInfo.InvariantCulture), c.AutomaticThemes, EffectiveCoding.MergeCodes(c.AutomaticThemes, c.Decisions)));
        result.Add(("automatic", "human", CohensKappa.Compare(automaticVsHuman, themes)));

        var coders = coded.SelectMany(c => c.Decisions.Select(d => d.Coder)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < coders.Count; i++)
        {
            for (var j = i + 1; j < coders.Count; j++)
            {
                var (a, b) = (coders[i], coders[j]);
                var both = coded.Where(c => c.Decisions.Any(d => d.Coder == a) && c.Decisions.Any(d => d.Coder == b)).ToList();
                if (both.Count == 0)
                {
                    continue;
                }

                var pairs = both.Select(c => new CodedPair(
                    c.ReviewId.ToString(CultureInfo.InvariantCulture),
                    EffectiveCoding.MergeCodes(c.AutomaticThemes, c.Decisions.Where(d => d.Coder == a)),
                    EffectiveCoding.MergeCodes(c.AutomaticThemes, c.Decisions.Where(d => d.Coder == b))));
                result.Add((a, b, CohensKappa.Compare(pairs, themes)));
            }
        }

        return result;
    }

    private static object Describe(AgreementTable t) => new { code = t.Code, t.BothApplied, t.OnlyA, t.OnlyB, t.Neither, t.PercentAgreement, t.Kappa };

    private static string Percent(AgreementTable t) => t.PercentAgreement.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Kappa(AgreementTable t) => t.Kappa is { } k ? k.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
