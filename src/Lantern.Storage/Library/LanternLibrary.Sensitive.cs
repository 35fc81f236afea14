using System.Globalization;
using Dapper;
using Lantern.Core.Model;
using Lantern.Core.Sensitive;
using Lantern.Storage.Abstractions;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SensitiveReport>> ListSensitiveAsync(Viewer viewer, long? documentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanSeeRestricted)
        {
            return [];
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var documents = await connection.QueryAsync<(long Id, string FileName, int Visibility, string Text, string? ClearedBy, string? ClearedAt)>(
            """
            SELECT d.id, d.file_name, d.visibility, d.text, c.cleared_by, c.cleared_at
            FROM documents d LEFT JOIN sensitive_clearances c ON c.document_id = d.id
            WHERE EXISTS (SELECT 1 FROM sensitive_findings f WHERE f.document_id = d.id)
              AND (@documentId IS NULL OR d.id = @documentId)
            ORDER BY CASE WHEN c.document_id IS NULL THEN 0 ELSE 1 END, d.id
            """,
            new { documentId }).ConfigureAwait(false);
        var reports = new List<SensitiveReport>();
        foreach (var d in documents)
        {
            var findings = await connection.QueryAsync<(string Kind, int Start, int Length)>(
                "SELECT kind, span_start, span_length FROM sensitive_findings WHERE document_id = @id ORDER BY span_start, id", new { id = d.Id }).ConfigureAwait(false);
            var stored = findings
                .Select(f => (Kind: SensitiveFinding.ParseKind(f.Kind), Span: new SourceSpan(f.Start, f.Length)))
                .Where(f => f.Kind is not null)
                .Select(f => new StoredFinding(f.Kind!.Value, f.Span, f.Span.Slice(d.Text)))
                .ToList();
            DateTimeOffset? clearedAt = d.ClearedAt is null ? null : DateTimeOffset.Parse(d.ClearedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            reports.Add(new SensitiveReport(d.Id, d.FileName, (Visibility)d.Visibility, stored, d.ClearedBy, clearedAt));
            // The findings quote the restricted text itself (names, numbers, addresses), so reading them is recorded.
            await AuditRestrictedAsync(connection, viewer, (Visibility)d.Visibility, "view-sensitive", d.Id).ConfigureAwait(false);
        }

        return reports;
    }

    /// <inheritdoc />
    public async Task<bool> ClearSensitiveAsync(long documentId, Visibility visibility, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return false;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var fileName = await connection.ExecuteScalarAsync<string?>("SELECT file_name FROM documents WHERE id = @documentId", new { documentId }, transaction).ConfigureAwait(false);
            if (fileName is null)
            {
                return false;
            }

            var at = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var actor = ActorOf(viewer);
            await connection.ExecuteAsync(
                """
                DELETE FROM sensitive_clearances WHERE document_id = @documentId;
                INSERT INTO sensitive_clearances (document_id, cleared_at, cleared_by, visibility) VALUES (@documentId, @at, @actor, @visibility);
                UPDATE documents SET visibility = @visibility WHERE id = @documentId;
                """,
                new { documentId, at, actor, visibility = (int)visibility },
                transaction).ConfigureAwait(false);
            await AuditAsync(connection, transaction, actor, "sensitive-clear", documentId, null, $"{fileName} cleared as {visibility}").ConfigureAwait(false);
            await CommitAsync(transaction, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    /// <summary>Replaces a document's findings inside the caller's transaction (a clearance, if any, is kept).</summary>
    private static async Task WriteFindingsAsync(DbConnection connection, DbTransaction transaction, long documentId, IReadOnlyList<SensitiveFinding> findings)
    {
        await connection.ExecuteAsync("DELETE FROM sensitive_findings WHERE document_id = @documentId", new { documentId }, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO sensitive_findings (document_id, kind, span_start, span_length) VALUES (@documentId, @Kind, @Start, @Length)",
            findings.Select(f => new { documentId, Kind = SensitiveFinding.KindName(f.Kind), f.Span.Start, f.Span.Length }),
            transaction).ConfigureAwait(false);
    }

    /// <summary>Public documents with findings no editor has cleared: published on purpose, but worth a look.</summary>
    private static async Task<IEnumerable<string>> FlaggedButPublicAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync<(string FileName, long Findings)>(
            """
            SELECT d.file_name, (SELECT count(*) FROM sensitive_findings f WHERE f.document_id = d.id)
            FROM documents d
            WHERE d.visibility = @visibility
              AND EXISTS (SELECT 1 FROM sensitive_findings f WHERE f.document_id = d.id)
              AND NOT EXISTS (SELECT 1 FROM sensitive_clearances c WHERE c.document_id = d.id)
            ORDER BY d.id
            """,
            new { visibility = (int)Visibility.Public }).ConfigureAwait(false);
        return rows.Select(r => $"{r.FileName} is public with {r.Findings} uncleared sensitive-data finding{(r.Findings == 1 ? "" : "s")} (see `lantern sensitive list`)");
    }
}
