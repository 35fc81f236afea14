using System.Text;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Documents;

/// <summary>The original bytes of a document, with a content type and a file name safe to put in a header.</summary>
public sealed record OriginalDownload(string FileName, string ContentType, byte[] Bytes);

public sealed class DownloadOriginal(IReviewLibrary library, IViewerAccessor viewers)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".markdown"] = "text/markdown; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public async Task<OriginalDownload?> HandleAsync(long documentId, CancellationToken cancellationToken)
    {
        var original = await library.GetOriginalAsync(documentId, viewers.Current, cancellationToken);
        if (original is null)
        {
            return null;
        }

        var name = SafeFileName(original.FileName);
        var type = ContentTypes.TryGetValue(Path.GetExtension(name), out var known)
            ? known
            : string.IsNullOrWhiteSpace(original.ContentType) ? "application/octet-stream" : original.ContentType;
        return new OriginalDownload(name, type, original.Bytes);
    }

    /// <summary>
    /// A file name with no folders, quotes, control characters or header-breaking characters; the download is
    /// always sent as an attachment so an uploaded HTML file is never rendered in the app's origin.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' or '(' or ')' ? c : '_');
        }

        var result = safe.ToString().Trim(' ', '.');
        if (result.Length > 150)
        {
            result = result[^150..];
        }

        return result.Length == 0 ? "document" : result;
    }
}
