using System.Globalization;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(Viewer viewer, int take = 100, CancellationToken cancellationToken = default) =>
        GetAuditLogAsync(viewer, new AuditQuery { Take = take }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(Viewer viewer, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        if (!viewer.IsAdmin)
        {
            return [];
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Id, string At, string Actor, string Action, long? DocumentId, long? ReviewId, string? Detail, string? Address)>(
            """
            SELECT id, at, actor, action, document_id, review_id, detail, address FROM audit_log
            WHERE (@since IS NULL OR at >= @since) AND (@until IS NULL OR at < @until)
              AND (@user IS NULL OR actor = @user) AND (@action IS NULL OR action = @action)
            ORDER BY id DESC LIMIT @take
            """,
            new
            {
                since = query.Since?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                until = query.Until?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                user = string.IsNullOrWhiteSpace(query.User) ? null : query.User.Trim(),
                action = string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim(),
                take = Math.Clamp(query.Take, 1, 100_000),
            }).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditEntry(r.Id, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.Actor, r.Action, r.DocumentId, r.ReviewId, r.Detail, r.Address))];
    }

    /// <inheritdoc />
    public async Task AppendAuditAsync(string actor, string action, string? address, string? detail, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await AuditAsync(connection, null, actor, action, null, null, detail, address).ConfigureAwait(false);
    }

    /// <summary>Appends to the audit trail, inside <paramref name="transaction"/> when one is given.</summary>
    private async Task AuditAsync(DbConnection connection, DbTransaction? transaction, string actor, string action, long? documentId, long? reviewId = null, string? detail = null, string? address = null) =>
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (at, actor, action, document_id, review_id, detail, address) VALUES (@at, @actor, @action, @documentId, @reviewId, @detail, @address)",
            new { at = _clock.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), actor, action, documentId, reviewId, detail, address },
            transaction).ConfigureAwait(false);

    /// <summary>Records that a viewer saw restricted material (public material is not audited).</summary>
    private Task AuditRestrictedAsync(DbConnection connection, Viewer viewer, Visibility visibility, string action, long documentId, long? reviewId = null) =>
        visibility == Visibility.Restricted
            ? AuditAsync(connection, null, ActorOf(viewer), action, documentId, reviewId, null, viewer.Address)
            : Task.CompletedTask;

    private static string ActorOf(Viewer viewer) => viewer.UserName ?? "anonymous";
}
