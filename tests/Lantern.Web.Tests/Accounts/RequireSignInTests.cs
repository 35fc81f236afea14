using System.Net;
using Lantern.Web.Accounts;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Accounts;

/// <summary>With <c>--require-sign-in</c>, nothing but the sign-in page, health check and teams' feedback links answers anyone not signed in.</summary>
public sealed class RequireSignInTests : IAsyncLifetime
{
    private readonly LanternServer _server = new() { RequireSignIn = true };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task AnonymousVisitors_AreSentToSignIn_AndTheApiAnswers401()
    {
        using var anonymous = _server.NewClient(null);
        using var home = await anonymous.GetAsync("/search?q=neglect");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        (await anonymous.GetAsync("/api/v1/search?q=neglect")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/account/sign-in")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A team's feedback link needs no account (its token is the permission): a guessed one is simply not found.
        (await anonymous.GetAsync("/feedback/" + new string('A', 43))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var reader = _server.NewClient(LanternRoles.Reader);
        (await reader.GetAsync("/search?q=neglect")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync("/api/v1/search?q=neglect")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
