using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern dates REF [--aware D] [--notified D] [--rapid-review D] [--commissioned D] [--published D]</c>.</summary>
internal sealed class DatesCommand : ICliCommand
{
    public Command Build()
    {
        var reference = new Argument<string>("REF") { Description = "The review's reference, pseudonym or id" };
        var aware = new Option<string?>("--aware") { Description = "Became aware of the incident, YYYY-MM-DD" };
        var notified = new Option<string?>("--notified") { Description = "Notified the Panel" };
        var rapid = new Option<string?>("--rapid-review") { Description = "Sent the rapid review" };
        var commissioned = new Option<string?>("--commissioned") { Description = "Commissioned the local review (LCSPR)" };
        var published = new Option<string?>("--published") { Description = "Published the review" };
        var command = new Command("dates", "Show or set a review's dates (aware, notified, rapid review sent, commissioned, published); dates not given are kept")
        {
            reference, aware, notified, rapid, commissioned, published,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var given = new Dictionary<string, DateOnly?>();
            foreach (var (name, option) in new[] { ("--aware", aware), ("--notified", notified), ("--rapid-review", rapid), ("--commissioned", commissioned), ("--published", published) })
            {
                var text = parseResult.GetValue(option);
                if (text is null)
                {
                    continue;
                }

                if (!ReviewDates.TryParseDate(text, out var date))
                {
                    return parseResult.Fail($"{name} must be a date as YYYY-MM-DD (or empty to clear)", 2);
                }

                given[name] = date;
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var wanted = parseResult.GetValue(reference)!;
            var review = await library.FindReviewAsync(wanted, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            if (review is null)
            {
                return parseResult.Fail($"no review has the reference, name or id \u201c{wanted}\u201d (see `lantern list`)");
            }

            var dates = await library.GetReviewDatesAsync(review.Summary.Id, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false) ?? ReviewDates.None;
            if (given.Count > 0)
            {
                dates = new ReviewDates(
                    given.GetValueOrDefault("--aware", dates.Aware), given.GetValueOrDefault("--notified", dates.Notified),
                    given.GetValueOrDefault("--rapid-review", dates.RapidReviewSent), given.GetValueOrDefault("--commissioned", dates.Commissioned),
                    given.GetValueOrDefault("--published", dates.Published));
                var outcome = await library.SetReviewDatesAsync(review.Summary.Id, dates, new Viewer(Environment.UserName is { Length: > 0 } n ? n : "local", Role.Admin), cancellationToken).ConfigureAwait(false);
                if (!outcome.Stored)
                {
                    return parseResult.Fail(outcome.Message);
                }
            }

            var o = parseResult.Out();
            o.WriteLine(review.Summary.Title);
            o.WriteLine($"  aware:             {Show(dates.Aware)}");
            o.WriteLine($"  notified:          {Show(dates.Notified)}");
            o.WriteLine($"  rapid review sent: {Show(dates.RapidReviewSent)}");
            o.WriteLine($"  commissioned:      {Show(dates.Commissioned)}");
            o.WriteLine($"  published:         {Show(dates.Published)}");
            return 0;
        });
        return command;
    }

    private static string Show(DateOnly? date) => date is { } d ? ReviewDates.Iso(d) : "not recorded";
}
