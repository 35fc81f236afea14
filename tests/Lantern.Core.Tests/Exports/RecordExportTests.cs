using System.Text.Json;
using Lantern.Core.Exports;

namespace Lantern.Core.Tests.Exports;

public sealed class RecordExportTests
{
    [Fact]
    public void Write_SampleCorpus_IsAnArrayOfRecordSchemaDocumentsWithEveryReview()
    {
        using var stream = new MemoryStream();
        RecordExport.Write(SampleExports.Reviews, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        json.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
        var documents = json.RootElement.EnumerateArray().ToList();
        documents.Count.ShouldBe(SampleExports.Reviews.Select(r => r.DocumentId).Distinct().Count());
        documents.Sum(d => d.GetProperty("reviews").GetArrayLength()).ShouldBe(SampleExports.Reviews.Count);
        var first = documents[0].GetProperty("reviews")[0];
        foreach (var field in new[] { "reference", "name", "type", "year", "child", "outcome", "harm", "riskFactors", "agencies", "summary", "learning", "goodPractice", "actions", "panelFeedback", "themes" })
        {
            first.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }
}
