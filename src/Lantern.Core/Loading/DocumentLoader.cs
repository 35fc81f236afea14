using System.Security.Cryptography;
using Lantern.Core.Model;

namespace Lantern.Core.Loading;

/// <summary>
/// Reads a file of a supported format (.txt, .md/.markdown, .html/.htm, .docx, .pdf; the extension decides, in any
/// case) into a <see cref="SourceDocument"/>. Never throws for bad content: an unreadable file comes back rejected,
/// with empty <see cref="SourceDocument.RawText"/> and an error diagnostic whose message names the file and the problem
/// in plain English (see <see cref="SourceDocumentExtensions.IsRejected"/> and <see cref="LoadErrorCodes"/>).
/// <see cref="SourceDocument.Sha256"/>, <see cref="SourceDocument.Format"/> and <see cref="SourceDocument.Length"/> are
/// always set, except that a file <see cref="Load(string)"/> rejects before reading it (too large, or an unsupported
/// type) has an empty SHA-256.
/// </summary>
public sealed class DocumentLoader
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "txt",
        [".md"] = "md",
        [".markdown"] = "md",
        [".html"] = "html",
        [".htm"] = "html",
        [".docx"] = "docx",
        [".pdf"] = "pdf",
    };

    /// <summary>Largest file accepted, in bytes (default 100 MiB). Checked from the file's length before it is read.</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>
    /// The pdftotext program to run; null (the default) means the <c>LANTERN_PDFTOTEXT</c> environment variable when set,
    /// else pdftotext on PATH.
    /// </summary>
    public string? PdfToTextPath { get; init; }

    /// <summary>How long pdftotext may run on one file (default 60 seconds) before the PDF is rejected.</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Loads a file from disk; a file larger than <see cref="MaxBytes"/> is rejected without being read.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="IOException">The file exists but could not be read (permissions, a device error).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public SourceDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"no file at {path}", path);
        }

        var fileName = info.Name;
        var format = FormatOf(fileName);
        if (format is null)
        {
            return Rejected(fileName, "", info.Length, Unsupported(fileName));
        }

        if (info.Length > MaxBytes)
        {
            return Rejected(fileName, format, info.Length, TooLarge(fileName, info.Length));
        }

        var bytes = File.ReadAllBytes(info.FullName);

        // The full path, so a file named like an option ("-x.pdf") is never read as one by pdftotext.
        return LoadBytes(fileName, bytes, format, info.FullName);
    }

    /// <summary>Loads a file's bytes; <paramref name="fileName"/> decides the format by its extension.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SourceDocument Load(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        fileName = Path.GetFileName(fileName);
        var format = FormatOf(fileName);
        if (format is null)
        {
            return Document(fileName, bytes, ExtensionOf(fileName), Unsupported(fileName));
        }

        return LoadBytes(fileName, bytes, format, existingPath: null);
    }

    /// <summary>The format name (txt, md, html, docx, pdf) a file name's extension selects, or null when unsupported.</summary>
    public static string? FormatOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Formats.GetValueOrDefault(Path.GetExtension(fileName));
    }

    private SourceDocument LoadBytes(string fileName, byte[] bytes, string format, string? existingPath)
    {
        if (bytes.LongLength > MaxBytes)
        {
            return Document(fileName, bytes, format, TooLarge(fileName, bytes.LongLength));
        }

        if (bytes.Length == 0)
        {
            return Document(fileName, bytes, format, Empty(fileName));
        }

        LoadResult result;
        try
        {
            result = format switch
            {
                "txt" or "md" => TextDecoder.Decode(fileName, bytes),
                "html" => ReadHtml(fileName, bytes),
                "docx" => DocxTextReader.Read(fileName, bytes),
                _ => PdfTextReader.Read(fileName, bytes, existingPath, PdfToTextPath, PdfTimeout),
            };
        }
#pragma warning disable CA1031 // Bad content must never throw: any reader failure becomes a rejection naming the file.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            result = LoadResult.Reject(LoadErrorCodes.Unreadable, fileName, $"could not be read as {format} ({ex.Message.TrimEnd('.')})");
        }

        if (!result.IsRejected && string.IsNullOrWhiteSpace(result.Text))
        {
            result = format == "docx"
                ? LoadResult.Reject(LoadErrorCodes.Empty, fileName, "the document has no text (only pictures or empty pages?)")
                : Empty(fileName);
        }

        return Document(fileName, bytes, format, result);
    }

    private static LoadResult ReadHtml(string fileName, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(fileName, bytes);
        if (decoded.IsRejected || string.IsNullOrWhiteSpace(decoded.Text))
        {
            return decoded;
        }

        var text = HtmlTextReader.Read(decoded.Text);
        return string.IsNullOrWhiteSpace(text)
            ? LoadResult.Reject(LoadErrorCodes.Empty, fileName, "the page has no readable text")
            : decoded with { Text = text };
    }

    private static SourceDocument Document(string fileName, byte[] bytes, string format, LoadResult result) => new()
    {
        FileName = fileName,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        Format = format,
        Length = bytes.LongLength,
        RawText = result.IsRejected ? "" : result.Text,
        Diagnostics = result.Diagnostics,
    };

    private static SourceDocument Rejected(string fileName, string format, long length, LoadResult result) => new()
    {
        FileName = fileName,
        Sha256 = "",
        Format = format.Length > 0 ? format : ExtensionOf(fileName),
        Length = length,
        RawText = "",
        Diagnostics = result.Diagnostics,
    };

    private static string ExtensionOf(string fileName) => Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();

    private static LoadResult Unsupported(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var what = extension.Length > 0 ? $"unsupported file type '{extension.ToLowerInvariant()}'" : "unsupported file type (the name has no extension)";
        return LoadResult.Reject(LoadErrorCodes.UnsupportedType, fileName, $"{what} (Lantern reads .txt, .md, .html, .htm, .docx and .pdf)");
    }

    private LoadResult TooLarge(string fileName, long length) =>
        LoadResult.Reject(LoadErrorCodes.TooLarge, fileName, $"the file is {Megabytes(length)}; the largest Lantern accepts is {Megabytes(MaxBytes)}");

    private static LoadResult Empty(string fileName) => LoadResult.Reject(LoadErrorCodes.Empty, fileName, "the file is empty");

    private static string Megabytes(long bytes)
    {
        var mb = bytes / (1024.0 * 1024);
        return mb >= 10 ? $"{Math.Round(mb):0} MB" : mb >= 1 ? $"{mb:0.#} MB" : $"{bytes / 1024.0:0.#} KB";
    }
}
