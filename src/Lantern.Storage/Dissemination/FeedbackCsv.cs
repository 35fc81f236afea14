using System.Globalization;
using CsvHelper;
using Lantern.Core.Dissemination;

namespace Lantern.Storage.Dissemination;

/// <summary>Teams' feedback as CSV, one row per answer. Answers typed by anyone with a link cannot start a spreadsheet formula.</summary>
public static class FeedbackCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["activity_id", "activity", "agency", "team", "discussed_in", "will_do_differently", "usefulness", "submitted_at"];

    public static void Write(TextWriter writer, IEnumerable<TeamFeedback> feedback)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(feedback);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var f in feedback)
        {
            csv.WriteField(f.ActivityId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Safe(f.ActivityTitle));
            csv.WriteField(Safe(f.Agency));
            csv.WriteField(Safe(f.Team));
            csv.WriteField(f.DiscussedIn);
            csv.WriteField(Safe(f.WillChange));
            csv.WriteField(f.Usefulness.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(f.SubmittedAt.ToString("O", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    public static string ToCsv(IEnumerable<TeamFeedback> feedback)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, feedback);
        return writer.ToString();
    }

    // Excel and LibreOffice run a cell starting with = + - @ (or a tab/CR) as a formula: quote it as text.
    private static string Safe(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
