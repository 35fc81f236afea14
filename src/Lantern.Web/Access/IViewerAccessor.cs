using Lantern.Core.Model;
using Lantern.Web.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Access;

/// <summary>
/// The one source of the <see cref="Viewer"/> a request is answered for. Every page and endpoint asks this service.
/// </summary>
public interface IViewerAccessor
{
    Viewer Current { get; }
}

/// <summary>
/// The viewer from the signed-in account (cookie or access token): reader, editor or admin by the account's role;
/// anyone not signed in is Anonymous and sees public material only. Carries the client's address for the audit trail.
/// </summary>
internal sealed class ClaimsViewerAccessor(IHttpContextAccessor http) : IViewerAccessor
{
    public Viewer Current
    {
        get
        {
            if (http.HttpContext is not { } context)
            {
                return Viewer.Anonymous;
            }

            var address = context.Connection.RemoteIpAddress?.ToString();
            var user = context.User;
            if (user.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
            {
                return Viewer.Anonymous with { Address = address };
            }

            var role = user.IsInRole(LanternRoles.Admin) ? Role.Admin
                : user.IsInRole(LanternRoles.Editor) ? Role.Editor
                : Role.Reader;
            return new Viewer(name, role) { Address = address };
        }
    }
}

internal static class ViewerAccessExtensions
{
    public static IServiceCollection AddViewerAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IViewerAccessor, ClaimsViewerAccessor>();
        return services;
    }
}
