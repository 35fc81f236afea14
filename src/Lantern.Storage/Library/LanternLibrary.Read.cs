using System.Globalization;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Search;
using Lantern.Storage.Records;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<ReviewDetail?> GetReviewAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ReviewDetailRow>(
            $"SELECT {SummarySql.ReviewColumns}, r.record_json AS RecordJson, r.extractor_version AS ExtractorVersion, d.file_name AS DocumentName, d.text AS DocumentText {SummarySql.VisibleReviews(viewer)} AND r.id = @reviewId",
            new { reviewId }).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var summary = row.ToSummary();
        await AuditRestrictedAsync(connection, viewer, summary.Visibility, "view-review", summary.DocumentId, summary.Id).ConfigureAwait(false);
        return new ReviewDetail(summary, ReviewJson.Deserialize(row.RecordJson), row.DocumentName, row.DocumentText, row.ExtractorVersion);
    }

    /// <inheritdoc />
    public async Task<ReviewDetail?> FindReviewAsync(string referenceOrId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referenceOrId);
        var wanted = string.Join(' ', referenceOrId.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // By printed reference first (newest match wins), then by pseudonym, then by id.
        var id = await connection.ExecuteScalarAsync<long?>(
            $"SELECT r.id {SummarySql.VisibleReviews(viewer)} AND (lower(r.reference) = lower(@wanted)) ORDER BY {SummarySql.NewestFirst} LIMIT 1",
            new { wanted }).ConfigureAwait(false);
        id ??= await connection.ExecuteScalarAsync<long?>(
            $"SELECT r.id {SummarySql.VisibleReviews(viewer)} AND (lower(r.name) = lower(@wanted)) ORDER BY {SummarySql.NewestFirst} LIMIT 1",
            new { wanted }).ConfigureAwait(false);
        // People type "RR1/22" for "RR 1/22": compare without spaces as a last resort.
        id ??= await connection.ExecuteScalarAsync<long?>(
            $"SELECT r.id {SummarySql.VisibleReviews(viewer)} AND (lower(replace(r.reference, ' ', '')) = lower(@compact)) ORDER BY {SummarySql.NewestFirst} LIMIT 1",
            new { compact = wanted.Replace(" ", "", StringComparison.Ordinal) }).ConfigureAwait(false);
        if (id is null && long.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            id = number;
        }

        return id is null ? null : await GetReviewAsync(id.Value, viewer, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DocumentDetail?> GetDocumentAsync(long documentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var document = await connection.QuerySingleOrDefaultAsync<DocumentSummaryRow>(
            $"SELECT {SummarySql.DocumentColumns} {SummarySql.VisibleDocuments(viewer)} AND d.id = @documentId", new { documentId }).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var text = await connection.ExecuteScalarAsync<string>("SELECT text FROM documents WHERE id = @documentId", new { documentId }).ConfigureAwait(false);
        var reviews = await connection.QueryAsync<ReviewSummaryRow>(
            $"SELECT {SummarySql.ReviewColumns} {SummarySql.VisibleReviews(viewer)} AND r.document_id = @documentId ORDER BY r.ordinal", new { documentId }).ConfigureAwait(false);
        var summary = document.ToSummary();
        await AuditRestrictedAsync(connection, viewer, summary.Visibility, "view-document", summary.Id).ConfigureAwait(false);
        return new DocumentDetail(summary, [.. reviews.Select(r => r.ToSummary())], text ?? "");
    }

    /// <inheritdoc />
    public async Task<StoredOriginal?> GetOriginalAsync(long documentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var document = await connection.QuerySingleOrDefaultAsync<DocumentSummaryRow>(
            $"SELECT {SummarySql.DocumentColumns} {SummarySql.VisibleDocuments(viewer)} AND d.id = @documentId", new { documentId }).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        var bytes = await _originals.ReadAsync(document.Sha256, cancellationToken).ConfigureAwait(false);
        await AuditRestrictedAsync(connection, viewer, (Visibility)document.Visibility, "download-original", document.Id).ConfigureAwait(false);
        return bytes is null ? null : new StoredOriginal(document.FileName, ContentTypes.For(document.Format), bytes);
    }

    /// <inheritdoc />
    public Task<LibraryOverview> GetOverviewAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return CachedAsync(viewer.CanSeeRestricted ? "overview\u00011" : "overview\u00010", token => OverviewUncachedAsync(viewer, token), cancellationToken);
    }

    private async Task<LibraryOverview> OverviewUncachedAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var documents = await connection.ExecuteScalarAsync<long>($"SELECT count(*) {SummarySql.VisibleDocuments(viewer)}").ConfigureAwait(false);
        var points = await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM learning_points lp JOIN reviews r ON r.id = lp.review_id JOIN documents d ON d.id = r.document_id WHERE {Access.VisibilityFilter.Condition(viewer)}").ConfigureAwait(false);
        var recentIds = await connection.QueryAsync<long>(
            $"SELECT r.id {SummarySql.VisibleReviews(viewer)} ORDER BY d.added_at DESC, r.document_id DESC, r.ordinal LIMIT 5").ConfigureAwait(false);
        var recent = await ReviewSummariesAsync(connection, recentIds.AsList()).ConfigureAwait(false);

        // The review count and the themes come from the facet index that search counts with (the same effective themes,
        // without grouping the whole library's theme labels in SQL on every change).
        var (index, _) = await FacetSnapshotAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var predicate = FacetPredicate.For(new Dictionary<string, IReadOnlyList<string>>(), index);
        var (reviews, facets) = index.Count(index.KeptSlots(null, viewer.CanSeeRestricted, predicate));
        var themes = facets[Facets.Theme].OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal);
        return new LibraryOverview((int)documents, reviews, (int)points, recent, [.. themes]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewSummary>> ListReviewsAsync(Viewer viewer, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<long>(
            $"SELECT r.id {SummarySql.VisibleReviews(viewer)} ORDER BY {SummarySql.NewestFirst} LIMIT @take OFFSET @skip",
            new { take = Math.Max(0, take), skip = Math.Max(0, skip) }).ConfigureAwait(false);
        return await ReviewSummariesAsync(connection, ids.AsList()).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(Viewer viewer, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DocumentSummaryRow>(
            $"SELECT {SummarySql.DocumentColumns} {SummarySql.VisibleDocuments(viewer)} ORDER BY d.added_at DESC, d.id DESC LIMIT @take OFFSET @skip",
            new { take = Math.Max(0, take), skip = Math.Max(0, skip) }).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSummary())];
    }
}

/// <summary>The MIME type of a stored original, by its format.</summary>
internal static class ContentTypes
{
    public static string For(string format) => format switch
    {
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
}
