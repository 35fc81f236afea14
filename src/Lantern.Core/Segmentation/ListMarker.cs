using System.Text.RegularExpressions;

namespace Lantern.Core.Segmentation;

/// <summary>Recognises list markers (bullets, "..", "1.", "(a)", "- 1.") at the start of a line.</summary>
public static partial class ListMarker
{
    /// <summary>
    /// Length of the list marker (with the spaces after it) at the start of <paramref name="line"/>, or 0 when the
    /// line is not a list item. Markers may be stacked ("- 1. ").
    /// </summary>
    public static int MarkerLength(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Marker().Match(line);
        return match.Success ? match.Length : 0;
    }

    /// <summary>Length of a leading number ("3.", "3)", "3 ") as used on numbered headings; 0 when there is none.</summary>
    public static int NumberPrefixLength(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = NumberPrefix().Match(line);
        return match.Success ? match.Length : 0;
    }

    /// <summary>As <see cref="NumberPrefixLength(string)"/>, for a line read in place.</summary>
    internal static int NumberPrefixLength(ReadOnlySpan<char> line)
    {
        // The pattern is anchored at the start: its one match, if any, is the prefix.
        foreach (var match in NumberPrefix().EnumerateMatches(line))
        {
            return match.Length;
        }

        return 0;
    }

    [GeneratedRegex(@"^(?:(?:[-•·▪◦●■►➢✓–—]|\*(?!\*)|\.\.+|…)\s*|\d{1,2}[.)]\s+|\(\d{1,2}\)\s+|[a-z][.)]\s+|\([a-z]\)\s+|\(?[ivx]{1,4}\)\s+)+")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?:step\s+)?\d{1,2}(?:[.):]|\s*[-–—])?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPrefix();
}
