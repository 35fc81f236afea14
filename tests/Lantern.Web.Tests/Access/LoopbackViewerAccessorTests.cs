using System.Net;
using Lantern.Core.Model;
using Lantern.Web.Access;
using Microsoft.AspNetCore.Http;

namespace Lantern.Web.Tests.Access;

public sealed class LoopbackViewerAccessorTests
{
    private static Viewer ViewerFrom(string? address, string host = "127.0.0.1:5080")
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        return new LoopbackViewerAccessor(new HttpContextAccessor { HttpContext = context }).Current;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Current_FromLoopback_IsTheLocalEditor(string address)
    {
        var viewer = ViewerFrom(address);
        viewer.Role.ShouldBe(Role.Editor);
        viewer.CanSee(Visibility.Restricted).ShouldBeTrue();
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.5")]
    [InlineData("2001:db8::1")]
    [InlineData(null)]
    public void Current_FromAnyOtherAddress_IsAnonymousAndSeesOnlyPublicMaterial(string? address)
    {
        var viewer = ViewerFrom(address);
        viewer.ShouldBe(Viewer.Anonymous);
        viewer.CanSee(Visibility.Restricted).ShouldBeFalse();
        viewer.CanEdit.ShouldBeFalse();
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("[::1]:5080")]
    public void Current_FromLoopbackWithALoopbackHostName_IsTheLocalEditor(string host) =>
        ViewerFrom("127.0.0.1", host).Role.ShouldBe(Role.Editor);

    [Fact]
    public void Current_FromLoopbackButAnotherSitesHostName_IsAnonymous_SoDnsRebindingSeesNothingRestricted() =>
        ViewerFrom("127.0.0.1", "attacker.example:5080").ShouldBe(Viewer.Anonymous);
}
