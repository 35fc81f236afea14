using Lantern.Core.Dissemination;
using Lantern.Core.Model;

namespace Lantern.Storage.Abstractions;

/// <summary>
/// Dissemination and impact: learning activities and their reach, teams' feedback through tokened links, review dates
/// and the links from themes to local procedures. An activity linked to a review or action the viewer may not see is
/// neither returned nor counted. The default bodies describe a library without them (for test doubles).
/// </summary>
public partial interface IReviewLibrary
{
    /// <summary>Visible activities held in the filter's period (both days included), by date then id.</summary>
    Task<IReadOnlyList<LearningActivity>> ListActivitiesAsync(ActivityFilter filter, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LearningActivity>>([]);

    Task<LearningActivity?> GetActivityAsync(long activityId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<LearningActivity?>(null);

    /// <summary>Records an activity (editors only).</summary>
    Task<DisseminationOutcome> AddActivityAsync(NewActivity activity, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DisseminationOutcome(false, Unsupported));

    /// <summary>Links an activity to a review, a theme or a tracked action (exactly one of the target's members set).</summary>
    Task<DisseminationOutcome> LinkActivityAsync(long activityId, ActivityLinkTarget target, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DisseminationOutcome(false, Unsupported));

    /// <summary>
    /// Records a briefing as sent to each team and makes each a feedback link valid for <paramref name="validFor"/>.
    /// The tokens are returned once, here; only their SHA-256 is stored.
    /// </summary>
    Task<SendOutcome> SendActivityAsync(long activityId, IReadOnlyList<TeamAddress> teams, TimeSpan validFor, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SendOutcome(false, Unsupported, []));

    /// <summary>The teams an activity was sent to (empty when not visible).</summary>
    Task<IReadOnlyList<ActivityRecipient>> ListRecipientsAsync(long? activityId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ActivityRecipient>>([]);

    /// <summary>Teams that have not responded and whose link still works (neither revoked nor expired).</summary>
    Task<IReadOnlyList<ActivityRecipient>> ListRemindersAsync(long? activityId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ActivityRecipient>>([]);

    /// <summary>Stops a team's feedback link working (editors only).</summary>
    Task<DisseminationOutcome> RevokeRecipientAsync(long recipientId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DisseminationOutcome(false, Unsupported));

    /// <summary>
    /// What a feedback link opens: only the briefing's kind, title and date and the team it was sent to, or why the
    /// link does not work. Needs no viewer: the token is the permission.
    /// </summary>
    Task<FeedbackInvitation> OpenFeedbackAsync(string token, CancellationToken cancellationToken = default) =>
        Task.FromResult(FeedbackInvitation.Refused(FeedbackLinkState.Unknown));

    /// <summary>Stores a team's answer; the link then stops working.</summary>
    Task<FeedbackInvitation> SubmitFeedbackAsync(string token, FeedbackAnswer answer, CancellationToken cancellationToken = default) =>
        Task.FromResult(FeedbackInvitation.Refused(FeedbackLinkState.Unknown));

    /// <summary>Visible feedback, of one activity or all, oldest first.</summary>
    Task<IReadOnlyList<TeamFeedback>> ListFeedbackAsync(long? activityId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TeamFeedback>>([]);

    /// <summary>A review's stored dates (<see cref="ReviewDates.None"/> when none), or null when the review is not visible.</summary>
    Task<ReviewDates?> GetReviewDatesAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<ReviewDates?>(null);

    /// <summary>Replaces a review's dates (editors only); refuses dates out of order.</summary>
    Task<DisseminationOutcome> SetReviewDatesAsync(long reviewId, ReviewDates dates, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DisseminationOutcome(false, Unsupported));

    /// <summary>Everything the yearly report counts, limited to what the viewer may see.</summary>
    Task<ReportInputs> GetReportInputsAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ReportInputs([], [], [], [], []));

    /// <summary>Links from themes to local procedures, guidance and training; of one theme, or all.</summary>
    Task<IReadOnlyList<ThemeResource>> ListThemeResourcesAsync(string? themeCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ThemeResource>>([]);

    /// <summary>Adds a link (editors only; http and https addresses only).</summary>
    Task<DisseminationOutcome> AddThemeResourceAsync(string themeCode, string title, string url, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DisseminationOutcome(false, Unsupported));

    Task<DisseminationOutcome> RemoveThemeResourceAsync(long resourceId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DisseminationOutcome(false, Unsupported));

    private const string Unsupported = "This library does not record dissemination.";
}

/// <summary>Which activities to list; every criterion given must match.</summary>
public sealed record ActivityFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public ActivityKind? Kind { get; init; }
}

/// <summary>A new learning activity as entered.</summary>
public sealed record NewActivity(
    ActivityKind Kind,
    string Title,
    DateOnly HeldOn,
    string? Owner = null,
    IReadOnlyList<string>? Agencies = null,
    IReadOnlyList<string>? Teams = null,
    string? Outcome = null,
    IReadOnlyList<AuditFigure>? Figures = null);

/// <summary>What to link an activity to: set exactly one.</summary>
public sealed record ActivityLinkTarget(long? ReviewId = null, string? ThemeCode = null, long? ActionId = null);

/// <summary>A team a briefing goes to.</summary>
public sealed record TeamAddress(string Agency, string Team);

/// <summary>Whether a write was stored; when not, <see cref="Message"/> says why.</summary>
public sealed record DisseminationOutcome(bool Stored, string Message, long? Id = null);

/// <summary>One team's feedback link, returned once when the briefing is sent.</summary>
public sealed record IssuedLink(ActivityRecipient Recipient, string Token);

public sealed record SendOutcome(bool Stored, string Message, IReadOnlyList<IssuedLink> Links);

public enum FeedbackLinkState { Open, Submitted, Used, Revoked, Expired, Unknown }

/// <summary>
/// What a feedback link shows: the briefing (kind, title, date) and the team, and nothing else; when the link does not
/// work, only its <see cref="State"/> and no detail at all.
/// </summary>
public sealed record FeedbackInvitation(FeedbackLinkState State, string? ActivityTitle, string? ActivityKind, DateOnly? HeldOn, string? Agency, string? Team, string? Message = null)
{
    public static FeedbackInvitation Refused(FeedbackLinkState state, string? message = null) => new(state, null, null, null, null, null, message);
}

/// <summary>A team's answers on the feedback form.</summary>
public sealed record FeedbackAnswer(string? DiscussedIn, string? WillChange, int? Usefulness);

/// <summary>A link from a theme to the partnership's own procedure, guidance or training.</summary>
public sealed record ThemeResource(long Id, string ThemeCode, string Title, string Url, DateTimeOffset AddedAt, string AddedBy);
