using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Hosting;

namespace Lantern.Web.Features.Documents;

/// <summary>One uploaded file as the handler sees it, whatever the transport (form post or API).</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenReadStream);

/// <summary>
/// Adds uploaded files to the library: each file is checked for size and type here, then ingested, with the same
/// per-file outcomes as <c>lantern ingest</c> (added, already present, or rejected with why).
/// </summary>
public sealed class UploadDocuments(IReviewLibrary library, IViewerAccessor viewers, LanternWebOptions options)
{
    public const int MaxFiles = 50;

    /// <summary>The file types the library can read.</summary>
    public static readonly IReadOnlyList<string> AllowedExtensions = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"];

    public bool CanUpload => viewers.Current.CanEdit;

    public long MaxBytes => options.MaxUploadBytes;

    /// <exception cref="UnauthorizedAccessException">The viewer may not upload.</exception>
    public async Task<IReadOnlyList<IngestOutcome>> HandleAsync(IReadOnlyList<UploadedFile> files, Visibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var viewer = viewers.Current;
        if (!viewer.CanEdit)
        {
            throw new UnauthorizedAccessException("Only editors can add documents.");
        }

        // "Public" on the form means "public unless the sensitive-data check flags it"; an editor clears flagged ones.
        var outcomes = new List<IngestOutcome>(files.Count);
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            var name = DownloadOriginal.SafeFileName(file.FileName);
            if (index >= MaxFiles)
            {
                outcomes.Add(new IngestOutcome(name, IngestStatus.Rejected, $"Only {MaxFiles} files can be added at once."));
                continue;
            }

            var problem = Check(name, file.Length);
            if (problem is not null)
            {
                outcomes.Add(new IngestOutcome(name, IngestStatus.Rejected, problem));
                continue;
            }

            var bytes = await ReadAsync(file, cancellationToken);
            problem = CheckContent(name, bytes);
            outcomes.Add(problem is not null
                ? new IngestOutcome(name, IngestStatus.Rejected, problem)
                : await library.IngestAsync(name, bytes, new IngestOptions { Visibility = visibility == Visibility.Restricted ? Visibility.Restricted : null, Actor = viewer.UserName ?? "anonymous", Address = viewer.Address }, cancellationToken));
        }

        return outcomes;
    }

    private string? Check(string name, long length)
    {
        var extension = Path.GetExtension(name);
        if (!AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return $"The file must be one of {string.Join(", ", AllowedExtensions)}; this is {(extension.Length == 0 ? "a file with no extension" : extension)}.";
        }

        if (length == 0)
        {
            return "The file is empty.";
        }

        return length > options.MaxUploadBytes ? $"The file must be smaller than {options.MaxUploadBytes / (1024 * 1024)} MB." : null;
    }

    // The extension is what the user claims; the first bytes say what the file really is.
    private static string? CheckContent(string name, byte[] bytes)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        bool StartsWith(params byte[] magic) => bytes.AsSpan().StartsWith(magic);
        return extension switch
        {
            ".pdf" when !StartsWith("%PDF"u8.ToArray()) => "The file is not a PDF: it does not start with the PDF signature.",
            ".docx" when !StartsWith(0x50, 0x4B, 0x03, 0x04) => "The file is not a Word document (.docx).",
            ".txt" or ".md" or ".markdown" or ".html" or ".htm" when Array.IndexOf(bytes, (byte)0) >= 0 => "The file is not text: it contains binary data.",
            _ => null,
        };
    }

    private static async Task<byte[]> ReadAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
