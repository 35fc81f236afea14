using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Analysis;
using Lantern.Core.Analysis.Recurrence;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern recurring [--json] [--threshold X] [--top N] [--query Q] [--filter facet=value]...</c>: learning that
/// recurs across reviews, most widespread first (distinct publishers, then reviews).
/// </summary>
internal sealed class RecurringCommand : ICliCommand
{
    public Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Write the groups as JSON" };
        var threshold = new Option<double>("--threshold")
        {
            Description = $"Similarity (0-1) at which two learning points count as the same message (default {RecurrenceOptions.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})",
            DefaultValueFactory = _ => RecurrenceOptions.DefaultThreshold,
        };
        var top = new Option<int>("--top") { Description = "Show at most this many groups (default 20; 0 for all)", DefaultValueFactory = _ => 20 };
        var selection = new AnalysisSelection();
        var command = new Command("recurring", "List learning that recurs across reviews, partnerships and years") { json, threshold, top };
        selection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var t = parseResult.GetValue(threshold);
            if (t is <= 0 or > 1)
            {
                return parseResult.Fail("--threshold must be above 0 and at most 1");
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var (chosen, error) = await selection.ReadAsync(parseResult, library, includeText: false, cancellationToken).ConfigureAwait(false);
            if (chosen is null)
            {
                return parseResult.Fail(error!);
            }

            var reviews = new List<AnalysisReview>();
            await foreach (var review in library.StreamAnalysisReviewsAsync(chosen, Viewer.LocalOperator, withLearning: true, cancellationToken).ConfigureAwait(false))
            {
                reviews.Add(review);
            }

            var result = RecurringLearningFinder.Find(reviews, new RecurrenceOptions { Threshold = t });
            var n = parseResult.GetValue(top);
            var groups = n > 0 ? result.Groups.Take(n).ToList() : result.Groups;
            if (parseResult.GetValue(json))
            {
                parseResult.WriteJson(result with { Groups = groups });
                return 0;
            }

            var output = parseResult.Out();
            output.WriteLine($"{result.Groups.Count} recurring group{(result.Groups.Count == 1 ? "" : "s")} among {result.PointCount} messages of learning in {result.ReviewCount} reviews (threshold {t.ToString("0.##", CultureInfo.InvariantCulture)})");
            var i = 1;
            foreach (var g in groups)
            {
                var years = g.DescribeYears();
                output.WriteLine();
                output.WriteLine($"{i++}. \u201c{g.Representative}\u201d");
                output.WriteLine($"   {g.ReviewCount} reviews, {g.PublisherCount} publisher{(g.PublisherCount == 1 ? "" : "s")}, {years} [{g.Id}]");
                output.WriteLine($"   reviews: {string.Join(", ", g.Occurrences.Select(o => o.ReviewTitle).Distinct(StringComparer.Ordinal))}");
                if (g.Publishers.Count > 0)
                {
                    output.WriteLine($"   publishers: {string.Join("; ", g.Publishers)}");
                }

                if (g.Themes.Count > 0)
                {
                    output.WriteLine($"   themes: {string.Join(", ", g.Themes.Take(5).Select(x => $"{x.Theme} ({x.Reviews})"))}");
                }
            }

            return 0;
        });
        return command;
    }
}
