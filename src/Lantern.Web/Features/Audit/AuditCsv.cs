using System.Globalization;
using Lantern.Storage.Abstractions;

namespace Lantern.Web.Features.Audit;

/// <summary>The audit trail as CSV (RFC 4180), for the admin page's download and <c>lantern audit --format csv</c>.</summary>
public static class AuditCsv
{
    public static void Write(TextWriter writer, IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.Write("id,at,actor,address,action,document_id,review_id,detail\r\n");
        foreach (var e in entries)
        {
            writer.Write(string.Join(",",
                e.Id.ToString(CultureInfo.InvariantCulture),
                Cell(e.At.ToString("O", CultureInfo.InvariantCulture)),
                Cell(e.Actor),
                Cell(e.Address),
                Cell(e.Action),
                e.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.ReviewId?.ToString(CultureInfo.InvariantCulture) ?? "",
                Cell(e.Detail)));
            writer.Write("\r\n");
        }
    }

    // Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run a typed-in user name as a formula.
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
