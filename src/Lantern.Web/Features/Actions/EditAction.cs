using System.Globalization;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Actions;

/// <summary>One action with its history, and whether the viewer may change it.</summary>
public sealed record ActionView(TrackedAction Action, IReadOnlyList<ActionHistoryEntry> History, bool CanEdit);

/// <summary>An edit as posted from the form: every field as typed, and the version the editor opened.</summary>
public sealed record ActionEdit(int Version, string? Status, string? Due, string? Lead, string? Agency, string? Evidence);

/// <summary>The result of an edit: stored, or the errors to show against each field (key = field id).</summary>
public sealed record ActionEditResult(bool Stored, string Message, IReadOnlyDictionary<string, string> Errors, bool Conflict);

/// <summary>Shows and changes one tracked action, and tracks a review's extracted actions.</summary>
public sealed class EditAction(IReviewLibrary library, IViewerAccessor viewers)
{
    public async Task<ActionView?> ShowAsync(long actionId, CancellationToken cancellationToken)
    {
        var viewer = viewers.Current;
        var action = await library.GetActionAsync(actionId, viewer, cancellationToken);
        return action is null ? null : new ActionView(action, await library.GetActionHistoryAsync(actionId, viewer, cancellationToken), viewer.CanEdit);
    }

    public async Task<ActionEditResult> UpdateAsync(long actionId, ActionEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var status = ActionStatuses.Parse(edit.Status);
        if (status is null)
        {
            errors["status"] = "Select a status";
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(edit.Due))
        {
            if (DateOnly.TryParseExact(edit.Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                due = parsed;
            }
            else
            {
                errors["due"] = "Enter the due date as YYYY-MM-DD, for example 2025-06-30";
            }
        }

        if (errors.Count > 0)
        {
            return new ActionEditResult(false, "There is a problem", errors, false);
        }

        var change = new ActionChange(edit.Version)
        {
            Status = status,
            Due = due,
            Lead = edit.Lead ?? "",
            Agency = edit.Agency ?? "",
            Evidence = edit.Evidence ?? "",
        };
        var outcome = await library.UpdateActionAsync(actionId, change, viewers.Current, cancellationToken);
        return new ActionEditResult(outcome.Stored, outcome.Message, outcome.Stored ? new Dictionary<string, string>() : new Dictionary<string, string> { ["status"] = outcome.Message }, outcome.Conflict);
    }

    public async Task<ActionOutcome> AttachAsync(long actionId, string fileName, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length > Storage.Library.LanternLibrary.MaxEvidenceFileBytes)
        {
            return new ActionOutcome(false, $"The file must be smaller than {Storage.Library.LanternLibrary.MaxEvidenceFileBytes / (1024 * 1024)} MB");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await library.AttachEvidenceFileAsync(actionId, fileName, buffer.ToArray(), viewers.Current, cancellationToken);
    }

    public Task<StoredOriginal?> FileAsync(long actionId, long fileId, CancellationToken cancellationToken) =>
        library.GetEvidenceFileAsync(actionId, fileId, viewers.Current, cancellationToken);

    /// <summary>Tracks the review's extracted actions (idempotent).</summary>
    public Task<ActionImportOutcome> TrackReviewAsync(long reviewId, CancellationToken cancellationToken) =>
        library.ImportActionsAsync(reviewId, viewers.Current, cancellationToken);
}

/// <summary>An editor's own action as typed into the form.</summary>
public sealed record NewActionForm(string? Text, string? Agency, string? Lead, string? Due);

/// <summary>Adds an editor's own action to a review, checking the form first.</summary>
public sealed class AddAction(IReviewLibrary library, IViewerAccessor viewers)
{
    public bool CanAdd => viewers.Current.CanEdit;

    public async Task<(ActionOutcome? Outcome, IReadOnlyDictionary<string, string> Errors)> HandleAsync(long reviewId, NewActionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(form.Text))
        {
            errors["text"] = "Enter what the action is";
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(form.Due))
        {
            if (DateOnly.TryParseExact(form.Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                due = parsed;
            }
            else
            {
                errors["due"] = "Enter the due date as YYYY-MM-DD, for example 2025-06-30";
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var outcome = await library.AddActionAsync(reviewId, new NewAction(form.Text!, form.Agency, form.Lead, due), viewers.Current, cancellationToken);
        return outcome.Stored ? (outcome, errors) : (outcome, new Dictionary<string, string> { ["text"] = outcome.Message });
    }
}
