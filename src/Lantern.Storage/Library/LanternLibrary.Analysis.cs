using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Lantern.Core.Analysis;
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
        if (SelectionSql(selection, viewer) is not var (from, where, parameters))
        {
            yield break;
        }

        var text = selection.IncludeDocumentText ? "d.text" : "''";
        var sql = $"""
            SELECT {SummarySql.ReviewColumns}, r.record_json AS RecordJson, d.file_name AS DocumentName, {text} AS DocumentText, r.extractor_version AS ExtractorVersion
            {from}
            WHERE {where}
            ORDER BY r.document_id, r.ordinal
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<ReviewDetailRow>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var summary = row.ToSummary();
            yield return new ReviewDetail(summary, ReviewJson.Deserialize(row.RecordJson), row.DocumentName, row.DocumentText, row.ExtractorVersion);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads the review's columns, its label rows and (when asked) its learning-point rows, which ingest writes from
    /// the same record: the stored record itself is never parsed (that parse was most of the time of an analysis page
    /// over a large library).
    /// </remarks>
    public async IAsyncEnumerable<AnalysisReview> StreamAnalysisReviewsAsync(ReviewSelection selection, Viewer viewer, bool withLearning, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (SelectionSql(selection, viewer) is not var (from, where, parameters))
        {
            yield break;
        }

        static string Labels(string kind) =>
            $"(SELECT string_agg(l.code, '|' ORDER BY l.code) FROM review_labels l WHERE l.review_id = r.id AND l.kind = '{kind}')";
        var learning = withLearning
            ? $"(SELECT {_dialect.JsonArrayAgg("p.text", "p.ordinal")} FROM learning_points p WHERE p.review_id = r.id AND p.kind = '{ReviewRows.Learning}')"
            : "NULL";
        var sql = $"""
            SELECT r.id AS Id, r.title AS Title, d.publisher AS Publisher, r.year AS Year, r.type AS Type, r.age_band AS AgeBand,
                r.sex AS Sex, r.outcome AS Outcome, {Labels("harm")} AS Harm, {Labels("risk")} AS RiskFactors, {Labels("agency")} AS Agencies,
                (SELECT string_agg(t.code, '|' ORDER BY t.code) FROM ({SummarySql.EffectiveThemeCodes}) t) AS Themes,
                {learning} AS Learning
            {from}
            WHERE {where}
            ORDER BY r.document_id, r.ordinal
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<AnalysisReviewRow>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return row.ToAnalysisReview();
        }
    }

    /// <summary>
    /// The FROM and WHERE (visibility, filters, chosen ids, query) of the reviews <paramref name="selection"/> covers
    /// for <paramref name="viewer"/>, with their parameters; null when the query or a filter cannot be understood.
    /// </summary>
    private (string From, string Where, DynamicParameters Parameters)? SelectionSql(ReviewSelection selection, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(viewer);
        var parsed = SearchQueryParser.Default.Parse(selection.Query);
        if (parsed.Error is not null)
        {
            return null;
        }

        var parameters = new DynamicParameters();
        var conditions = new List<string> { VisibilityFilter.Condition(viewer) };
        if (SearchFilters.Build(selection.Filters, parameters, conditions) is not null)
        {
            return null;
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

        return (from, string.Join(" AND ", conditions.Select(c => $"({c})")), parameters);
    }

    /// <summary>An analysis row as read by Dapper: codes joined with '|', learning as a JSON array.</summary>
    private sealed class AnalysisReviewRow
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public string? Publisher { get; set; }
        public long? Year { get; set; }
        public string? Type { get; set; }
        public string? AgeBand { get; set; }
        public string? Sex { get; set; }
        public string? Outcome { get; set; }
        public string? Harm { get; set; }
        public string? RiskFactors { get; set; }
        public string? Agencies { get; set; }
        public string? Themes { get; set; }
        public string? Learning { get; set; }

        public AnalysisReview ToAnalysisReview() => new()
        {
            Id = Id,
            Title = Title,
            Publisher = Publisher,
            Year = Year is null ? null : (int)Year.Value,
            Type = Type,
            AgeBand = AgeBand,
            Sex = Sex,
            Outcome = Outcome,
            Harm = Codes(Harm),
            RiskFactors = Codes(RiskFactors),
            Agencies = Codes(Agencies),
            Themes = Codes(Themes),
            Learning = string.IsNullOrEmpty(Learning) ? []
                : [.. (JsonSerializer.Deserialize<string[]>(Learning) ?? []).Where(t => !string.IsNullOrWhiteSpace(t))],
        };

        private static string[] Codes(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split('|');
    }
}
