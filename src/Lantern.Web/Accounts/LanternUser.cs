using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts;

/// <summary>An account. Its role is one of <see cref="LanternRoles"/>; a disabled account cannot sign in or use its tokens.</summary>
public sealed class LanternUser : IdentityUser
{
    public bool IsDisabled { get; set; }
}

/// <summary>A personal access token for the API. Only the SHA-256 of the token is stored.</summary>
public sealed class AccessToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>ISO-8601 UTC, as every timestamp in the library.</summary>
    public required string CreatedAt { get; set; }

    public string? RevokedAt { get; set; }
}

/// <summary>The three roles, seeded by migration 0006; each can do what the ones before it can.</summary>
public static class LanternRoles
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reader, Editor, Admin];

    /// <summary>The policy editor-only actions require (editor or admin).</summary>
    public const string EditorPolicy = "editor";

    /// <summary>The policy admin pages require.</summary>
    public const string AdminPolicy = "admin";

    public static string? Normalise(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
