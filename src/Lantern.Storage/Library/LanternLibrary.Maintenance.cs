using System.Runtime.CompilerServices;
using Dapper;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Core.Records;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Records;
using Lantern.Storage.Sqlite;
using System.Data.Common;
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
                                AND (r.extractor_version <> @version OR r.codebook_version IS DISTINCT FROM @codebook))
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
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await DeleteAutomaticRecordsAsync(connection, transaction, id).ConfigureAwait(false);
                using (var context = _dialect.Context(connection))
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
    private async Task DeleteAutomaticRecordsAsync(DbConnection connection, DbTransaction transaction, long documentId)
    {
        await connection.ExecuteAsync(
            _dialect.UnindexDocumentSql + "DELETE FROM reviews WHERE document_id = @documentId;",
            new { documentId },
            transaction).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<LibraryCheck> CheckAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        problems.AddRange(await _dialect.CheckAsync(connection, cancellationToken).ConfigureAwait(false));
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

        var notes = (await FlaggedButPublicAsync(connection).ConfigureAwait(false)).ToList();
        var referenced = (await connection.QueryAsync<string>("SELECT sha256 FROM documents UNION SELECT sha256 FROM action_files").ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var (removed, kept) = _originals.CleanOrphans(referenced, OrphanMinimumAge, _clock.GetUtcNow());
        if (removed > 0)
        {
            notes.Add($"removed {removed} stored file{(removed == 1 ? "" : "s")} no record refers to (left by an interrupted import)");
        }

        if (kept > 0)
        {
            notes.Add($"{kept} stored file{(kept == 1 ? "" : "s")} no record refers to yet (an import may be in progress; removed by a later check)");
        }

        return new LibraryCheck(documents, reviews, problems, notes);
    }

    // An import writes its blob seconds before it commits; a file this old with no row belongs to no live import.
    private static readonly TimeSpan OrphanMinimumAge = TimeSpan.FromMinutes(10);

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
                       (SELECT string_agg(t.code, '|' ORDER BY t.code) FROM ({SummarySql.EffectiveThemeCodes}) t)
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
