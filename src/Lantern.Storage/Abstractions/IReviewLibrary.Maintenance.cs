using Lantern.Core.Model;
using Lantern.Core.Records;

namespace Lantern.Storage.Abstractions;

/// <summary>
/// Operator tasks: re-extraction, integrity checks and exports. The default bodies describe a library without them
/// (for test doubles); <c>LanternLibrary</c> implements them all.
/// </summary>
public partial interface IReviewLibrary
{
    /// <summary>
    /// Re-runs extraction over stored originals (all, or only documents whose records came from another extractor or
    /// codebook version), replacing the automatic records of each document in its own transaction. Human coding
    /// decisions are kept. An operator task: hosts must allow it to administrators only.
    /// </summary>
    Task<ReextractSummary> ReextractAsync(bool staleOnly, IProgress<ReextractProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This library cannot re-extract its documents.");

    /// <summary>
    /// Checks the library: every original present and hashing to its address, the full-text indexes consistent with
    /// the rows, the database's own integrity. An operator task.
    /// </summary>
    Task<LibraryCheck> CheckAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This library cannot check itself.");

    /// <summary>Every document the viewer may see, in the record-schema shape (effective themes), streamed one at a time.</summary>
    IAsyncEnumerable<DocumentExport> ExportAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This library cannot export.");
}

/// <summary>What a re-extraction did.</summary>
public sealed record ReextractSummary(int Documents, int Reviews, int Skipped, IReadOnlyList<string> Problems);

/// <summary>Progress of a re-extraction: documents done out of the total.</summary>
public sealed record ReextractProgress(int Done, int Total, string FileName);

/// <summary>The result of <see cref="IReviewLibrary.CheckAsync"/>: empty <see cref="Problems"/> means all is well.</summary>
/// <remarks><see cref="Notes"/> are worth an operator's look but are not faults (a flagged document an editor published).</remarks>
public sealed record LibraryCheck(int DocumentsChecked, int ReviewsChecked, IReadOnlyList<string> Problems, IReadOnlyList<string>? Notes = null)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>One exported document: its summary and its record.</summary>
public sealed record DocumentExport(DocumentSummary Document, DocumentRecord Record);

/// <summary>The audit trail (administrators only).</summary>
public partial interface IReviewLibrary
{
    /// <summary>
    /// The newest entries of the audit trail: imports, re-extractions, coding decisions, and every view, download or
    /// export of restricted material. Empty for a viewer who is not an administrator.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(Viewer viewer, int take = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([]);
}

/// <summary>One audit entry: when, who, what (ingest, reextract, code, view-review, view-document, download-original, export) and about which document or review.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, long? DocumentId, long? ReviewId, string? Detail);
