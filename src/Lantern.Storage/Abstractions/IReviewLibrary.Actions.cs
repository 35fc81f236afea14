using Lantern.Core.Model;

namespace Lantern.Storage.Abstractions;

/// <summary>
/// Tracked actions: the actions and recommendations of reviews, followed up with an owner, a due date, a status and
/// evidence, with every change kept. Actions of a review the viewer may not see are neither returned nor counted.
/// The default bodies describe a library without actions (for test doubles); <c>LanternLibrary</c> implements them.
/// </summary>
public partial interface IReviewLibrary
{
    /// <summary>Visible actions matching the filter, by due date (undated last), then id.</summary>
    Task<IReadOnlyList<TrackedAction>> ListActionsAsync(ActionFilter filter, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TrackedAction>>([]);

    /// <summary>One action, or null when it does not exist or the viewer may not see its review.</summary>
    Task<TrackedAction?> GetActionAsync(long actionId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<TrackedAction?>(null);

    /// <summary>Every change to an action, oldest first (empty when not visible).</summary>
    Task<IReadOnlyList<ActionHistoryEntry>> GetActionHistoryAsync(long actionId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ActionHistoryEntry>>([]);

    /// <summary>Adds an editor's own action to a review. The viewer must be able to edit and see the review.</summary>
    Task<ActionOutcome> AddActionAsync(long reviewId, NewAction action, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ActionOutcome(false, "This library does not track actions."));

    /// <summary>
    /// Applies a change made from version <see cref="ActionChange.BasedOnVersion"/>. When someone else changed the
    /// action since, nothing is written and the outcome is a conflict naming who and when.
    /// </summary>
    Task<ActionOutcome> UpdateActionAsync(long actionId, ActionChange change, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ActionOutcome(false, "This library does not track actions."));

    /// <summary>Makes a tracked action of each extracted action of a review not yet tracked (idempotent).</summary>
    Task<ActionImportOutcome> ImportActionsAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ActionImportOutcome(0, 0, "This library does not track actions."));

    /// <summary>Attaches a file as evidence of completion (size- and type-checked, stored content-addressed).</summary>
    Task<ActionOutcome> AttachEvidenceFileAsync(long actionId, string fileName, byte[] bytes, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ActionOutcome(false, "This library does not track actions."));

    /// <summary>An attached evidence file's bytes, or null when missing or not visible.</summary>
    Task<StoredOriginal?> GetEvidenceFileAsync(long actionId, long fileId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<StoredOriginal?>(null);
}

public enum ActionStatus { Open, InProgress, Done, Dropped }

/// <summary>Which actions to list; every criterion given must match.</summary>
public sealed record ActionFilter
{
    public ActionStatus? Status { get; init; }

    /// <summary>Only actions due before today (from the library's clock) that are neither done nor dropped.</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>Only open or in-progress actions.</summary>
    public bool OpenOnly { get; init; }

    public string? Agency { get; init; }
    public long? ReviewId { get; init; }
}

/// <summary>A tracked action as a viewer sees it; <see cref="IsOverdue"/> is judged against the library's clock.</summary>
public sealed record TrackedAction(
    long Id,
    long? ReviewId,
    string ReviewTitle,
    string? ReviewReference,
    string Origin,
    string Text,
    string? Agency,
    string? Lead,
    DateOnly? Due,
    ActionStatus Status,
    string? Evidence,
    int Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    Visibility Visibility,
    bool IsOverdue,
    IReadOnlyList<EvidenceFile> Files);

public sealed record EvidenceFile(long Id, string FileName, string ContentType, long Length, DateTimeOffset AddedAt, string AddedBy);

public sealed record ActionHistoryEntry(long Id, int Version, DateTimeOffset At, string Actor, string Field, string? OldValue, string? NewValue);

/// <summary>An editor's own action.</summary>
public sealed record NewAction(string Text, string? Agency = null, string? Lead = null, DateOnly? Due = null);

/// <summary>A change to an action; null properties are left as they are, an empty string clears a text field.</summary>
public sealed record ActionChange(int BasedOnVersion)
{
    public ActionStatus? Status { get; init; }
    public DateOnly? Due { get; init; }
    public string? Lead { get; init; }
    public string? Agency { get; init; }
    public string? Evidence { get; init; }
}

/// <summary>Whether a write was stored; when not, <see cref="Message"/> says why and <see cref="Conflict"/> marks a stale edit.</summary>
public sealed record ActionOutcome(bool Stored, string Message, TrackedAction? Action = null, bool Conflict = false);

public sealed record ActionImportOutcome(int Added, int AlreadyTracked, string Message);

/// <summary>Status names as stored, typed on the command line and shown: open, in-progress, done, dropped.</summary>
public static class ActionStatuses
{
    public static string Name(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "in-progress",
        ActionStatus.Done => "done",
        ActionStatus.Dropped => "dropped",
        _ => "open",
    };

    public static ActionStatus? Parse(string? text) => text?.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-') switch
    {
        "open" => ActionStatus.Open,
        "in-progress" or "inprogress" => ActionStatus.InProgress,
        "done" => ActionStatus.Done,
        "dropped" => ActionStatus.Dropped,
        _ => null,
    };

    public static IReadOnlyList<ActionStatus> All { get; } = [ActionStatus.Open, ActionStatus.InProgress, ActionStatus.Done, ActionStatus.Dropped];
}
