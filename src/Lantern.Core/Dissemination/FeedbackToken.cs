using System.Security.Cryptography;
using System.Text;

namespace Lantern.Core.Dissemination;

/// <summary>
/// The secret in a team's feedback link: 32 random bytes (256 bits) as base64url, so it cannot be guessed. Only its
/// SHA-256 is stored, so a copy of the database does not hold working links.
/// </summary>
public static class FeedbackToken
{
    /// <summary>Length of a token in characters (43: 32 bytes in unpadded base64url).</summary>
    public const int Length = 43;

    /// <summary>A new token from the system's cryptographic random number generator.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The lower-case hex SHA-256 of the token's UTF-8 bytes, as stored.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether the text has the shape of a token (43 base64url characters); anything else is refused unread.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
