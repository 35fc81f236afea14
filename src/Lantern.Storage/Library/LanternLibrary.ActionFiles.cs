using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <summary>The largest evidence file accepted, in bytes (10 MB).</summary>
    public const int MaxEvidenceFileBytes = 10 * 1024 * 1024;

    /// <inheritdoc />
    public async Task<ActionOutcome> AttachEvidenceFileAsync(long actionId, string fileName, byte[] bytes, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new ActionOutcome(false, "Only editors and administrators can attach evidence.");
        }

        var name = Path.GetFileName(fileName.Trim());
        if (bytes.Length == 0)
        {
            return new ActionOutcome(false, $"{name} is empty.");
        }

        if (bytes.Length > MaxEvidenceFileBytes)
        {
            return new ActionOutcome(false, $"{name} is larger than {MaxEvidenceFileBytes / (1024 * 1024)} MB.");
        }

        if (EvidenceContentType(name, bytes) is not { } contentType)
        {
            return new ActionOutcome(false, $"{name} must be a PDF, Word (.docx), text, Markdown, CSV, PNG or JPEG file whose content matches its extension.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await _originals.SaveAsync(sha, bytes, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(async (connection, transaction) =>
        {
            var current = await ReadActionAsync(connection, transaction, actionId, viewer).ConfigureAwait(false);
            if (current is null)
            {
                return new ActionOutcome(false, $"There is no action {actionId}.");
            }

            var at = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var actor = ActorOf(viewer);
            await connection.ExecuteAsync(
                "INSERT INTO action_files (action_id, sha256, file_name, content_type, length, added_at, added_by) VALUES (@actionId, @sha, @name, @contentType, @length, @at, @actor)",
                new { actionId, sha, name, contentType, length = bytes.Length, at, actor }, transaction).ConfigureAwait(false);
            await AppendHistoryAsync(connection, transaction, actionId, current.Version, at, actor, "evidence-file", null, name).ConfigureAwait(false);
            return new ActionOutcome(true, $"Attached {name}.", await ReadActionAsync(connection, transaction, actionId, viewer).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredOriginal?> GetEvidenceFileAsync(long actionId, long fileId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await ReadActionAsync(connection, null, actionId, viewer).ConfigureAwait(false) is null)
        {
            return null;
        }

        var file = await connection.QuerySingleOrDefaultAsync<(string Sha256, string FileName, string ContentType)?>(
            "SELECT sha256, file_name, content_type FROM action_files WHERE id = @fileId AND action_id = @actionId", new { fileId, actionId }).ConfigureAwait(false);
        if (file is null)
        {
            return null;
        }

        var bytes = await _originals.ReadAsync(file.Value.Sha256, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : new StoredOriginal(file.Value.FileName, file.Value.ContentType, bytes);
    }

    // The extension must be an accepted one and the first bytes must agree with it, so a renamed executable is refused.
    private static string? EvidenceContentType(string name, byte[] bytes)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension switch
        {
            ".pdf" when StartsWith(bytes, "%PDF-"u8) => "application/pdf",
            ".docx" when StartsWith(bytes, "PK\u0003\u0004"u8) => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".png" when StartsWith(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) => "image/png",
            ".jpg" or ".jpeg" when StartsWith(bytes, [0xFF, 0xD8, 0xFF]) => "image/jpeg",
            ".txt" when IsText(bytes) => "text/plain; charset=utf-8",
            ".md" when IsText(bytes) => "text/markdown; charset=utf-8",
            ".csv" when IsText(bytes) => "text/csv; charset=utf-8",
            _ => null,
        };
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);

    private static bool IsText(byte[] bytes)
    {
        if (bytes.AsSpan().Contains((byte)0))
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
