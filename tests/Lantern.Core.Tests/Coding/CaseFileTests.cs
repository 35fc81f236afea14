using System.Text.Json;
using Lantern.Core.Coding;
using Lantern.Core.Extraction.Agencies;
using Lantern.Core.Extraction.Harm;
using Lantern.Core.Extraction.RiskFactors;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Coding;

/// <summary>Runs the hand-written cases in tests/data/coding: every theme and label, positive and negative wording.</summary>
public class CaseFileTests
{
    public static TheoryData<int> ThemeCases() => Indexes("theme-cases.json");

    public static TheoryData<int> LabelCases() => Indexes("label-cases.json");

    [Theory]
    [MemberData(nameof(ThemeCases))]
    public void ThemeCoder_HandWrittenCase_AssignsExpectedThemes(int index)
    {
        var c = Case("theme-cases.json", index);
        var text = c.GetProperty("text").GetString()!;
        var review = new Review { Learning = [new TextItem(text, new SourceSpan(0, text.Length))] };
        var codes = new ThemeCoder().Code(text, review).Select(l => l.Code).ToList();
        Check(text, codes, c);
    }

    [Theory]
    [MemberData(nameof(LabelCases))]
    public void LabelExtractor_HandWrittenCase_FindsExpectedLabels(int index)
    {
        var c = Case("label-cases.json", index);
        var text = c.GetProperty("text").GetString()!;
        var segment = new ReviewSegment(new SourceSpan(0, text.Length), null, []);
        var context = new ReviewContext(text, new DocumentLayout([segment]), segment);
        var review = new Review { Span = segment.Span };
        IReadOnlyList<CodedLabel> labels = c.GetProperty("field").GetString() switch
        {
            "harm" => new HarmExtractor().Extract(context, review).Harm,
            "riskFactors" => new RiskFactorExtractor().Extract(context, review).RiskFactors,
            "agencies" => new AgencyExtractor().Extract(context, review).Agencies,
            var other => throw new InvalidOperationException($"unknown field {other}"),
        };
        Check(text, [.. labels.Select(l => l.Code)], c);
        labels.ShouldAllBe(l => l.Score > 0 && l.Score <= 1 && l.Spans.Count > 0);
    }

    private static void Check(string text, List<string> codes, JsonElement c)
    {
        foreach (var code in Codes(c, "present"))
        {
            codes.ShouldContain(code, $"\"{text}\" should be coded {code}; got [{string.Join(", ", codes)}]");
        }

        foreach (var code in Codes(c, "absent"))
        {
            codes.ShouldNotContain(code, $"\"{text}\" should not be coded {code}");
        }
    }

    private static IEnumerable<string> Codes(JsonElement c, string name) =>
        c.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];

    private static TheoryData<int> Indexes(string file)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases(file).GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static JsonElement Case(string file, int index) => Cases(file)[index];

    private static JsonElement Cases(string file)
    {
        var path = Path.Combine(Path.GetDirectoryName(GoldHarness.GoldFolder())!, "coding", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").Clone();
    }
}
