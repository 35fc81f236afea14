using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lantern.Web.Accounts;

/// <summary>Signs an API request in by its personal access token (<c>Authorization: Bearer lantern_…</c>).</summary>
internal sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountStore accounts,
    IUserClaimsPrincipalFactory<LanternUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public static bool HasBearer(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (await accounts.FindByTokenAsync(token, Context.RequestAborted) is not { } user)
        {
            return AuthenticateResult.Fail("The access token is unknown or revoked, or its account is disabled.");
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>Identity's sign-in manager, refusing disabled accounts.</summary>
public sealed class LanternSignInManager(
    UserManager<LanternUser> userManager,
    Microsoft.AspNetCore.Http.IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<LanternUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<LanternUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LanternUser> confirmation)
    : SignInManager<LanternUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(LanternUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }
}
