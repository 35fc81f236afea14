using System.Data;
using System.Data.Common;
using System.Globalization;
using Lantern.Core.Model;
using Lantern.Core.Sensitive;
using Lantern.Storage.Providers;
using Lantern.Storage.Records;

namespace Lantern.Storage.Library;

/// <summary>A file that has been read, extracted and checked for sensitive data, waiting for the writer.</summary>
internal sealed record ExtractedFile(
    string Path, string FileName, string Sha256, byte[] Bytes, SourceDocument Source, DocumentExtraction Extraction, IReadOnlyList<SensitiveFinding> Findings);

/// <summary>
/// Writes extracted documents inside one transaction with prepared commands that are reused for every row: one
/// statement per row, no ORM change tracking, no per-row round trip to look anything up except the duplicate check.
/// Portable SQL on any provider; the search index rows are written through the dialect (none on PostgreSQL, whose
/// search columns are generated from the rows).
/// </summary>
internal sealed class DocumentBatchWriter : IDisposable
{
    private readonly DbCommand _find;
    private readonly DbCommand _document;
    private readonly DbCommand _review;
    private readonly DbCommand _label;
    private readonly DbCommand _point;
    private readonly DbCommand _finding;
    private readonly DbCommand? _reviewText;
    private readonly DbCommand? _pointText;
    private readonly DbCommand _audit;
    private readonly string? _codebookVersion;

    public DocumentBatchWriter(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string? codebookVersion)
    {
        _codebookVersion = codebookVersion;
        const DbType Text = DbType.String;
        const DbType Int = DbType.Int32;
        const DbType Long = DbType.Int64;
        _find = Command(connection, transaction, "SELECT id FROM documents WHERE sha256 = @sha", ("sha", Text));
        _document = Command(connection, transaction,
            """
            INSERT INTO documents (sha256, file_name, format, length, visibility, publisher, text, added_at, added_by, extractor_version, diagnostics_json)
            VALUES (@sha, @name, @format, @length, @visibility, @publisher, @text, @at, @by, @version, @diagnostics) RETURNING id
            """,
            ("sha", Text), ("name", Text), ("format", Text), ("length", Long), ("visibility", Int), ("publisher", Text), ("text", Text),
            ("at", Text), ("by", Text), ("version", Text), ("diagnostics", Text));
        _review = Command(connection, transaction,
            """
            INSERT INTO reviews (document_id, ordinal, review_key, reference, name, type, year, age_months, age_band, sex, outcome, summary, title, body, record_json, extractor_version, codebook_version)
            VALUES (@document, @ordinal, @key, @reference, @name, @type, @year, @months, @band, @sex, @outcome, @summary, @title, @body, @json, @version, @codebook) RETURNING id
            """,
            ("document", Long), ("ordinal", Int), ("key", Text), ("reference", Text), ("name", Text), ("type", Text), ("year", Int), ("months", Int),
            ("band", Text), ("sex", Text), ("outcome", Text), ("summary", Text), ("title", Text), ("body", Text), ("json", Text), ("version", Text), ("codebook", Text));
        _label = Command(connection, transaction,
            "INSERT INTO review_labels (review_id, kind, code, score, evidence_json) VALUES (@review, @kind, @code, @score, @evidence)",
            ("review", Long), ("kind", Text), ("code", Text), ("score", DbType.Double), ("evidence", Text));
        _point = Command(connection, transaction,
            "INSERT INTO learning_points (review_id, kind, ordinal, text, span_start, span_length) VALUES (@review, @kind, @ordinal, @text, @start, @length) RETURNING id",
            ("review", Long), ("kind", Text), ("ordinal", Int), ("text", Text), ("start", Int), ("length", Int));
        _finding = Command(connection, transaction,
            "INSERT INTO sensitive_findings (document_id, kind, span_start, span_length) VALUES (@document, @kind, @start, @length)",
            ("document", Long), ("kind", Text), ("start", Int), ("length", Int));
        _reviewText = dialect.ReviewIndexInsertSql is { } reviewIndex
            ? Command(connection, transaction, reviewIndex, ("id", Long), ("title", Text), ("reference", Text), ("summary", Text), ("body", Text))
            : null;
        _pointText = dialect.PointIndexInsertSql is { } pointIndex
            ? Command(connection, transaction, pointIndex, ("id", Long), ("text", Text))
            : null;
        _audit = Command(connection, transaction,
            "INSERT INTO audit_log (at, actor, action, document_id, review_id, detail, address) VALUES (@at, @actor, @action, @document, NULL, @detail, @address)",
            ("at", Text), ("actor", Text), ("action", Text), ("document", Long), ("detail", Text), ("address", Text));
    }

