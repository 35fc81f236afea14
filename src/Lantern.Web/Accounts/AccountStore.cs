using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantern.Storage.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Accounts;

public sealed record AccountSummary(string UserName, string Role, bool Disabled, bool LockedOut);

public sealed record TokenSummary(long Id, string UserName, string Name, string CreatedAt, string? RevokedAt);

/// <summary>What an account change did: success, or why not in words a person can act on.</summary>
public sealed record AccountResult(bool Succeeded, string Message, string? Token = null);

/// <summary>
/// Accounts, roles and access tokens: the one set of operations behind <c>lantern users</c>, <c>lantern tokens</c>
/// and the admin pages. Every change is written to the audit trail with who made it and from where.
/// </summary>
public sealed class AccountStore(UserManager<LanternUser> users, LanternIdentityDbContext db, IReviewLibrary library, TimeProvider clock)
{
    private const string TokenPrefix = "lantern_";

    public async Task<AccountResult> AddAsync(string userName, string password, string role, string actor, string? address, CancellationToken cancellationToken = default)
    {
        var name = userName?.Trim() ?? "";
        if (name.Length == 0)
        {
            return new(false, "Give the user a name.");
        }

        if (LanternRoles.Normalise(role) is not { } normalisedRole)
        {
            return new(false, $"Role '{role}' is not known: use reader, editor or admin.");
        }

        if (await users.FindByNameAsync(name) is not null)
        {
            return new(false, $"There is already a user called '{name}'.");
        }

        var user = new LanternUser { UserName = name, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return new(false, Describe(created));
        }

        var added = await users.AddToRoleAsync(user, normalisedRole);
        if (!added.Succeeded)
        {
            return new(false, Describe(added));
        }

        await library.AppendAuditAsync(actor, "user-add", address, $"{name} as {normalisedRole}", cancellationToken);
        return new(true, $"Added {name} as {normalisedRole}.");
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Users.OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. all.Select(u => new AccountSummary(
            u.UserName ?? "",
            HighestRole(roles.Where(r => r.UserId == u.Id).Select(r => r.RoleId)),
            u.IsDisabled,
            u.LockoutEnd is { } end && end > now))];
    }

    public async Task<AccountResult> SetDisabledAsync(string userName, bool disabled, string actor, string? address, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(userName?.Trim() ?? "") is not { } user)
        {
            return NoSuchUser(userName);
        }

        if (disabled && await IsLastEnabledAdminAsync(user))
        {
            return LastAdmin(user);
        }

        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return new(false, Describe(updated));
        }

        // A new security stamp ends the account's cookies at their next check.
        await users.UpdateSecurityStampAsync(user);
        if (!disabled)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        await library.AppendAuditAsync(actor, disabled ? "user-disable" : "user-enable", address, user.UserName, cancellationToken);
        return new(true, $"{(disabled ? "Disabled" : "Enabled")} {user.UserName}.");
    }

    public async Task<AccountResult> ResetPasswordAsync(string userName, string password, string actor, string? address, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(userName?.Trim() ?? "") is not { } user)
        {
            return NoSuchUser(userName);
        }

        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password ?? "");
            if (!valid.Succeeded)
            {
                return new(false, Describe(valid));
            }
        }

        await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, password ?? "");
        if (!added.Succeeded)
        {
            return new(false, Describe(added));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await library.AppendAuditAsync(actor, "user-reset", address, user.UserName, cancellationToken);
        return new(true, $"Set a new password for {user.UserName}.");
    }

    public async Task<AccountResult> SetRoleAsync(string userName, string role, string actor, string? address, CancellationToken cancellationToken = default)
    {
        if (LanternRoles.Normalise(role) is not { } normalisedRole)
        {
            return new(false, $"Role '{role}' is not known: use reader, editor or admin.");
        }

        if (await users.FindByNameAsync(userName?.Trim() ?? "") is not { } user)
        {
            return NoSuchUser(userName);
        }

        var current = await users.GetRolesAsync(user);
        var before = HighestRole(current);
        if (normalisedRole != LanternRoles.Admin && await IsLastEnabledAdminAsync(user))
        {
            return LastAdmin(user);
        }

        if (current.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, current);
        }

        await users.AddToRoleAsync(user, normalisedRole);
        await users.UpdateSecurityStampAsync(user);
        await library.AppendAuditAsync(actor, "user-role", address, $"{user.UserName}: {before} -> {normalisedRole}", cancellationToken);
        return new(true, $"{user.UserName} is now {normalisedRole}.");
    }

    // Disabling or demoting the only enabled admin would leave nobody able to manage accounts from the web.
    private async Task<bool> IsLastEnabledAdminAsync(LanternUser user)
    {
        if (user.IsDisabled || !await users.IsInRoleAsync(user, LanternRoles.Admin))
        {
            return false;
        }

        var admins = await users.GetUsersInRoleAsync(LanternRoles.Admin);
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    private static AccountResult LastAdmin(LanternUser user) =>
        new(false, $"{user.UserName} is the only enabled admin: make another user admin first (lantern users role NAME admin).");

    /// <summary>Makes a token for <paramref name="userName"/>; the token itself is in the result, shown once and never stored.</summary>
    public async Task<AccountResult> CreateTokenAsync(string userName, string tokenName, string actor, string? address, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(userName?.Trim() ?? "") is not { } user)
        {
            return NoSuchUser(userName);
        }

        var name = string.IsNullOrWhiteSpace(tokenName) ? "token" : tokenName.Trim();
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.AccessTokens.Add(new AccessToken
        {
            UserId = user.Id,
            Name = name,
            TokenHash = Hash(token),
            CreatedAt = clock.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(cancellationToken);
        await library.AppendAuditAsync(actor, "token-create", address, $"{name} for {user.UserName}", cancellationToken);
        return new(true, $"Created token '{name}' for {user.UserName}.", token);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListTokensAsync(string? userName = null, CancellationToken cancellationToken = default)
    {
        var rows = await (from t in db.AccessTokens
                          join u in db.Users on t.UserId equals u.Id
                          orderby t.Id
                          select new { t.Id, u.UserName, t.Name, t.CreatedAt, t.RevokedAt }).ToListAsync(cancellationToken);
        return [.. rows
            .Where(r => userName is null || string.Equals(r.UserName, userName.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(r => new TokenSummary(r.Id, r.UserName ?? "", r.Name, r.CreatedAt, r.RevokedAt))];
    }

    public async Task<AccountResult> RevokeTokenAsync(long id, string actor, string? address, CancellationToken cancellationToken = default)
    {
        if (await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } token)
        {
            return new(false, $"There is no token {id}.");
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            await db.SaveChangesAsync(cancellationToken);
            await library.AppendAuditAsync(actor, "token-revoke", address, $"{token.Id} ({token.Name})", cancellationToken);
        }

        return new(true, $"Revoked token {id} ({token.Name}).");
    }

    /// <summary>The enabled account a presented token belongs to; null when the token is unknown, revoked or its account disabled.</summary>
    public async Task<LanternUser?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var user = await users.FindByIdAsync(found.UserId);
        return user is { IsDisabled: false } ? user : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string HighestRole(IEnumerable<string> roles)
    {
        var set = roles.Select(r => r.ToLowerInvariant()).ToHashSet();
        return set.Contains(LanternRoles.Admin) ? LanternRoles.Admin
            : set.Contains(LanternRoles.Editor) ? LanternRoles.Editor
            : LanternRoles.Reader;
    }

    private static AccountResult NoSuchUser(string? userName) => new(false, $"There is no user called '{userName}'.");

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
