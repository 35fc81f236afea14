using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>Turns CR LF and lone CR into LF and drops NUL characters, so every later pass sees one kind of line break.</summary>
public sealed class LineEndingNormaliser : ITextNormaliser
{
    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\0", "", StringComparison.Ordinal);
    }
}