    /// <summary>Test hook, called with the file name before each document is written; throwing fails that document.</summary>
    public Action<string>? BeforeDocument { get; init; }

    /// <summary>The id of the document with these bytes, if the library (or this transaction) already holds it.</summary>
    public long? Find(string sha256)
    {
        _find.Parameters[0].Value = sha256;
        return _find.ExecuteScalar() is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Writes one document with its reviews, labels, text items, search index rows, sensitive-data findings and audit
    /// entries (as a single ingest does: 'ingest', and 'sensitive-public' when a flagged document is published as asked).
    /// </summary>
    public long Write(ExtractedFile file, Visibility visibility, bool publishedAsAsked, string actor, string? address, DateTimeOffset at)
    {
        BeforeDocument?.Invoke(file.FileName);
        var extraction = file.Extraction;
        var when = at.ToString("O", CultureInfo.InvariantCulture);
        var documentId = Id(Run(_document, true,
            file.Sha256, file.FileName, file.Source.Format, file.Bytes.LongLength, (int)visibility, extraction.Publisher?.Value, extraction.Text,
            when, actor, extraction.ExtractorVersion, ReviewJson.SerializeDiagnostics(extraction.Diagnostics)));
        foreach (var finding in file.Findings)
        {
            Run(_finding, false, documentId, SensitiveFinding.KindName(finding.Kind), finding.Span.Start, finding.Span.Length);
        }

        var stem = Path.GetFileNameWithoutExtension(file.FileName);
        foreach (var review in extraction.Reviews)
        {
            var row = ReviewRows.From(review, extraction.Text, stem, documentId, extraction.ExtractorVersion, _codebookVersion);
            var reviewId = Id(Run(_review, true,
                documentId, row.Ordinal, row.ReviewKey, row.Reference, row.Name, row.Type, row.Year, row.AgeMonths, row.AgeBand, row.Sex,
                row.Outcome, row.Summary, row.Title, row.Body, row.RecordJson, row.ExtractorVersion, row.CodebookVersion));
            foreach (var label in ReviewRows.Labels(reviewId, review))
            {
                Run(_label, false, reviewId, label.Kind, label.Code, label.Score, label.EvidenceJson);
            }

            foreach (var item in ReviewRows.Items(reviewId, review))
            {
                var pointId = Id(Run(_point, true, reviewId, item.Kind, item.Ordinal, item.Text, item.SpanStart, item.SpanLength));
                if (_pointText is not null)
                {
                    Run(_pointText, false, pointId, item.Text);
                }
            }

            if (_reviewText is not null)
            {
                Run(_reviewText, false, reviewId, row.Title, ReviewRows.SearchReference(row), row.Summary, row.Body);
            }
        }

        var findings = file.Findings.Count;
        Run(_audit, false, when, actor, "ingest", documentId, $"{file.FileName} ({visibility}, {extraction.Reviews.Count} reviews, {findings} sensitive-data findings)", address);
        if (findings > 0 && publishedAsAsked)
        {
            Run(_audit, false, when, actor, "sensitive-public", documentId, $"{file.FileName} published as asked despite {findings} sensitive-data findings", address);
        }

        return documentId;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _find, _document, _review, _label, _point, _finding, _reviewText, _pointText, _audit })
        {
            command?.Dispose();
        }
    }

    // Each parameter has its type set, so the command can be prepared before any value is known (PostgreSQL needs the
    // types to prepare) and a null never changes a parameter's type between rows.
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static object? Run(DbCommand command, bool scalar, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
    }

    private static long Id(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
