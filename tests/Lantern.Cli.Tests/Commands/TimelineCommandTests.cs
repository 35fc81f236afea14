using System.CommandLine;
using System.Text.Json;
using Lantern.Cli.Commands;

namespace Lantern.Cli.Tests.Commands;

public sealed class TimelineCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { new TimelineCommand().Build() };
        root.Options.Add(GlobalOptions.Data);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Timeline_AwareBeforeJubilee_PrintsEachDeadlineWithIsoDatesAndStatus()
    {
        var (exit, output, _) = Run("timeline", "--aware", "2022-05-27", "--today", "2022-06-02");

        exit.ShouldBe(0);
        var lines = output.Split('\n');
        lines.ShouldContain(l => l.StartsWith("Notify the Child Safeguarding Practice Review Panel", StringComparison.Ordinal) && l.Contains("2022-06-07") && l.Contains("due soon"));
        lines.ShouldContain(l => l.StartsWith("Send the rapid review", StringComparison.Ordinal) && l.Contains("2022-06-28") && l.Contains("upcoming"));
    }

    [Fact]
    public void Timeline_Rows_AreAlignedInColumns()
    {
        var (_, output, _) = Run("timeline", "--aware", "2022-05-27", "--today", "2022-06-02");

        var rows = output.Split('\n').Where(l => l.Contains("2022-06-", StringComparison.Ordinal) && !l.StartsWith("Became", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(3);
        rows.Select(r => r.IndexOf("2022-06-", StringComparison.Ordinal)).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void Timeline_BadDate_FailsWithOneLineError()
    {
        var (exit, output, error) = Run("timeline", "--aware", "2024-13-01");

        exit.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe("--aware: '2024-13-01' is not a date (use YYYY-MM-DD)");
    }

    [Fact]
    public void Timeline_MissingAware_Fails()
    {
        var (exit, _, error) = Run("timeline", "--today", "2024-01-01");

        exit.ShouldNotBe(0);
        error.ShouldContain("--aware");
    }

    [Fact]
    public void Timeline_DateAtEndOfCalendar_FailsPlainly()
    {
        var (exit, _, error) = Run("timeline", "--aware", "9999-12-30");

        exit.ShouldBe(2);
        error.ShouldContain("9999-12-31");
    }

    [Fact]
    public void Timeline_NotifiedBeforeAware_FailsWithOneLine()
    {
        var (exit, _, error) = Run("timeline", "--aware", "2024-03-04", "--notified", "2024-03-01");

        exit.ShouldBe(2);
        error.Trim().ShouldBe("timeline: the notification (2024-03-01) is before becoming aware (2024-03-04)");
    }

    [Fact]
    public void Timeline_Json_HasStatusesAndDoneDates()
    {
        var (exit, output, _) = Run("timeline", "--aware", "2022-05-27", "--notified", "2022-06-08", "--lcspr-start", "2022-08-31", "--today", "2022-06-30", "--json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var deadlines = json.RootElement.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("key").GetString()!);
        deadlines["notification"].GetProperty("status").GetString().ShouldBe("done");
        deadlines["notification"].GetProperty("onTime").GetBoolean().ShouldBeFalse();
        deadlines["rapid-review"].GetProperty("due").GetString().ShouldBe("2022-06-29");
        deadlines["rapid-review"].GetProperty("status").GetString().ShouldBe("overdue");
        deadlines["lcspr-publication"].GetProperty("due").GetString().ShouldBe("2023-02-28");
    }
}
