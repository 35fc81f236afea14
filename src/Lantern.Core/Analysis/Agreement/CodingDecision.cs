namespace Lantern.Core.Analysis.Agreement;

/// <summary>What a human coder said about one theme on one review.</summary>
public enum CodingVerdict
{
    /// <summary>The automatic code is right: the theme applies.</summary>
    Confirmed = 0,

    /// <summary>The automatic code is wrong: the theme does not apply.</summary>
    Rejected = 1,

    /// <summary>The coder added a theme the automatic coder missed: the theme applies.</summary>
    Added = 2,
}

/// <summary>
/// One human decision on one theme of one review. Decisions are kept, never overwritten, so the latest
/// decision per coder and theme is the one that counts (see <see cref="EffectiveCoding"/>).
/// </summary>
/// <param name="ThemeCode">The codebook code the decision is about, e.g. <c>information-sharing</c>.</param>
/// <param name="Verdict">Confirmed, rejected or added.</param>
/// <param name="Coder">Who decided (a user name); never empty.</param>
/// <param name="At">When the decision was made (from a <see cref="TimeProvider"/>).</param>
/// <param name="Note">An optional reason in the coder's words.</param>
public sealed record CodingDecision(string ThemeCode, CodingVerdict Verdict, string Coder, DateTimeOffset At, string? Note = null)
{
    /// <summary>True when the decision says the theme applies (confirmed or added).</summary>
    public bool Applies => Verdict is CodingVerdict.Confirmed or CodingVerdict.Added;
}

/// <summary>Where the effective value of a theme came from.</summary>
public enum CodingSource
{
    /// <summary>The automatic coder's output, not yet reviewed by a person.</summary>
    Automatic = 0,

    /// <summary>A human decision (which wins over the automatic coder).</summary>
    Human = 1,
}

/// <summary>One theme in a review's effective coding.</summary>
/// <param name="ThemeCode">The codebook code.</param>
/// <param name="Source">Whether a person decided it or the automatic coder.</param>
/// <param name="Decision">The human decision that settled it, if any.</param>
public sealed record EffectiveTheme(string ThemeCode, CodingSource Source, CodingDecision? Decision);
