using System.Globalization;
using CsvHelper;
using Lantern.Storage.Abstractions;

namespace Lantern.Storage.Actions;

/// <summary>Tracked actions as CSV (one row per action, dates YYYY-MM-DD, status names as typed), and back.</summary>
public static class ActionCsv
{
    /// <summary>The header row, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["id", "review", "review_title", "text", "agency", "lead", "due", "status", "overdue", "evidence", "version", "updated_at", "updated_by"];

    public static void Write(TextWriter writer, IEnumerable<TrackedAction> actions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(actions);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var a in actions)
        {
            csv.WriteField(a.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(a.ReviewReference ?? "");
            csv.WriteField(a.ReviewTitle);
            csv.WriteField(a.Text);
            csv.WriteField(a.Agency ?? "");
            csv.WriteField(a.Lead ?? "");
            csv.WriteField(a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(ActionStatuses.Name(a.Status));
            csv.WriteField(a.IsOverdue ? "yes" : "no");
            csv.WriteField(a.Evidence ?? "");
            csv.WriteField(a.Version.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(a.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
            csv.WriteField(a.UpdatedBy);
            csv.NextRecord();
        }
    }

    public static string ToCsv(IEnumerable<TrackedAction> actions)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, actions);
        return writer.ToString();
    }

    /// <summary>Reads rows written by <see cref="Write"/> as column name → value.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(TextReader reader)
    {
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture, leaveOpen: true);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        if (!csv.Read() || !csv.ReadHeader())
        {
            return rows;
        }

        var header = csv.HeaderRecord ?? [];
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.Ordinal));
        }

        return rows;
    }
}
