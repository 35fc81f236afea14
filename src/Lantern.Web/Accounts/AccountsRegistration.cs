using Lantern.Storage.Library;
using Lantern.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Accounts;

internal static class AccountsRegistration
{
    private const string DefaultScheme = "lantern";

    /// <summary>Identity over the library's database: passwords, lockout and roles, shared by the web app and the CLI.</summary>
    public static IdentityBuilder AddLanternIdentity(this IServiceCollection services, LibraryLocation location)
    {
        services.AddDbContext<LanternIdentityDbContext>(db => AccountDatabase.Configure(db, location));
        services.AddScoped<AccountStore>();
        return services.AddIdentityCore<LanternUser>(identity =>
            {
                identity.User.RequireUniqueEmail = false;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LanternIdentityDbContext>();
    }

    /// <summary>Cookie sign-in for pages, personal access tokens for the API, and the reader/editor/admin policies.</summary>
    public static IServiceCollection AddLanternAccounts(this IServiceCollection services, LanternWebOptions options)
    {
        services.AddLanternIdentity(new LibraryLocation(options.DataFolder, options.Database)).AddSignInManager<LanternSignInManager>();
        services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = DefaultScheme;
                auth.DefaultChallengeScheme = DefaultScheme;
                auth.DefaultForbidScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Cookie or access token", policy =>
                policy.ForwardDefaultSelector = context => AccessTokenHandler.HasBearer(context.Request)
                    ? AccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "lantern-auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/sign-in";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Every request signed in with a cookie checks the account's security stamp, which disabling the account,
        // changing its role or resetting its password renews: such a change takes effect at the person's next request,
        // not up to a minute later. The check is one read of the account (and its roles) per signed-in request.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(LanternRoles.EditorPolicy, policy => policy.RequireRole(LanternRoles.Editor, LanternRoles.Admin))
            .AddPolicy(LanternRoles.AdminPolicy, policy => policy.RequireRole(LanternRoles.Admin))
            .SetFallbackPolicy(options.RequireSignIn ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build() : null);
        return services;
    }

    // Pages send a person to the sign-in page; the API answers with a status code a client can act on.
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The account operations outside the web app (the <c>lantern users</c> and <c>tokens</c> verbs): Identity over the
/// library in <paramref name="dataFolder"/>, which must already be open (and so migrated).
/// </summary>
public sealed class AccountServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    private AccountServices(ServiceProvider provider)
    {
        _provider = provider;
        _scope = provider.CreateAsyncScope();
    }

    public AccountStore Accounts => _scope.ServiceProvider.GetRequiredService<AccountStore>();

    public static AccountServices Open(LibraryLocation location, Lantern.Storage.Abstractions.IReviewLibrary library, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(library);
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddLanternIdentity(location);
        return new AccountServices(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
