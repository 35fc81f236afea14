using System.Globalization;
using Lantern.Core.Model;

namespace Lantern.Core.Dissemination;

/// <summary>The kinds of learning activity a partnership records.</summary>
public enum ActivityKind
{
    /// <summary>A bulletin or seven-minute briefing sent out to agencies and teams.</summary>
    Briefing,
    Training,
    /// <summary>A multi-agency audit, whose findings are text plus figures.</summary>
    Audit,
    /// <summary>A revised procedure or piece of guidance.</summary>
    Procedure,
    PracticeLearning,
}

/// <summary>Kind names as stored, typed on the command line and shown.</summary>
public static class ActivityKinds
{
    public static IReadOnlyList<ActivityKind> All { get; } =
        [ActivityKind.Briefing, ActivityKind.Training, ActivityKind.Audit, ActivityKind.Procedure, ActivityKind.PracticeLearning];

    /// <summary>The stored name: briefing, training, audit, procedure, practice-learning.</summary>
    public static string Name(ActivityKind kind) => kind switch
    {
        ActivityKind.Training => "training",
        ActivityKind.Audit => "audit",
        ActivityKind.Procedure => "procedure",
        ActivityKind.PracticeLearning => "practice-learning",
        _ => "briefing",
    };

    /// <summary>The kind in plain English, for pages and reports.</summary>
    public static string Label(ActivityKind kind) => kind switch
    {
        ActivityKind.Training => "Training event",
        ActivityKind.Audit => "Multi-agency audit",
        ActivityKind.Procedure => "Revised procedure or guidance",
        ActivityKind.PracticeLearning => "Practice-learning event",
        _ => "Bulletin or briefing sent out",
    };

    /// <summary>Parses a stored or typed name (case and separators ignored); null when unknown.</summary>
    public static ActivityKind? Parse(string? text) => text?.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-') switch
    {
        "briefing" or "bulletin" or "seven-minute-briefing" => ActivityKind.Briefing,
        "training" => ActivityKind.Training,
        "audit" or "multi-agency-audit" => ActivityKind.Audit,
        "procedure" or "guidance" => ActivityKind.Procedure,
        "practice-learning" or "practice-learning-event" => ActivityKind.PracticeLearning,
        _ => null,
    };
}

/// <summary>One figure of an audit's findings, for example "Records with a chronology: 62%".</summary>
public sealed record AuditFigure(string Label, string Value)
{
    /// <summary>Parses lines of <c>label: value</c>; blank lines are skipped, a line without a colon is an error.</summary>
    /// <returns>The figures, or the message naming the first bad line.</returns>
    public static (IReadOnlyList<AuditFigure> Figures, string? Error) ParseLines(string? text)
    {
        var figures = new List<AuditFigure>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.LastIndexOf(':');
            if (colon <= 0 || colon == line.Length - 1)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"figures line {number} (\u201c{line}\u201d) must be \u201clabel: value\u201d, for example \u201cRecords with a chronology: 62%\u201d"));
            }

            figures.Add(new AuditFigure(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return (figures, null);
    }

    /// <summary>The figures as stored: one <c>label: value</c> per line.</summary>
    public static string ToLines(IEnumerable<AuditFigure> figures) => string.Join('\n', figures.Select(f => $"{f.Label}: {f.Value}"));
}

/// <summary>What an activity came from: a review, a theme or a tracked action.</summary>
public sealed record ActivityLink(string Kind, string Key, string Label);

/// <summary>
/// A learning activity as a viewer sees it. <see cref="Visibility"/> is Restricted when it is linked to a restricted
/// review or action; such an activity is never shown to a viewer who may not see restricted material.
/// </summary>
public sealed record LearningActivity(
    long Id,
    ActivityKind Kind,
    string Title,
    DateOnly HeldOn,
    string? Owner,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Teams,
    string? Outcome,
    IReadOnlyList<AuditFigure> Figures,
    IReadOnlyList<ActivityLink> Links,
    int Recipients,
    int Responses,
    Visibility Visibility);

/// <summary>A team a briefing was sent to, with the state of its feedback link.</summary>
public sealed record ActivityRecipient(
    long Id,
    long ActivityId,
    string Agency,
    string Team,
    DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? RespondedAt)
{
    /// <summary>open, responded, revoked or expired, judged at <paramref name="now"/>.</summary>
    public string State(DateTimeOffset now) =>
        RespondedAt is not null ? "responded" : RevokedAt is not null ? "revoked" : now >= ExpiresAt ? "expired" : "open";
}

/// <summary>Where a team discussed a briefing.</summary>
public static class DiscussionSettings
{
    public static IReadOnlyList<(string Name, string Label)> All { get; } =
    [
        ("team-meeting", "Team meeting"),
        ("supervision", "Supervision"),
        ("training", "Training"),
        ("other", "Somewhere else"),
    ];

    public static string Label(string name) => All.FirstOrDefault(a => a.Name == name).Label ?? name;

    public static bool IsKnown(string? name) => All.Any(a => a.Name == name);
}

/// <summary>One team's feedback on a briefing.</summary>
public sealed record TeamFeedback(
    long RecipientId,
    long ActivityId,
    string ActivityTitle,
    string Agency,
    string Team,
    string DiscussedIn,
    string WillChange,
    int Usefulness,
    DateTimeOffset SubmittedAt,
    Visibility Visibility);
