using System.Text.Encodings.Web;
using System.Text.Json;
using Lantern.Core.Model;

namespace Lantern.Core.Records;

/// <summary>Converts extractions to and from the JSON of the record schema.</summary>
public static class RecordJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Drops the evidence and keeps the values, in schema shape.</summary>
    public static DocumentRecord ToRecord(DocumentExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        return new DocumentRecord
        {
            Document = extraction.DocumentName,
            Publisher = extraction.Publisher?.Value,
            Reviews = [.. extraction.Reviews.Select(ToRecord)],
        };
    }

    /// <summary>Drops the evidence of one review.</summary>
    public static ReviewRecord ToRecord(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new ReviewRecord
        {
            Reference = review.Reference?.Value,
            Name = review.Name?.Value,
            Type = review.Type?.Value,
            Year = review.Year?.Value,
            Child = new ChildRecord
            {
                AgeMonths = review.Child.AgeMonths?.Value,
                AgeBand = review.Child.AgeBand?.Value,
                Sex = review.Child.Sex?.Value,
            },
            Outcome = review.Outcome?.Value,
            Harm = Codes(review.Harm),
            RiskFactors = Codes(review.RiskFactors),
            Agencies = Codes(review.Agencies),
            Summary = review.Summary?.Text,
            Learning = Texts(review.Learning),
            GoodPractice = Texts(review.GoodPractice),
            Actions = Texts(review.Actions),
            PanelFeedback = Texts(review.PanelFeedback),
            Themes = Codes(review.Themes),
        };
    }

    public static string Serialize(DocumentRecord record) => JsonSerializer.Serialize(record, Options);

    public static string Serialize(DocumentExtraction extraction) => Serialize(ToRecord(extraction));

    /// <summary>Reads a record file.</summary>
    /// <exception cref="JsonException">The text is not JSON of the record shape.</exception>
    public static DocumentRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<DocumentRecord>(json, Options) ?? throw new JsonException("the file holds null, not a document record");

    private static string[] Codes(IEnumerable<CodedLabel> labels) => [.. labels.Select(l => l.Code).Distinct(StringComparer.Ordinal)];

    private static string[] Texts(IEnumerable<TextItem> items) => [.. items.Select(i => i.Text)];
}
