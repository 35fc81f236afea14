using System.Runtime.CompilerServices;
using Dapper;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Core.Records;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Records;
using Lantern.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<ReextractSummary> ReextractAsync(bool staleOnly, IProgress<ReextractProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        List<(long Id, string Sha256, string FileName)> documents;
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var sql = staleOnly
                ? """
                  SELECT d.id, d.sha256, d.file_name FROM documents d
                  WHERE d.extractor_version <> @version
                     OR EXISTS (SELECT 1 FROM reviews r WHERE r.document_id = d.id
                                AND (r.extractor_version <> @version OR r.codebook_version IS NOT @codebook))
                  ORDER BY d.id
                  """
                : "SELECT d.id, d.sha256, d.file_name FROM documents d ORDER BY d.id";
            documents = [.. await connection.QueryAsync<(long, string, string)>(sql, new { version = ReviewPipeline.ExtractorVersion, codebook = _codebookVersion }).ConfigureAwait(false)];
        }

        var problems = new List<string>();
        int done = 0, reviews = 0, skipped = 0;
        foreach (var (id, sha, fileName) in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = await _originals.ReadAsync(sha, cancellationToken).ConfigureAwait(false);
            var why = "the original is missing";
            if (bytes is null || !TryExtract(fileName, bytes, out _, out var extraction, out why))
            {
                problems.Add($"{fileName}: {why}; its records were kept");
                skipped++;
                progress?.Report(new ReextractProgress(++done, documents.Count, fileName));
                continue;
            }

            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await DeleteAutomaticRecordsAsync(connection, transaction, id).ConfigureAwait(false);
                using (var context = LanternDbContext.Over(connection))
                {
                    await context.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
                    var document = await context.Documents.SingleAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
                    await WriteExtractionAsync(context, connection, transaction, document, extraction, cancellationToken).ConfigureAwait(false);
                }

                await AuditAsync(connection, transaction, "local", "reextract", id, null, $"{fileName} ({extraction.Reviews.Count} reviews, extractor {extraction.ExtractorVersion})").ConfigureAwait(false);
                FaultInjection?.Invoke("before-commit");
                await CommitAsync(transaction, cancellationToken).ConfigureAwait(false);
                reviews += extraction.Reviews.Count;
            }
            finally
            {
                LibraryChanged();
                _writeLock.Release();
            }

            progress?.Report(new ReextractProgress(++done, documents.Count, fileName));
        }

        return new ReextractSummary(documents.Count - skipped, reviews, skipped, problems);
    }

    // Human coding decisions hang on (document, review key), not on review rows, so they are untouched here.
    private static async Task DeleteAutomaticRecordsAsync(SqliteConnection connection, SqliteTransaction transaction, long documentId)
    {
        await connection.ExecuteAsync(
            """
            DELETE FROM learning_fts WHERE rowid IN (SELECT lp.id FROM learning_points lp JOIN reviews r ON r.id = lp.review_id WHERE r.document_id = @documentId);
            DELETE FROM reviews_fts WHERE rowid IN (SELECT id FROM reviews WHERE document_id = @documentId);
            DELETE FROM reviews WHERE document_id = @documentId;
            """,
            new { documentId },
            transaction).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<LibraryCheck> CheckAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var integrity = (await connection.QueryAsync<string>("PRAGMA integrity_check").ConfigureAwait(false)).ToList();
        if (integrity is not ["ok"])
        {
            problems.AddRange(integrity.Select(i => $"database: {i}"));
        }

        var foreignKeys = await connection.QueryAsync<(string Table, long RowId, string Parent)>("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check").ConfigureAwait(false);
        problems.AddRange(foreignKeys.Select(f => $"database: {f.Table} row {f.RowId} refers to a missing {f.Parent} row"));

        var documents = 0;
        foreach (var (sha, fileName) in await connection.QueryAsync<(string, string)>("SELECT sha256, file_name FROM documents ORDER BY id").ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents++;
            if (_originals.Verify(sha) is { } problem)
            {
                problems.Add($"original of {fileName} ({sha[..12]}…): {problem}");
            }
        }

        problems.AddRange(await IndexProblemsAsync(connection, "reviews", "reviews_fts").ConfigureAwait(false));
        problems.AddRange(await IndexProblemsAsync(connection, "learning_points", "learning_fts").ConfigureAwait(false));
        var reviews = 0;
        foreach (var (id, json) in await connection.QueryAsync<(long, string)>("SELECT id, record_json FROM reviews ORDER BY id").ConfigureAwait(false))
        {
            reviews++;
            try
            {
                ReviewJson.Deserialize(json);
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add($"review {id}: its stored record cannot be read ({e.Message})");
            }
        }

        return new LibraryCheck(documents, reviews, problems);
    }

    private static async Task<IEnumerable<string>> IndexProblemsAsync(SqliteConnection connection, string table, string index)
    {
        var problems = new List<string>();
        var missing = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {index} f WHERE f.rowid = t.id)").ConfigureAwait(false);
        var orphans = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {index} f WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = f.rowid)").ConfigureAwait(false);
        if (missing > 0)
        {
            problems.Add($"search index {index}: {missing} {table} rows are not indexed (run reextract)");
        }

        if (orphans > 0)
        {
            problems.Add($"search index {index}: {orphans} entries have no {table} row (run reextract)");
        }

        try
        {
            await connection.ExecuteAsync($"INSERT INTO {index} ({index}) VALUES ('integrity-check')").ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            problems.Add($"search index {index}: {e.Message}");
        }

        return problems;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DocumentExport> ExportAsync(Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = (await connection.QueryAsync<long>($"SELECT d.id {SummarySql.VisibleDocuments(viewer)} ORDER BY d.id").ConfigureAwait(false)).ToList();
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = await connection.QuerySingleOrDefaultAsync<DocumentSummaryRow>(
                $"SELECT {SummarySql.DocumentColumns} {SummarySql.VisibleDocuments(viewer)} AND d.id = @id", new { id }).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            var rows = await connection.QueryAsync<(string RecordJson, string? Themes)>(
                $"""
                SELECT r.record_json,
                       (SELECT group_concat(code, '|') FROM ({SummarySql.EffectiveThemeCodes} ORDER BY 1))
                {SummarySql.VisibleReviews(viewer)} AND r.document_id = @id ORDER BY r.ordinal
                """,
                new { id }).ConfigureAwait(false);
            var reviews = rows.Select(r => RecordJson.ToRecord(ReviewJson.Deserialize(r.RecordJson)) with
            {
                Themes = string.IsNullOrEmpty(r.Themes) ? [] : r.Themes.Split('|'),
            }).ToList();
            var summary = document.ToSummary();
            await AuditRestrictedAsync(connection, viewer, summary.Visibility, "export", summary.Id).ConfigureAwait(false);
            yield return new DocumentExport(summary, new DocumentRecord { Document = summary.FileName, Publisher = summary.Publisher, Reviews = reviews });
        }
    }
}
