using System.Buffers;
using System.Net;
using System.Text;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Decodes HTML entities, turns no-break and other Unicode spaces into plain spaces, drops zero-width characters,
/// byte-order marks and soft hyphens, and expands typographic ligatures (ﬁ → fi), so later passes compare plain text.
/// </summary>
public sealed class UnicodeCleanupNormaliser : ITextNormaliser
{
    // Every character the loop below changes or drops.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000"
        + "\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06\u2028\u2029");

    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        // Most texts hold none of the characters below: then there is nothing to rewrite.
        if (!text.AsSpan().ContainsAny(Special))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000':
                    sb.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E':
                    break;
                case '\uFB00': sb.Append("ff"); break;
                case '\uFB01': sb.Append("fi"); break;
                case '\uFB02': sb.Append("fl"); break;
                case '\uFB03': sb.Append("ffi"); break;
                case '\uFB04': sb.Append("ffl"); break;
                case '\uFB05' or '\uFB06': sb.Append("st"); break;
                case '\u2028' or '\u2029': sb.Append('\n'); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
