using Lantern.Core.Model;
using Lantern.Core.Sensitive;

namespace Lantern.Storage.Abstractions;

/// <summary>
/// The sensitive-data check: what it found in each document, and editors' decisions. Editors and administrators
/// only: for anyone else the lists are empty and clearing is refused, so findings never hint at restricted material.
/// </summary>
public partial interface IReviewLibrary
{
    /// <summary>
    /// Documents with findings (all of them, or the one given), flagged ones first, each with its findings and the
    /// text they cover. Empty for a viewer who may not see restricted material.
    /// </summary>
    Task<IReadOnlyList<SensitiveReport>> ListSensitiveAsync(Viewer viewer, long? documentId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SensitiveReport>>([]);

    /// <summary>
    /// An editor's decision on a document's findings: the document becomes <paramref name="visibility"/> and is no
    /// longer flagged. Recorded in the audit trail.
    /// </summary>
    /// <returns>False when the document does not exist or the viewer is not an editor.</returns>
    Task<bool> ClearSensitiveAsync(long documentId, Visibility visibility, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);
}

/// <summary>One stored finding: its kind, span into the document text, and the text it covers.</summary>
public sealed record StoredFinding(SensitiveKind Kind, SourceSpan Span, string Text);

/// <summary>A document's findings and whether an editor has cleared them (who, when).</summary>
public sealed record SensitiveReport(
    long DocumentId, string FileName, Visibility Visibility, IReadOnlyList<StoredFinding> Findings, string? ClearedBy, DateTimeOffset? ClearedAt)
{
    /// <summary>Findings nobody has cleared yet.</summary>
    public bool Flagged => Findings.Count > 0 && ClearedBy is null;
}
