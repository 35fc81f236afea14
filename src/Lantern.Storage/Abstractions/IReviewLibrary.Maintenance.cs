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

/// <summary>The audit trail (administrators only). Append-only: the database refuses UPDATE and DELETE.</summary>
public partial interface IReviewLibrary
{
    /// <summary>
    /// The newest entries of the audit trail: imports, re-extractions, coding decisions, sign-ins, account changes,
    /// and every view, download or export of restricted material. Empty for a viewer who is not an administrator.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(Viewer viewer, int take = 100, CancellationToken cancellationToken = default) =>
        GetAuditLogAsync(viewer, new AuditQuery { Take = take }, cancellationToken);

    /// <summary>Audit entries matching <paramref name="query"/>, newest first; empty for a viewer who is not an administrator.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(Viewer viewer, AuditQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([]);

    /// <summary>Appends an entry that is not about one read of the library (a sign-in, an account change).</summary>
    Task AppendAuditAsync(string actor, string action, string? address, string? detail, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}

/// <summary>Filters for the audit trail; every filter is optional. <see cref="Until"/> is exclusive.</summary>
public sealed record AuditQuery
{
    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>The actor's user name, exactly.</summary>
    public string? User { get; init; }

    /// <summary>The action, exactly (ingest, code, sign-in, sign-in-failed, view-review…).</summary>
    public string? Action { get; init; }

    /// <summary>How many entries at most (1–100 000, default 1000).</summary>
    public int Take { get; init; } = 1000;
}

/// <summary>
/// One audit entry: when, who, from where (the client's IP address, when it came over the web), what (ingest,
/// reextract, code, view-review, view-document, download-original, export, sign-in, sign-in-failed, sign-out,
/// user-add, user-disable, user-enable, user-reset, user-role, token-create, token-revoke) and about which document or review.
/// </summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, long? DocumentId, long? ReviewId, string? Detail, string? Address = null);
