using System.Globalization;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(Viewer viewer, int take = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsAdmin)
        {
            return [];
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Id, string At, string Actor, string Action, long? DocumentId, long? ReviewId, string? Detail)>(
            "SELECT id, at, actor, action, document_id, review_id, detail FROM audit_log ORDER BY id DESC LIMIT @take",
            new { take = Math.Clamp(take, 1, 10_000) }).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditEntry(r.Id, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.Actor, r.Action, r.DocumentId, r.ReviewId, r.Detail))];
    }

    /// <summary>Appends to the audit trail, inside <paramref name="transaction"/> when one is given.</summary>
    private async Task AuditAsync(DbConnection connection, DbTransaction? transaction, string actor, string action, long? documentId, long? reviewId = null, string? detail = null) =>
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (at, actor, action, document_id, review_id, detail) VALUES (@at, @actor, @action, @documentId, @reviewId, @detail)",
            new { at = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), actor, action, documentId, reviewId, detail },
            transaction).ConfigureAwait(false);

    /// <summary>Records that a viewer saw restricted material (public material is not audited).</summary>
    private Task AuditRestrictedAsync(DbConnection connection, Viewer viewer, Visibility visibility, string action, long documentId, long? reviewId = null) =>
        visibility == Visibility.Restricted
            ? AuditAsync(connection, null, ActorOf(viewer), action, documentId, reviewId)
            : Task.CompletedTask;

    private static string ActorOf(Viewer viewer) => viewer.UserName ?? "anonymous";
}
