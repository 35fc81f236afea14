using System.Runtime.CompilerServices;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Access;
using Lantern.Storage.Records;
using Lantern.Storage.Search;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ReviewDetail> StreamReviewsAsync(ReviewSelection selection, Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(viewer);
        var parsed = SearchQueryParser.Default.Parse(selection.Query);
        if (parsed.Error is not null)
        {
            yield break;
        }

        var parameters = new DynamicParameters();
        var conditions = new List<string> { VisibilityFilter.Condition(viewer) };
        if (SearchFilters.Build(selection.Filters, parameters, conditions) is not null)
        {
            yield break;
        }

        if (selection.ReviewIds is { } ids)
        {
            conditions.Add(_dialect.IdIn("r.id", "reviewIds"));
            parameters.Add("reviewIds", _dialect.IdList(ids));
        }

        var from = "FROM reviews r JOIN documents d ON d.id = r.document_id";
        if (!parsed.IsBrowse)
        {
            from = _dialect.ReviewsMatchFrom;
            conditions.Add(_dialect.ReviewMatch);
            parameters.Add("match", _dialect.MatchExpression(parsed));
        }

        var text = selection.IncludeDocumentText ? "d.text" : "''";
        var sql = $"""
            SELECT {SummarySql.ReviewColumns}, r.record_json AS RecordJson, d.file_name AS DocumentName, {text} AS DocumentText, r.extractor_version AS ExtractorVersion
            {from}
            WHERE {string.Join(" AND ", conditions.Select(c => $"({c})"))}
            ORDER BY r.document_id, r.ordinal
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<ReviewDetailRow>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var summary = row.ToSummary();
            yield return new ReviewDetail(summary, ReviewJson.Deserialize(row.RecordJson), row.DocumentName, row.DocumentText, row.ExtractorVersion);
        }
    }
}
