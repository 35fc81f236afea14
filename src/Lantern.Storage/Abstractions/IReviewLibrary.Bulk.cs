namespace Lantern.Storage.Abstractions;

public partial interface IReviewLibrary
{
    /// <summary>
    /// Imports many files, streaming: only the files in flight are held in memory. Outcomes arrive as each file is
    /// settled (not necessarily in input order), each carrying <see cref="IngestFile.Path"/> as
    /// <see cref="IngestOutcome.Source"/>. A file that cannot be read, extracted or stored is reported by name with the
    /// reason and never stops the others. This default imports one file at a time through <see cref="IngestAsync"/>.
    /// </summary>
    IAsyncEnumerable<IngestOutcome> IngestManyAsync(IEnumerable<IngestFile> files, IngestOptions options, CancellationToken cancellationToken = default) =>
        OneByOneIngest.RunAsync(this, files, options, cancellationToken);
}

/// <summary>A file to import: where it comes from (shown in reports) and how to read its bytes when its turn comes.</summary>
public sealed record IngestFile(string Path, Func<CancellationToken, Task<byte[]>> ReadAsync)
{
    /// <summary>The file name without folders, as stored.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>A file on disk, read when it is imported.</summary>
    public static IngestFile FromPath(string path) => new(path, cancellationToken => File.ReadAllBytesAsync(path, cancellationToken));

    /// <summary>Bytes already in memory.</summary>
    public static IngestFile FromBytes(string fileName, byte[] bytes) => new(fileName, _ => Task.FromResult(bytes));
}

/// <summary>The one-file-at-a-time import every library supports; LanternLibrary overrides it with batched writes (SQLite or PostgreSQL).</summary>
public static class OneByOneIngest
{
    public static async IAsyncEnumerable<IngestOutcome> RunAsync(
        IReviewLibrary library, IEnumerable<IngestFile> files, IngestOptions options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            var (bytes, why) = await ReadAsync(file, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                yield return new IngestOutcome(file.FileName, IngestStatus.Rejected, why!) { Source = file.Path };
                continue;
            }

            var outcome = await library.IngestAsync(file.FileName, bytes, options, cancellationToken).ConfigureAwait(false);
            yield return outcome with { Source = file.Path };
        }
    }

    /// <summary>Reads a file's bytes, or says why they could not be read.</summary>
    public static async Task<(byte[]? Bytes, string? Why)> ReadAsync(IngestFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return (await file.ReadAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, e.Message);
        }
    }
}
