using System.Net;
using Lantern.Core.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Access;

/// <summary>
/// The one source of the <see cref="Viewer"/> a request is answered for. Every page and endpoint asks this service,
/// so that when accounts arrive only its implementation changes.
/// </summary>
public interface IViewerAccessor
{
    Viewer Current { get; }
}

/// <summary>
/// TEMPORARY, until accounts exist: a request from the loopback address is the person at the machine running a
/// single-user local install, treated as a local Editor (may see restricted material and upload); any other
/// address is Anonymous (public material only, no upload). Replace with a claims-based accessor with accounts.
/// The Host header must name the machine itself too (localhost, 127.0.0.1, [::1]): otherwise a web page the user
/// visits could rebind its own domain name to 127.0.0.1 and read restricted material as the local editor.
/// </summary>
internal sealed class LoopbackViewerAccessor(IHttpContextAccessor http) : IViewerAccessor
{
    internal static readonly Viewer LocalEditor = new("local", Role.Editor);

    public Viewer Current
    {
        get
        {
            var context = http.HttpContext;
            var address = context?.Connection.RemoteIpAddress;
            return address is not null && IPAddress.IsLoopback(address) && IsLoopbackHost(context!.Request.Host.Host)
                ? LocalEditor
                : Viewer.Anonymous;
        }
    }

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

internal static class ViewerAccessExtensions
{
    public static IServiceCollection AddViewerAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IViewerAccessor, LoopbackViewerAccessor>();
        return services;
    }
}
