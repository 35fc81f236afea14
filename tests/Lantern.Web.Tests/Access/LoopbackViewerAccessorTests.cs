using System.Net;
using Lantern.Core.Model;
using Lantern.Web.Access;
using Microsoft.AspNetCore.Http;

namespace Lantern.Web.Tests.Access;

public sealed class LoopbackViewerAccessorTests
{
    private static Viewer ViewerFrom(string? address)
    {
        var context = new DefaultHttpContext();
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
}
