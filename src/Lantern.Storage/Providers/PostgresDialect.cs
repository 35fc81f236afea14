using System.Data.Common;
using Lantern.Storage.Library;
using Lantern.Storage.Search;
using Lantern.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantern.Storage.Providers;

/// <summary>
/// PostgreSQL: each of <c>reviews</c> and <c>learning_points</c> has a stored, generated <c>search</c> tsvector
/// (English stemming) with a GIN index, so the index is always in step with its row. Review weights: A reference and
/// pseudonym, B title, C summary, D body, ranked by ts_rank_cd with the same proportions as the SQLite bm25 weights.
/// </summary>
internal sealed class PostgresDialect(string connectionString) : SqlDialect
{
    // ts_rank_cd takes weights for {D, C, B, A}, each at most 1: body 1, summary 2, title 4, reference 6, over 6.
    private const string Weights = "'{0.1667, 0.3333, 0.6667, 1.0}'::real[]";
    private const string Query = "to_tsquery('english', @match)";

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = true }.ToString();

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string MigrationFolder => "Postgres";

    public override string DisplayConnectionString => new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ToString();

    public override DbConnection CreateConnection() => new NpgsqlConnection(_connectionString);

    public override LanternDbContext Context(DbConnection connection) =>
        new(new DbContextOptionsBuilder<LanternDbContext>().UseNpgsql(connection).Options);

    public override void ClearPool()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public override string IdIn(string column, string parameter = "ids") => $"{column} = ANY(@{parameter})";

    public override object IdList(IEnumerable<long> ids) => ids.ToArray();

    public override string MatchExpression(ParsedQuery parsed) => parsed.TsQuery!;

    public override string ReviewsMatchFrom => "FROM reviews r JOIN documents d ON d.id = r.document_id";

    public override string PointsMatchFrom => "FROM learning_points lp JOIN reviews r ON r.id = lp.review_id JOIN documents d ON d.id = r.document_id";

    public override string ReviewIndexFrom => "FROM reviews r";

    public override string ReviewIndexKey => "r.id";

    public override string ReviewMatch => $"r.search @@ {Query}";

    public override string PointMatch => $"lp.search @@ {Query}";

    public override string ReviewRank => $"(-ts_rank_cd({Weights}, r.search, {Query}, 1))::float8";

    public override string PointRank => $"(-ts_rank_cd(lp.search, {Query}, 1))::float8";

    // ts_headline marks each word of a phrase on its own; joining neighbours gives one mark per phrase, as FTS5 does.
    public override string ReviewSnippet =>
        $"replace(ts_headline('english', concat_ws(' ', r.summary, r.body), {Query}, 'StartSel=' || @open || ', StopSel=' || @close || ', MaxWords=28, MinWords=12, MaxFragments=1'), @close || ' ' || @open, ' ')";

    public override string PointSnippet =>
        $"ts_headline('english', lp.text, {Query}, 'StartSel=' || @open || ', StopSel=' || @close || ', HighlightAll=TRUE')";

    /// <summary>The library's words for prefix search, kept until the library changes.</summary>
    internal PostgresPrefixExpansion Prefixes { get; } = new();

    public override Task<string> ExpandAsync(DbConnection connection, string expression, CancellationToken cancellationToken) =>
        Prefixes.ExpandAsync(connection, expression, cancellationToken);

    public override string JsonArrayAgg(string expression, string orderBy) => $"json_agg({expression} ORDER BY {orderBy})";

    public override string AnyOf(IEnumerable<string> words) => string.Join(" | ", words.Select(SearchQueryParser.TsQuote));

    // The search columns are generated from their rows: nothing to write.
    public override Task IndexDocumentAsync(DbConnection connection, DbTransaction transaction, IEnumerable<(long Id, string Title, string Reference, string? Summary, string Body)> reviews, long documentId) =>
        Task.CompletedTask;

    public override string? ReviewIndexInsertSql => null;

    public override string? PointIndexInsertSql => null;

    // Repeatable read: every statement of the transaction sees the snapshot taken at its first statement.
    public override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);

    public override string UnindexDocumentSql => "";

    // Foreign keys are enforced and the search columns are generated: the server keeps both in step.
    public override Task<IReadOnlyList<string>> CheckAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
