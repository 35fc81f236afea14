using System.Net;
using Lantern.Web.Hosting;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Dissemination;

/// <summary>The feedback form needs no account, so one address may ask for it only so often: guessing tokens stalls.</summary>
public sealed class FeedbackRateLimitTests : IAsyncLifetime
{
    private readonly LanternServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task FeedbackForm_MoreRequestsThanTheLimitInAMinute_AreAnswered429_OtherPagesAreNot()
    {
        using var client = _server.NewClient(null);
        var limit = new LanternWebOptions { DataFolder = "unused" }.FeedbackRequestsPerMinute;
        for (var i = 0; i < limit; i++)
        {
            // Guessed tokens: not found, and each one counts.
            (await client.GetAsync("/feedback/" + new string((char)('A' + (i % 26)), 43))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var refused = await client.GetAsync("/feedback/" + new string('Z', 43));
        refused.StatusCode.ShouldBe((HttpStatusCode)429);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many requests");
        (await client.GetAsync("/search?q=neglect")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
