using Lantern.Core.Model;

namespace Lantern.Core.Loading;

/// <summary>What a format reader produced: the text, or a rejection, plus any warnings.</summary>
internal sealed record LoadResult(string Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsRejected => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public static LoadResult Ok(string text, params Diagnostic[] warnings) => new(text, warnings);

    public static LoadResult Reject(string code, string fileName, string problem) =>
        new("", [Diagnostic.Error(code, $"{fileName}: {problem}")]);
}

/// <summary>The codes of the error diagnostics a rejected <see cref="SourceDocument"/> carries.</summary>
public static class LoadErrorCodes
{
    public const string UnsupportedType = "load-unsupported-type";
    public const string TooLarge = "load-too-large";
    public const string Empty = "load-empty";
    public const string Binary = "load-binary";
    public const string NotPdf = "load-not-pdf";
    public const string PdfToolMissing = "load-pdftotext-missing";
    public const string PdfFailed = "load-pdf-failed";
    public const string PdfNoText = "load-pdf-no-text";
    public const string DocxDamaged = "load-docx-damaged";
    public const string ZipBomb = "load-zip-bomb";
    public const string NotWord = "load-not-word";

    /// <summary>A reader failed in a way no specific check caught; the message carries the reader's explanation.</summary>
    public const string Unreadable = "load-unreadable";

    /// <summary>Warning (not a rejection): the text was not UTF-8 and was read as Windows-1252.</summary>
    public const string EncodingFallback = "load-encoding-fallback";
}
