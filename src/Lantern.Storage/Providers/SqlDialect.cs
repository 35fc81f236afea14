using Dapper;
using System.Data.Common;
using Lantern.Storage.Library;
using Lantern.Storage.Sqlite;

namespace Lantern.Storage.Providers;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL: connections, id lists, and full-text search
/// (FTS5 tables with bm25/snippet against a weighted tsvector column with ts_rank_cd/ts_headline). Everything else the
/// library writes is portable SQL.
/// </summary>
internal abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The folder of embedded schema scripts: <c>Migrations/&lt;Folder&gt;/</c>.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>The connection string, without any password.</summary>
    public abstract string DisplayConnectionString { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Per-connection settings, run after each open.</summary>
    public virtual void Configure(DbConnection connection)
    {
    }

    /// <summary>Settings for a connection that serves searches (after <see cref="Configure"/>).</summary>
    public virtual void PrepareForReads(DbConnection connection)
    {
    }

    /// <summary>Run once when the library opens, before the migrations.</summary>
    public virtual void Prepare(DbConnection connection)
    {
    }

    public abstract LanternDbContext Context(DbConnection connection);

    public abstract void ClearPool();

    /// <summary>A condition that <paramref name="column"/> is one of the ids in parameter <c>@ids</c> (or <paramref name="parameter"/>).</summary>
    public abstract string IdIn(string column, string parameter = "ids");

    /// <summary>The value of the <c>@ids</c> parameter for <see cref="IdIn"/>.</summary>
    public abstract object IdList(IEnumerable<long> ids);

    // Full-text search. @match is the parameter holding the provider's query expression.

    /// <summary>The query expression of a parsed query in this provider's syntax.</summary>
    public abstract string MatchExpression(Search.ParsedQuery parsed);

    /// <summary>Widens prefix terms with whole words where the index needs it.</summary>
    public virtual Task<string> ExpandAsync(DbConnection connection, string expression, CancellationToken cancellationToken) =>
        Task.FromResult(expression);

    /// <summary>
    /// Reads the rows of <paramref name="sql"/> (an id and a rank) into two arrays, with a plain data reader: a common
    /// word matches tens of thousands of reviews, and mapping each to an object cost more than the query.
    /// </summary>
    public virtual async Task<(long[] Ids, double[] Ranks)> ReadRankedIdsAsync(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        var values = new DynamicParameters();
        foreach (var (name, value) in parameters)
        {
            values.Add(name, value);
        }

        var rows = new RankedIds();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(reader.GetInt64(0), reader.GetDouble(1));
        }

        return rows.ToArrays();
    }

    /// <summary>
    /// Ids and ranks gathered into growing arrays. A common word matches tens of thousands of reviews: the arrays
    /// outgrown on the way are rented from the shared pool and given back, so that a search leaves only the two
    /// final arrays behind (every array of that size lands on the large object heap, whose churn set off full
    /// collections in the middle of searches).
    /// </summary>
    internal sealed class RankedIds
    {
        private long[] _ids = System.Buffers.ArrayPool<long>.Shared.Rent(1024);
        private double[] _ranks = System.Buffers.ArrayPool<double>.Shared.Rent(1024);
        private int _count;

        public void Add(long id, double rank)
        {
            if (_count == _ids.Length)
            {
                _ids = Grow(_ids, _count);
                _ranks = Grow(_ranks, _count);
            }

            _ids[_count] = id;
            _ranks[_count] = rank;
            _count++;
        }

        private static T[] Grow<T>(T[] full, int count)
        {
            var larger = System.Buffers.ArrayPool<T>.Shared.Rent(full.Length * 2);
            Array.Copy(full, larger, count);
            System.Buffers.ArrayPool<T>.Shared.Return(full);
            return larger;
        }

        /// <summary>The ids and ranks gathered, in arrays of their own; the pooled buffers go back to the pool (call once).</summary>
        public (long[] Ids, double[] Ranks) ToArrays()
        {
            var ids = _ids.AsSpan(0, _count).ToArray();
            var ranks = _ranks.AsSpan(0, _count).ToArray();
            System.Buffers.ArrayPool<long>.Shared.Return(_ids);
            System.Buffers.ArrayPool<double>.Shared.Return(_ranks);
            _ids = [];
            _ranks = [];
            _count = 0;
            return (ids, ranks);
        }
    }

    /// <summary>FROM reviews <c>r</c> and documents <c>d</c>, joined to what the review match condition needs.</summary>
    public abstract string ReviewsMatchFrom { get; }

    /// <summary>FROM learning points <c>lp</c>, reviews <c>r</c>, documents <c>d</c>, and what the point match needs.</summary>
    public abstract string PointsMatchFrom { get; }

    /// <summary>
    /// FROM the review search index alone, without joining reviews to documents (top-k ranking and match ids);
    /// <see cref="ReviewMatch"/> and <see cref="ReviewRank"/> apply to it and <see cref="ReviewIndexKey"/> is the review id.
    /// </summary>
    public abstract string ReviewIndexFrom { get; }

    /// <summary>The review id in <see cref="ReviewIndexFrom"/>.</summary>
    public abstract string ReviewIndexKey { get; }

    public abstract string ReviewMatch { get; }

    /// <summary>
    /// Whether a large ranking may be split into id ranges ranked on several connections at once (the rank of a row
    /// must not depend on which other rows the query reads).
    /// </summary>
    public virtual bool SplitsRanking => false;

    /// <summary>
    /// FROM and WHERE (without the keyword) that read the reviews (or learning points) whose ids are in <c>@ids</c>,
    /// with <c>r</c> and <c>d</c> (and <c>lp</c>) joined, for a page or a short list.
    /// </summary>
    public virtual (string From, string Where) ByIdsFrom(bool learning) => learning
        ? ("FROM learning_points lp JOIN reviews r ON r.id = lp.review_id JOIN documents d ON d.id = r.document_id", IdIn("lp.id"))
        : ("FROM reviews r JOIN documents d ON d.id = r.document_id", IdIn("r.id"));

    /// <summary>
    /// FROM and WHERE (without the keyword) that read the matching rows whose ids are in <c>@ids</c> — reviews
    /// (<paramref name="learning"/> false) or learning points — with <c>r</c> and <c>d</c> (and <c>lp</c>) joined, for
    /// snippets of one page. <paramref name="key"/> is the id column the list is of; <paramref name="expression"/> is
    /// the match expression.
    /// </summary>
    public virtual (string From, string Where) PageMatchFrom(bool learning, string key, string expression) =>
        (learning ? PointsMatchFrom : ReviewsMatchFrom, $"{(learning ? PointMatch : ReviewMatch)} AND {IdIn(key)}");

    public abstract string PointMatch { get; }

    /// <summary>The review rank, lower for better matches (title and reference count most).</summary>
    public abstract string ReviewRank { get; }

    public abstract string PointRank { get; }

    /// <summary>The matching text around the hits with <c>@open</c>/<c>@close</c> markers.</summary>
    public abstract string ReviewSnippet { get; }

    public abstract string PointSnippet { get; }

    /// <summary>Any of the words (lower-case, whole), as a query expression, for more-like-this.</summary>
    public abstract string AnyOf(IEnumerable<string> words);

    /// <summary>An aggregate of <paramref name="expression"/> into a JSON array of strings, in <paramref name="orderBy"/> order (NULL or <c>[]</c> over no rows).</summary>
    public abstract string JsonArrayAgg(string expression, string orderBy);

    /// <summary>Adds the document's reviews and learning points to the search index (in the write's transaction).</summary>
    public abstract Task IndexDocumentAsync(DbConnection connection, DbTransaction transaction, IEnumerable<(long Id, string Title, string Reference, string? Summary, string Body)> reviews, long documentId);

    /// <summary>
    /// The INSERT of one review's index row for the bulk writer (parameters @id, @title, @reference, @summary, @body),
    /// or null when the index keeps itself in step with the rows.
    /// </summary>
    public abstract string? ReviewIndexInsertSql { get; }

    /// <summary>The INSERT of one learning point's index row (parameters @id, @text), or null when the index keeps itself in step.</summary>
    public abstract string? PointIndexInsertSql { get; }

    /// <summary>A read transaction in which every statement sees one snapshot of the library.</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>SQL that removes the index entries of the document <c>@documentId</c>, run before its reviews are deleted.</summary>
    public abstract string UnindexDocumentSql { get; }

    /// <summary>Problems the database itself reports (integrity, foreign keys, search indexes out of step).</summary>
    public abstract Task<IReadOnlyList<string>> CheckAsync(DbConnection connection, CancellationToken cancellationToken);
}
