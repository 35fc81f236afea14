using System.Text;
using Lantern.Core.Records;

namespace Lantern.Core.Exports;

/// <summary>JSON in the record schema: an array of document records, each holding its exported reviews in order.</summary>
public static class RecordExport
{
    /// <summary>Groups <paramref name="reviews"/> by document (first-seen order) into record-schema documents with effective themes.</summary>
    public static IReadOnlyList<DocumentRecord> ToRecords(IEnumerable<ExportReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        return [.. reviews.GroupBy(r => r.DocumentId).Select(g => new DocumentRecord
        {
            Document = g.First().DocumentName,
            Publisher = g.First().Publisher,
            Reviews = [.. g.OrderBy(r => r.Review.Index).Select(r => RecordJson.ToRecord(r.Review) with { Themes = [.. r.Themes] })],
        })];
    }

    /// <summary>Writes the records as a JSON array, UTF-8 without a byte-order mark.</summary>
    public static void Write(IEnumerable<ExportReview> reviews, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var records = ToRecords(reviews);
        writer.Write("[");
        for (var i = 0; i < records.Count; i++)
        {
            writer.Write(i == 0 ? "\n" : ",\n");
            writer.Write(RecordJson.Serialize(records[i]));
        }

        writer.Write(records.Count == 0 ? "]\n" : "\n]\n");
    }
}
