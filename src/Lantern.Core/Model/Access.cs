namespace Lantern.Core.Model;

/// <summary>Who may see a document: everyone, or editors and admins only.</summary>
public enum Visibility
{
    Public = 0,
    Restricted = 1,
}

/// <summary>A user's role. Ordered: each role can do what the ones below it can.</summary>
public enum Role
{
    Anonymous = 0,
    Reader = 1,
    Editor = 2,
    Admin = 3,
}

/// <summary>
/// The person a query is answered for. Every read of the library takes a viewer, and the storage layer applies
/// <see cref="CanSee"/> in one place, so that restricted material never leaks through a page, count or export.
/// </summary>
public sealed record Viewer(string? UserName, Role Role)
{
    /// <summary>Someone not signed in.</summary>
    public static readonly Viewer Anonymous = new(null, Role.Anonymous);

    /// <summary>The local operator of the command line, who owns the data folder.</summary>
    public static readonly Viewer LocalOperator = new("local", Role.Admin);

    /// <summary>Where the request came from (the client's IP address) for the audit trail; null off the web.</summary>
    public string? Address { get; init; }

    public bool CanSeeRestricted => Role >= Role.Editor;

    public bool CanEdit => Role >= Role.Editor;

    public bool IsAdmin => Role >= Role.Admin;

    public bool CanSee(Visibility visibility) => visibility == Visibility.Public || CanSeeRestricted;
}
