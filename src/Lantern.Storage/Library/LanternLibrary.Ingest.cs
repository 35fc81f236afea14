using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Lantern.Core.Model;
using Lantern.Core.Sensitive;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Records;
using Lantern.Storage.Sqlite;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, IngestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(fileName);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await using (var probe = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var existing = await FindDocumentIdAsync(probe, null, sha).ConfigureAwait(false);
            if (existing is not null)
            {
                return new IngestOutcome(name, IngestStatus.AlreadyPresent, "already in the library", existing);
            }
        }

        if (!TryExtract(name, bytes, out var source, out var extraction, out var why))
        {
            return new IngestOutcome(name, IngestStatus.Rejected, why);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var existing = await FindDocumentIdAsync(connection, transaction, sha).ConfigureAwait(false);
            if (existing is not null)
            {
                return new IngestOutcome(name, IngestStatus.AlreadyPresent, "already in the library", existing);
            }

            // The blob goes in place before the row that refers to it commits.
            await _originals.SaveAsync(sha, bytes, cancellationToken).ConfigureAwait(false);
            var findings = SensitiveDataDetector.Default.Detect(extraction.Text);
            var visibility = options.Visibility ?? (findings.Count > 0 ? Visibility.Restricted : Visibility.Public);
            var document = new DocumentRow
            {
                Sha256 = sha,
                FileName = name,
                Format = source.Format,
                Length = bytes.LongLength,
                Visibility = (int)visibility,
                AddedAt = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                AddedBy = options.Actor,
            };
            using (var context = _dialect.Context(connection))
            {
                await context.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
                await WriteExtractionAsync(context, connection, transaction, document, extraction, cancellationToken).ConfigureAwait(false);
            }

            await AuditAsync(connection, transaction, options.Actor, "ingest", document.Id, null, $"{name} ({visibility}, {extraction.Reviews.Count} reviews, {findings.Count} sensitive-data findings)", options.Address).ConfigureAwait(false);
            if (findings.Count > 0 && options.Visibility == Visibility.Public)
            {
                await AuditAsync(connection, transaction, options.Actor, "sensitive-public", document.Id, null, $"{name} published as asked despite {findings.Count} sensitive-data findings", options.Address).ConfigureAwait(false);
            }

            FaultInjection?.Invoke("before-commit");
            await CommitAsync(transaction, cancellationToken).ConfigureAwait(false);
            return new IngestOutcome(name, IngestStatus.Added, $"{extraction.Reviews.Count} reviews", document.Id, extraction.Reviews.Count, findings.Count, visibility);
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Loads and extracts a file. Extraction is the slow part and touches no shared state, so it runs outside the write
    /// lock. A loader rejection, an empty text, or a defect in a pipeline stage becomes a reason, never an exception, so
    /// one bad file never stops a bulk import.
    /// </summary>
    private bool TryExtract(string name, byte[] bytes, out SourceDocument source, out DocumentExtraction extraction, out string why)
    {
        source = null!;
        extraction = null!;
        try
        {
            source = _loader.Load(name, bytes);
            var error = source.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (error is not null)
            {
                why = error.Message;
                return false;
            }

            if (string.IsNullOrWhiteSpace(source.RawText))
            {
                why = "the file holds no text";
                return false;
            }

            extraction = _pipeline.Run(source);
            why = "";
            return true;
        }
#pragma warning disable CA1031 // A stage's defect must not abort the import of other files; the reason is reported.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            why = $"the text could not be read ({e.GetType().Name}: {e.Message})";
            return false;
        }
    }

    private static async Task<long?> FindDocumentIdAsync(DbConnection connection, DbTransaction? transaction, string sha) =>
        await connection.ExecuteScalarAsync<long?>("SELECT id FROM documents WHERE sha256 = @sha", new { sha }, transaction).ConfigureAwait(false);

    /// <summary>
    /// Writes a document's extraction: the document row (inserted, or updated when it has an id), its reviews, labels
    /// and text items, and their full-text rows, all inside the caller's transaction.
    /// </summary>
    private async Task WriteExtractionAsync(
        LanternDbContext context, DbConnection connection, DbTransaction transaction, DocumentRow document, DocumentExtraction extraction, CancellationToken cancellationToken)
    {
        document.Publisher = extraction.Publisher?.Value;
        document.Text = extraction.Text;
        document.ExtractorVersion = extraction.ExtractorVersion;
        document.DiagnosticsJson = ReviewJson.SerializeDiagnostics(extraction.Diagnostics);
        if (document.Id == 0)
        {
            context.Documents.Add(document);
        }
        else
        {
            context.Documents.Update(document);
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await WriteFindingsAsync(connection, transaction, document.Id, SensitiveDataDetector.Default.Detect(extraction.Text)).ConfigureAwait(false);
        FaultInjection?.Invoke("document-saved");

        var stem = Path.GetFileNameWithoutExtension(document.FileName);
        var reviewRows = new List<(ReviewRow Row, Review Review)>();
        foreach (var review in extraction.Reviews)
        {
            var row = ReviewRows.From(review, extraction.Text, stem, document.Id, extraction.ExtractorVersion, _codebookVersion);
            context.Reviews.Add(row);
            reviewRows.Add((row, review));
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (row, review) in reviewRows)
        {
            context.ReviewLabels.AddRange(ReviewRows.Labels(row.Id, review));
            context.LearningPoints.AddRange(ReviewRows.Items(row.Id, review));
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        FaultInjection?.Invoke("reviews-saved");

        await _dialect.IndexDocumentAsync(
            connection, transaction, reviewRows.Select(r => (r.Row.Id, r.Row.Title, JoinReference(r.Row), r.Row.Summary, r.Row.Body)), document.Id).ConfigureAwait(false);
    }

    private static string JoinReference(ReviewRow row) => ReviewRows.SearchReference(row);
}
