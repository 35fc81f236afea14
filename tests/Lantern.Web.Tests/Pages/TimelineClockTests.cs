using System.Text.RegularExpressions;
using Lantern.Web.Hosting;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Pages;

/// <summary>The timeline page reads today from the app's TimeProvider, so due soon/overdue are testable on a fixed day.</summary>
public sealed class TimelineClockTests
{
    [Fact]
    public async Task Timeline_OnAFixedDay_TagsTheNextDeadlineDueSoonAndTheLaterOneUpcoming()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-web-tests-" + Guid.NewGuid().ToString("N"));
        await using var app = LanternWebApp.Create(new LanternWebOptions
        {
            DataFolder = folder,
            Database = Lantern.Tests.Shared.Database.TestStore.ConnectionStringFor(folder),
            Urls = "http://127.0.0.1:0",
            ConsoleLogging = false,
            OpenLibrary = TestLibrary.Open,
            Clock = new FixedClock(new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero)),
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            // Aware Monday 2025-03-03: notification due 5 working days later (Monday 2025-03-10), one working day after Friday 7th.
            var html = await client.GetStringAsync("/timeline?aware=2025-03-03");

            html.ShouldContain("Today is 2025-03-07");
            Row(html, "notification").ShouldContain("2025-03-10");
            Row(html, "notification").ShouldContain("Due soon");
            Row(html, "rapid-review").ShouldContain("Upcoming");
        }
        finally
        {
            await app.StopAsync();
            Lantern.Tests.Shared.Database.TestStore.Release(folder);
        }
    }

    private static string Row(string html, string key) => Regex.Match(html, $"data-deadline=\"{key}\">[\\s\\S]*?</tr>").Value;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
