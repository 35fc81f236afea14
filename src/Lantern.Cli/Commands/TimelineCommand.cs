using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lantern.Core.Timelines;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern timeline --aware YYYY-MM-DD ...</c>: the statutory deadlines for a serious incident.</summary>
internal sealed class TimelineCommand : ICliCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Command Build()
    {
        var aware = new Option<string>("--aware") { Description = "The date the local authority became aware of the incident (YYYY-MM-DD)", Required = true };
        var notified = new Option<string?>("--notified") { Description = "The date the Panel was notified (YYYY-MM-DD)" };
        var rapidReviewSent = new Option<string?>("--rapid-review-sent") { Description = "The date the rapid review was sent (YYYY-MM-DD)" };
        var lcsprStart = new Option<string?>("--lcspr-start") { Description = "The date a local child safeguarding practice review started (YYYY-MM-DD)" };
        var lcsprPublished = new Option<string?>("--lcspr-published") { Description = "The date that review was published (YYYY-MM-DD)" };
        var today = new Option<string?>("--today") { Description = "Work out statuses as on this date instead of today (YYYY-MM-DD)" };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table" };

        var command = new Command("timeline", "Statutory deadlines for a serious incident, in working days (England and Wales bank holidays counted)")
        {
            aware, notified, rapidReviewSent, lcsprStart, lcsprPublished, today, json,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var incident = new SeriousIncident(
                    ParseDate(aware, parseResult.GetValue(aware))!.Value,
                    ParseDate(notified, parseResult.GetValue(notified)),
                    ParseDate(rapidReviewSent, parseResult.GetValue(rapidReviewSent)),
                    ParseDate(lcsprStart, parseResult.GetValue(lcsprStart)),
                    ParseDate(lcsprPublished, parseResult.GetValue(lcsprPublished)));
                var fixedToday = ParseDate(today, parseResult.GetValue(today));
                TimeProvider time = fixedToday is { } day ? new FixedDateTimeProvider(day) : TimeProvider.System;
                var result = new StatutoryTimeline(WorkingDayCalendar.EnglandAndWales, time).Calculate(incident);
                output.Write(parseResult.GetValue(json) ? ToJson(result) : TimelineTable.Format(result));
                return 0;
            }
            catch (FormatException ex)
            {
                error.WriteLine(ex.Message);
                return 2;
            }
            catch (ArgumentOutOfRangeException)
            {
                error.WriteLine("timeline: a deadline would fall after 9999-12-31; check the dates");
                return 2;
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"timeline: {ex.Message.Split(" (Parameter", 2)[0]}");
                return 2;
            }
        });
        return command;
    }

    private static DateOnly? ParseDate(Option option, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{option.Name}: '{value}' is not a date (use YYYY-MM-DD)");
    }

    private static string ToJson(StatutoryTimelineResult result)
    {
        var shape = new
        {
            aware = Iso(result.Incident.Aware),
            today = Iso(result.Today),
            deadlines = result.Deadlines.Select(d => new
            {
                key = d.Key,
                title = d.Title,
                due = Iso(d.Due),
                rule = d.Rule,
                status = TimelineTable.StatusCode(d.Status),
                doneOn = d.DoneOn is { } done ? Iso(done) : null,
                onTime = d.OnTime,
                workingDaysLeft = d.WorkingDaysLeft,
            }),
        };
        return JsonSerializer.Serialize(shape, JsonOptions) + Environment.NewLine;
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A clock stopped at noon UTC on one day, for <c>--today</c>.</summary>
    private sealed class FixedDateTimeProvider(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}

/// <summary>The plain, aligned text form of a statutory timeline.</summary>
internal static class TimelineTable
{
    public static string StatusCode(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Done => "done",
        DeadlineStatus.DueSoon => "due-soon",
        DeadlineStatus.Overdue => "overdue",
        _ => "upcoming",
    };

    public static string Format(StatutoryTimelineResult result)
    {
        var rows = result.Deadlines.Select(d => (d.Title, Due: TimelineCommand.Iso(d.Due), Status: Describe(d), d.Rule)).ToList();
        var titleWidth = Math.Max("Step".Length, rows.Max(r => r.Title.Length));
        var statusWidth = Math.Max("Status".Length, rows.Max(r => r.Status.Length));

        var text = new StringBuilder();
        text.AppendLine($"Became aware: {TimelineCommand.Iso(result.Incident.Aware)}    Today: {TimelineCommand.Iso(result.Today)}");
        text.AppendLine();
        text.AppendLine($"{"Step".PadRight(titleWidth)}  {"Due",-10}  {"Status".PadRight(statusWidth)}  How worked out");
        foreach (var row in rows)
        {
            text.AppendLine($"{row.Title.PadRight(titleWidth)}  {row.Due,-10}  {row.Status.PadRight(statusWidth)}  {row.Rule}");
        }

        return text.ToString();
    }

    private static string Describe(Deadline deadline) => deadline.Status switch
    {
        DeadlineStatus.Done => $"done {TimelineCommand.Iso(deadline.DoneOn!.Value)} ({(deadline.OnTime == true ? "on time" : "late")})",
        DeadlineStatus.Overdue when deadline.WorkingDaysLeft == 0 => "OVERDUE",
        DeadlineStatus.Overdue => $"OVERDUE by {-deadline.WorkingDaysLeft} working day{(deadline.WorkingDaysLeft == -1 ? "" : "s")}",
        DeadlineStatus.DueSoon when deadline.WorkingDaysLeft == 0 => "due soon (today)",
        DeadlineStatus.DueSoon => $"due soon ({deadline.WorkingDaysLeft} working day{(deadline.WorkingDaysLeft == 1 ? "" : "s")} left)",
        _ => $"upcoming ({deadline.WorkingDaysLeft} working days left)",
    };
}
