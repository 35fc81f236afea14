using System.Globalization;
using Lantern.Core.Model;
using Lantern.Storage.Records;
using Lantern.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Lantern.Storage.Library;

/// <summary>A file that has been read and extracted, waiting for the writer.</summary>
internal sealed record ExtractedFile(string Path, string FileName, string Sha256, byte[] Bytes, SourceDocument Source, DocumentExtraction Extraction);

/// <summary>
/// Writes extracted documents inside one transaction with prepared commands that are reused for every row: one
/// statement per row, no ORM change tracking, no per-row round trip to look anything up except the duplicate check.
/// </summary>
internal sealed class DocumentBatchWriter : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _document;
    private readonly SqliteCommand _review;
    private readonly SqliteCommand _label;
    private readonly SqliteCommand _point;
    private readonly SqliteCommand _reviewText;
    private readonly SqliteCommand _pointText;
    private readonly SqliteCommand _audit;
    private readonly string? _codebookVersion;

    public DocumentBatchWriter(SqliteConnection connection, SqliteTransaction transaction, string? codebookVersion)
    {
        _codebookVersion = codebookVersion;
        _find = Command(connection, transaction, "SELECT id FROM documents WHERE sha256 = $sha", "$sha");
        _document = Command(connection, transaction,
            """
            INSERT INTO documents (sha256, file_name, format, length, visibility, publisher, text, added_at, added_by, extractor_version, diagnostics_json)
            VALUES ($sha, $name, $format, $length, $visibility, $publisher, $text, $at, $by, $version, $diagnostics) RETURNING id
            """,
            "$sha", "$name", "$format", "$length", "$visibility", "$publisher", "$text", "$at", "$by", "$version", "$diagnostics");
        _review = Command(connection, transaction,
            """
            INSERT INTO reviews (document_id, ordinal, review_key, reference, name, type, year, age_months, age_band, sex, outcome, summary, title, body, record_json, extractor_version, codebook_version)
            VALUES ($document, $ordinal, $key, $reference, $name, $type, $year, $months, $band, $sex, $outcome, $summary, $title, $body, $json, $version, $codebook) RETURNING id
            """,
            "$document", "$ordinal", "$key", "$reference", "$name", "$type", "$year", "$months", "$band", "$sex", "$outcome", "$summary", "$title", "$body", "$json", "$version", "$codebook");
        _label = Command(connection, transaction,
            "INSERT INTO review_labels (review_id, kind, code, score, evidence_json) VALUES ($review, $kind, $code, $score, $evidence)",
            "$review", "$kind", "$code", "$score", "$evidence");
        _point = Command(connection, transaction,
            "INSERT INTO learning_points (review_id, kind, ordinal, text, span_start, span_length) VALUES ($review, $kind, $ordinal, $text, $start, $length) RETURNING id",
            "$review", "$kind", "$ordinal", "$text", "$start", "$length");
        _reviewText = Command(connection, transaction,
            "INSERT INTO reviews_fts (rowid, title, reference, summary, body) VALUES ($id, $title, $reference, $summary, $body)",
            "$id", "$title", "$reference", "$summary", "$body");
        _pointText = Command(connection, transaction, "INSERT INTO learning_fts (rowid, text) VALUES ($id, $text)", "$id", "$text");
        _audit = Command(connection, transaction,
            "INSERT INTO audit_log (at, actor, action, document_id, review_id, detail) VALUES ($at, $actor, 'ingest', $document, NULL, $detail)",
            "$at", "$actor", "$document", "$detail");
    }

    /// <summary>Test hook, called with the file name before each document is written; throwing fails that document.</summary>
    public Action<string>? BeforeDocument { get; init; }

    /// <summary>The id of the document with these bytes, if the library (or this transaction) already holds it.</summary>
    public long? Find(string sha256)
    {
        _find.Parameters[0].Value = sha256;
        return _find.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>Writes one document with its reviews, labels, text items, full-text rows and audit entry.</summary>
    public long Write(ExtractedFile file, Visibility visibility, string actor, DateTimeOffset at)
    {
        BeforeDocument?.Invoke(file.FileName);
        var extraction = file.Extraction;
        var when = at.ToString("O", CultureInfo.InvariantCulture);
        var documentId = (long)Run(_document, true,
            file.Sha256, file.FileName, file.Source.Format, file.Bytes.LongLength, (int)visibility, extraction.Publisher?.Value, extraction.Text,
            when, actor, extraction.ExtractorVersion, ReviewJson.SerializeDiagnostics(extraction.Diagnostics))!;
        var stem = Path.GetFileNameWithoutExtension(file.FileName);
        foreach (var review in extraction.Reviews)
        {
            var row = ReviewRows.From(review, extraction.Text, stem, documentId, extraction.ExtractorVersion, _codebookVersion);
            var reviewId = (long)Run(_review, true,
                documentId, row.Ordinal, row.ReviewKey, row.Reference, row.Name, row.Type, row.Year, row.AgeMonths, row.AgeBand, row.Sex,
                row.Outcome, row.Summary, row.Title, row.Body, row.RecordJson, row.ExtractorVersion, row.CodebookVersion)!;
            foreach (var label in ReviewRows.Labels(reviewId, review))
            {
                Run(_label, false, reviewId, label.Kind, label.Code, label.Score, label.EvidenceJson);
            }

            foreach (var item in ReviewRows.Items(reviewId, review))
            {
                var pointId = (long)Run(_point, true, reviewId, item.Kind, item.Ordinal, item.Text, item.SpanStart, item.SpanLength)!;
                Run(_pointText, false, pointId, item.Text);
            }

            Run(_reviewText, false, reviewId, row.Title, ReviewRows.SearchReference(row), row.Summary, row.Body);
        }

        Run(_audit, false, when, actor, documentId, $"{file.FileName} ({visibility}, {extraction.Reviews.Count} reviews)");
        return documentId;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _find, _document, _review, _label, _point, _reviewText, _pointText, _audit })
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static object? Run(SqliteCommand command, bool scalar, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
    }
}
