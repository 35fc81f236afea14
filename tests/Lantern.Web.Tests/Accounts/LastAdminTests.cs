using Lantern.Web.Accounts;
using Lantern.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Accounts;

/// <summary>The only enabled admin can be neither disabled nor demoted, so the library never loses its last manager.</summary>
public sealed class LastAdminTests : IAsyncLifetime
{
    private readonly LanternServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task OnlyEnabledAdmin_CannotBeDisabledOrDemoted_UntilThereIsAnother()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
        const string admin = "test-" + LanternRoles.Admin;
        (await accounts.ListAsync()).Count(a => a.Role == LanternRoles.Admin && !a.Disabled).ShouldBe(1);

        var disable = await accounts.SetDisabledAsync(admin, true, "tests", null);
        disable.Succeeded.ShouldBeFalse();
        disable.Message.ShouldContain("only enabled admin");
        (await accounts.SetRoleAsync(admin, LanternRoles.Editor, "tests", null)).Succeeded.ShouldBeFalse();
        (await accounts.ListAsync()).Single(a => a.UserName == admin).ShouldBe(new AccountSummary(admin, LanternRoles.Admin, false, false));

        // Re-stating the role is not a demotion.
        (await accounts.SetRoleAsync(admin, LanternRoles.Admin, "tests", null)).Succeeded.ShouldBeTrue();

        (await accounts.AddAsync("second-admin", LanternServer.Password, LanternRoles.Admin, "tests", null)).Succeeded.ShouldBeTrue();
        (await accounts.SetDisabledAsync(admin, true, "tests", null)).Succeeded.ShouldBeTrue();
        (await accounts.SetRoleAsync("second-admin", LanternRoles.Reader, "tests", null)).Succeeded.ShouldBeFalse();
        (await accounts.SetDisabledAsync(admin, false, "tests", null)).Succeeded.ShouldBeTrue();
        (await accounts.SetRoleAsync("second-admin", LanternRoles.Reader, "tests", null)).Succeeded.ShouldBeTrue();
    }
}
