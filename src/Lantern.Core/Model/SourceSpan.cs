namespace Lantern.Core.Model;

/// <summary>
/// A range of characters in a document's normalised text: the evidence behind an extracted value.
/// </summary>
/// <param name="Start">Zero-based offset of the first character in the normalised text.</param>
/// <param name="Length">Number of characters (UTF-16 code units); zero for an empty span.</param>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Builds a span from a start and an exclusive end offset.</summary>
    public static SourceSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(SourceSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>The text this span covers in <paramref name="text"/>, clamped to its bounds.</summary>
    public string Slice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(Start, 0, text.Length);
        var end = Math.Clamp(End, start, text.Length);
        return text[start..end];
    }

    public override string ToString() => $"{Start}..{End}";
}
