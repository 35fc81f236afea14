using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Lantern.Core.Model;

namespace Lantern.Core.Loading;

/// <summary>
/// Turns the bytes of a text format into a string: a byte-order mark picks UTF-8 or UTF-16 (LE/BE); otherwise UTF-8,
/// falling back to Windows-1252 with a warning when the bytes are not valid UTF-8 but read as that code page.
/// Bytes that are not text (NUL bytes, mostly control characters) are rejected as binary.
/// </summary>
internal static class TextDecoder
{
    // Windows-1252 leaves these five bytes undefined; text that holds them is not Windows-1252.
    private static readonly SearchValues<byte> Undefined1252 = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);

    // Every character char.IsControl accepts (U+0000–U+001F, U+007F–U+009F) except line feed, carriage return, tab and form feed.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')).ToArray());

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static LoadResult Decode(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8(fileName, bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return CheckText(fileName, Encoding.Unicode.GetString(bytes[2..]));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return CheckText(fileName, Encoding.BigEndianUnicode.GetString(bytes[2..]));
        }

        if (LooksLikeUtf16LittleEndian(bytes))
        {
            return CheckText(fileName, Encoding.Unicode.GetString(bytes));
        }

        return Utf8(fileName, bytes);
    }

    private static LoadResult Utf8(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return Binary(fileName);
        }

        // Valid UTF-8 (nearly every file) is decoded straight into the string, with no intermediate char array.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return CheckText(fileName, Encoding.UTF8.GetString(bytes));
        }

        // Where the first invalid byte is, for the warning below.
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var bytesRead, out _, replaceInvalidSequences: false);
        ArrayPool<char>.Shared.Return(chars);

        // Not UTF-8: text saved by older Windows programs is usually Windows-1252 ("smart quotes" as 0x91–0x94).
        if (bytes.ContainsAny(Undefined1252))
        {
            return Binary(fileName);
        }

        var text = Encoding.GetEncoding(1252).GetString(bytes);
        var result = CheckText(fileName, text);
        return result.IsRejected
            ? result
            : LoadResult.Ok(result.Text, Diagnostic.Warning(LoadErrorCodes.EncodingFallback,
                $"{fileName}: not valid UTF-8 (the first invalid byte is at offset {bytesRead}); read it as Windows-1252 text"));
    }

    private static LoadResult CheckText(string fileName, string text)
    {
        // Most text holds no control character but line breaks, tabs and form feeds: one vectorised search finds the
        // first of the others (NUL included), and the count below starts there.
        var first = text.AsSpan().IndexOfAny(ControlCharacters);
        if (first < 0)
        {
            return LoadResult.Ok(text);
        }

        var control = 0;
        foreach (var c in text.AsSpan(first))
        {
            if (c == '\0')
            {
                return Binary(fileName);
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        // A few stray control characters happen in real text; a binary file is full of them.
        return control > 8 && control * 20 > text.Length ? Binary(fileName) : LoadResult.Ok(text);
    }

    private static bool LooksLikeUtf16LittleEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        int oddZeros = 0, evenZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 1) { oddZeros++; } else { evenZeros++; }
            }
        }

        return oddZeros * 10 >= sample.Length / 2 * 9 && evenZeros == 0;
    }

    private static LoadResult Binary(string fileName) =>
        LoadResult.Reject(LoadErrorCodes.Binary, fileName, "looks like a binary file, not text");
}
