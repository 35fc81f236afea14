using System.Security.Cryptography;

namespace Lantern.Storage.Originals;

/// <summary>Content-addressed original bytes: files in the data folder (SQLite) or a table (PostgreSQL).</summary>
internal abstract class OriginalStore
{
    /// <summary>Stores the bytes unless bytes with that address are already there.</summary>
    public abstract Task SaveAsync(string sha256, byte[] bytes, CancellationToken cancellationToken);

    public abstract Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Null when the blob is present and hashes to its address; otherwise what is wrong.</summary>
    public abstract string? Verify(string sha256);

    /// <summary>
    /// Deletes stored originals no record refers to that are older than <paramref name="minimumAge"/> (younger ones may
    /// belong to an import still running). A store that writes originals in the record's own transaction has none.
    /// </summary>
    public virtual (int Removed, int Kept) CleanOrphans(IReadOnlySet<string> referenced, TimeSpan minimumAge, DateTimeOffset now) => (0, 0);
}

/// <summary>
/// Content-addressed original bytes under <c>&lt;data&gt;/originals/&lt;sha[0..2]&gt;/&lt;sha&gt;</c>. A blob is written to a
/// temporary file and renamed into place before the database transaction that refers to it commits, so a row never
/// points at a missing file; a blob without a row (after a failure) is harmless.
/// </summary>
internal sealed class FileOriginalStore(string root) : OriginalStore
{
    public string Root { get; } = root;

    public string PathFor(string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        if (sha256.Length < 3 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("not a lower-case hex SHA-256", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256);
    }

    public override async Task SaveAsync(string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = PathFor(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public override async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathFor(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public override string? Verify(string sha256)
    {
        var path = PathFor(sha256);
        if (!File.Exists(path))
        {
            return "missing";
        }

        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        return actual == sha256 ? null : $"content hashes to {actual}";
    }

    /// <summary>
    /// Stored files no row refers to: blobs written by an import that was killed before its commit, and temporary
    /// files of an interrupted write. Those older than <paramref name="minimumAge"/> are deleted (a younger one may
    /// belong to an import still in flight in another process); the rest are only counted.
    /// </summary>
    public override (int Removed, int Kept) CleanOrphans(IReadOnlySet<string> referenced, TimeSpan minimumAge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referenced);
        if (!Directory.Exists(Root))
        {
            return (0, 0);
        }

        int removed = 0, kept = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (referenced.Contains(name))
            {
                continue;
            }

            if (now - File.GetLastWriteTimeUtc(file) < minimumAge)
            {
                kept++;
                continue;
            }

            try
            {
                File.Delete(file);
                removed++;
            }
            catch (IOException)
            {
                kept++;
            }
        }

        return (removed, kept);
    }
}
