using System.Data.Common;
using System.Globalization;
using Dapper;
using Lantern.Storage.Library;
using Lantern.Storage.Search;
using Lantern.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Lantern.Storage.Providers;

/// <summary>SQLite in a data folder: FTS5 tables <c>reviews_fts</c> and <c>learning_fts</c>, ranked by bm25.</summary>
internal sealed class SqliteDialect(string databaseFile) : SqlDialect
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string MigrationFolder => "Sqlite";

    public override string DisplayConnectionString => _connectionString;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    // In WAL mode, synchronous=NORMAL is durable across application crashes and only a power loss may roll back the
    // last commits; without it every commit waits for the disk.
    public override void Configure(DbConnection connection) => Execute(connection, "PRAGMA synchronous = NORMAL;");

    // Search reads map the database file (mmap_size): pages are read straight from the operating system's file cache,
    // shared by every pooled connection, instead of being copied by a system call into each connection's own small
    // page cache. A ranked search at 100k reviews touches thousands of pages (the matches' position lists and the sizes
    // of every matching review) and spent as much time in the kernel as in SQLite. Only connections that have served a
    // search map the file: mapped pages count towards the process's resident memory, which a bulk import (which reads
    // index pages as it merges them) should keep flat.
    public override void PrepareForReads(DbConnection connection) => Execute(connection, $"PRAGMA mmap_size = {MapBytes};");

    /// <summary>The most of the database file a connection maps (SQLite caps it at its compile-time limit, 2 GB by default).</summary>
    private const long MapBytes = 1L << 32;

    public override void Prepare(DbConnection connection) => Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");

    public override LanternDbContext Context(DbConnection connection) =>
        new(new DbContextOptionsBuilder<LanternDbContext>().UseSqlite(connection).Options);

    public override void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// As the base, stepping the statement with SQLite's own calls: for tens of thousands of rows the data reader's
    /// per-row work cost a fifth of the query (4-6 ms at 100k reviews for a common word). The statement runs on the
    /// connection's handle, inside its open transaction.
    /// </summary>
    public override Task<(long[] Ids, double[] Ranks)> ReadRankedIdsAsync(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var (name, value) in parameters)
            {
                var at = raw.sqlite3_bind_parameter_index(statement, "@" + name);
                if (at == 0)
                {
                    throw new ArgumentException($"The SQL has no parameter @{name}.", nameof(parameters));
                }

                Check(db, value switch
                {
                    string text => raw.sqlite3_bind_text(statement, at, text),
                    long number => raw.sqlite3_bind_int64(statement, at, number),
                    int number => raw.sqlite3_bind_int64(statement, at, number),
                    _ => throw new ArgumentException($"Parameter @{name}: a {value.GetType().Name} cannot be bound here.", nameof(parameters)),
                });
            }

            var rows = new RankedIds();
            int result;
            var steps = 0;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++steps & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                rows.Add(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_double(statement, 1));
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(db, result);
            }

            return Task.FromResult(rows.ToArrays());
        }

        static void Check(sqlite3 db, int code)
        {
            if (code != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), code);
            }
        }
    }

    public override string IdIn(string column, string parameter = "ids") => $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    public override object IdList(IEnumerable<long> ids) =>
        "[" + string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";

    public override string MatchExpression(ParsedQuery parsed) => parsed.MatchExpression!;

    public override Task<string> ExpandAsync(DbConnection connection, string expression, CancellationToken cancellationToken) =>
        PrefixExpansion.ExpandAsync(connection, expression, cancellationToken);

    public override string ReviewsMatchFrom => "FROM reviews_fts JOIN reviews r ON r.id = reviews_fts.rowid JOIN documents d ON d.id = r.document_id";

    public override string PointsMatchFrom => "FROM learning_fts JOIN learning_points lp ON lp.id = learning_fts.rowid JOIN reviews r ON r.id = lp.review_id JOIN documents d ON d.id = r.document_id";

    // The id list drives the join (CROSS JOIN fixes the order). Left to the planner, a reader's visibility condition
    // (d.visibility = 0) made it walk every public document through the visibility index and test each review against
    // the list: 20 ms at 100k reviews to read five summaries.
    public override (string From, string Where) ByIdsFrom(bool learning) => learning
        ? ("FROM json_each(@ids) ids CROSS JOIN learning_points lp CROSS JOIN reviews r CROSS JOIN documents d",
            "lp.id = ids.value AND r.id = lp.review_id AND d.id = r.document_id")
        : ("FROM json_each(@ids) ids CROSS JOIN reviews r CROSS JOIN documents d", "r.id = ids.value AND d.id = r.document_id");

    // FTS5 seeks each of the page's ids in the full-text index (a rowid lookup per id, as the list is offered to it),
    // except when the expression has prefix terms: each lookup then merges every word with that prefix again, and one
    // pass over the matches keeping the page's ids costs less (the unary + keeps the list from being offered as a
    // lookup). CROSS JOIN fixes the order either way: left to the planner, every match was joined to its review
    // first and the list applied afterwards, 150-340 ms for a common word where the page needs twenty rows.
    public override (string From, string Where) PageMatchFrom(bool learning, string key, string expression)
    {
        var seek = PrefixExpansion.HasPrefixTerm(expression) ? "+" : "";
        return learning
            ? ("FROM learning_fts CROSS JOIN learning_points lp CROSS JOIN reviews r CROSS JOIN documents d",
                $"learning_fts MATCH @match AND {seek}learning_fts.rowid IN (SELECT value FROM json_each(@ids)) AND lp.id = learning_fts.rowid AND r.id = lp.review_id AND d.id = r.document_id")
            : ("FROM reviews_fts CROSS JOIN reviews r CROSS JOIN documents d",
                $"reviews_fts MATCH @match AND {seek}reviews_fts.rowid IN (SELECT value FROM json_each(@ids)) AND r.id = reviews_fts.rowid AND d.id = r.document_id");
    }

    // bm25's whole-index figures (row count, average column sizes, rows per phrase) are read over the whole table
    // whatever rowid range a query is limited to (fts5_aux.c: xRowCount, xColumnTotalSize, xQueryPhrase), so a
    // review's score is the same in a range query as in the full one.
    public override bool SplitsRanking => true;

    public override string ReviewIndexFrom => "FROM reviews_fts";

    public override string ReviewIndexKey => "reviews_fts.rowid";

    public override string ReviewMatch => "reviews_fts MATCH @match";

    public override string PointMatch => "learning_fts MATCH @match";

    // Column weights for title, reference (and pseudonym), summary and body: a word in the label or title counts most.
    public override string ReviewRank => "bm25(reviews_fts, 4.0, 6.0, 2.0, 1.0)";

    public override string PointRank => "bm25(learning_fts)";

    public override string ReviewSnippet => "snippet(reviews_fts, -1, @open, @close, '\u2026', 28)";

    public override string PointSnippet => "highlight(learning_fts, 0, @open, @close)";

    public override string JsonArrayAgg(string expression, string orderBy) => $"json_group_array({expression} ORDER BY {orderBy})";

    public override string AnyOf(IEnumerable<string> words) =>
        string.Join(" OR ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    public override async Task IndexDocumentAsync(DbConnection connection, DbTransaction transaction, IEnumerable<(long Id, string Title, string Reference, string? Summary, string Body)> reviews, long documentId)
    {
        foreach (var row in reviews)
        {
            await connection.ExecuteAsync(
                "INSERT INTO reviews_fts (rowid, title, reference, summary, body) VALUES (@Id, @Title, @Reference, @Summary, @Body)",
                new { row.Id, row.Title, row.Reference, row.Summary, row.Body },
                transaction).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO learning_fts (rowid, text)
            SELECT lp.id, lp.text FROM learning_points lp JOIN reviews r ON r.id = lp.review_id WHERE r.document_id = @id
            """,
            new { id = documentId },
            transaction).ConfigureAwait(false);
    }

    public override string? ReviewIndexInsertSql => "INSERT INTO reviews_fts (rowid, title, reference, summary, body) VALUES (@id, @title, @reference, @summary, @body)";

    public override string? PointIndexInsertSql => "INSERT INTO learning_fts (rowid, text) VALUES (@id, @text)";

    // Deferred: the snapshot starts at the first read and holds for the whole transaction (WAL).
    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override string UnindexDocumentSql => """
        DELETE FROM learning_fts WHERE rowid IN (SELECT lp.id FROM learning_points lp JOIN reviews r ON r.id = lp.review_id WHERE r.document_id = @documentId);
        DELETE FROM reviews_fts WHERE rowid IN (SELECT id FROM reviews WHERE document_id = @documentId);
        """;

    public override async Task<IReadOnlyList<string>> CheckAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The check runs on a connection of its own (not pooled) inside an IMMEDIATE transaction: no writer moves the
        // database underneath it, and no state cached by an earlier use of a pooled connection is reused. Once, under
        // the load test, PRAGMA integrity_check on a pooled connection reported an FTS5 checksum mismatch right after
        // another connection's import, while FTS5's own integrity-check in the same run found the index sound.
        await using var own = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        await own.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = own.BeginTransaction(deferred: false);
        var problems = new List<string>();
        var integrity = (await own.QueryAsync<string>("PRAGMA integrity_check", transaction: transaction).ConfigureAwait(false)).ToList();
        if (integrity is not ["ok"])
        {
            problems.AddRange(integrity.Select(i => $"database: {i}"));
        }

        var foreignKeys = await own.QueryAsync<(string Table, long RowId, string Parent)>("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", transaction: transaction).ConfigureAwait(false);
        problems.AddRange(foreignKeys.Select(f => $"database: {f.Table} row {f.RowId} refers to a missing {f.Parent} row"));
        problems.AddRange(await IndexProblemsAsync(own, transaction, "reviews", "reviews_fts").ConfigureAwait(false));
        problems.AddRange(await IndexProblemsAsync(own, transaction, "learning_points", "learning_fts").ConfigureAwait(false));
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return problems;
    }

    private static async Task<IEnumerable<string>> IndexProblemsAsync(DbConnection connection, DbTransaction transaction, string table, string index)
    {
        var problems = new List<string>();
        var missing = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {index} f WHERE f.rowid = t.id)", transaction: transaction).ConfigureAwait(false);
        var orphans = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {index} f WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = f.rowid)", transaction: transaction).ConfigureAwait(false);
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
            await connection.ExecuteAsync($"INSERT INTO {index} ({index}) VALUES ('integrity-check')", transaction: transaction).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            problems.Add($"search index {index}: {e.Message}");
        }

        return problems;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant settings, no input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
