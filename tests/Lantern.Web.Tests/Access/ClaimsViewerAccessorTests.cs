using System.Net;
using System.Security.Claims;
using Lantern.Core.Model;
using Lantern.Web.Access;
using Microsoft.AspNetCore.Http;

namespace Lantern.Web.Tests.Access;

public sealed class ClaimsViewerAccessorTests
{
    private static Viewer ViewerFrom(ClaimsPrincipal user, string address = "10.1.2.3")
    {
        var context = new DefaultHttpContext { User = user };
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return new ClaimsViewerAccessor(new HttpContextAccessor { HttpContext = context }).Current;
    }

    private static ClaimsPrincipal SignedIn(string name, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    [Fact]
    public void Current_NotSignedIn_IsAnonymous_EvenFromLoopback_WithTheAddressForTheAuditTrail()
    {
        var viewer = ViewerFrom(new ClaimsPrincipal(new ClaimsIdentity()), "127.0.0.1");
        viewer.Role.ShouldBe(Role.Anonymous);
        viewer.CanSee(Visibility.Restricted).ShouldBeFalse();
        viewer.Address.ShouldBe("127.0.0.1");
    }

    [Theory]
    [InlineData("reader", Role.Reader, false)]
    [InlineData("editor", Role.Editor, true)]
    [InlineData("admin", Role.Admin, true)]
    public void Current_SignedIn_TakesTheRoleFromTheClaims(string role, Role expected, bool seesRestricted)
    {
        var viewer = ViewerFrom(SignedIn("alice", role));
        viewer.UserName.ShouldBe("alice");
        viewer.Role.ShouldBe(expected);
        viewer.CanSee(Visibility.Restricted).ShouldBe(seesRestricted);
        viewer.Address.ShouldBe("10.1.2.3");
    }

    [Fact]
    public void Current_SignedInWithoutARole_IsAReader()
    {
        ViewerFrom(SignedIn("bob")).Role.ShouldBe(Role.Reader);
    }
}
