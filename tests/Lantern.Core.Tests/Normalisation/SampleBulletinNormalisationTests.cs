using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lantern.Core.Tests.Normalisation;

/// <summary>The five sample bulletins normalise without losing any sentence of their gold learning points.</summary>
public partial class SampleBulletinNormalisationTests
{
    public static TheoryData<string> Samples() => [.. Directory.GetFiles(RepoPaths.Samples, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Normalise_SampleBulletin_KeepsEveryGoldTextItemInOrder(string name)
    {
        var raw = File.ReadAllText(Path.Combine(RepoPaths.Samples, name + ".txt"));
        var text = StandardNormalisation.Run(raw);
        var dump = Environment.GetEnvironmentVariable("LANTERN_DUMP_NORMALISED");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllText(Path.Combine(dump, name + ".txt"), text);
        }

        AssertGoldItemsPresent(name, text);
    }

    private static void AssertGoldItemsPresent(string name, string text)
    {
        var words = Words(text);
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Gold, name + ".json")));
        var checkedItems = 0;
        foreach (var review in gold.RootElement.GetProperty("reviews").EnumerateArray())
        {
            foreach (var field in new[] { "learning", "goodPractice", "actions", "panelFeedback" })
            {
                foreach (var item in review.GetProperty(field).EnumerateArray())
                {
                    var itemWords = Words(item.GetString()!);
                    ContainsInOrder(words, itemWords).ShouldBeTrue($"{name}: {field} item not found word for word: {item.GetString()}");
                    checkedItems++;
                }
            }
        }

        checkedItems.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Normalise_SampleBulletinRenderedAsPdfText_KeepsEveryGoldTextItemAndDropsFurniture(string name)
    {
        const string header = "Example Safeguarding Children Partnership - Learning Bulletin";
        var raw = PdfLike(File.ReadAllText(Path.Combine(RepoPaths.Samples, name + ".txt")), header, width: 78, linesPerPage: 40);
        var text = StandardNormalisation.Run(raw);
        AssertGoldItemsPresent(name, text);
        text.Split('\n').Count(l => l.Contains(header, StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1);
        text.ShouldNotContain("Page 2 of");
    }

    // Hard-wraps the text and lays it out in pages with a running header and "Page n of m", as pdftotext would print it.
    private static string PdfLike(string text, string header, int width, int linesPerPage)
    {
        var lines = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var rest = line;
            while (rest.Length > width)
            {
                var cut = rest.LastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                lines.Add(rest[..cut]);
                rest = rest[cut..].TrimStart();
            }

            lines.Add(rest);
        }

        var pages = lines.Chunk(linesPerPage).ToList();
        return string.Join("\f", pages.Select((page, i) =>
            header + "\n\n" + string.Join('\n', page) + $"\n\nPage {i + 1} of {pages.Count}\n"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Normalise_SampleBulletin_MeetsOutputContract(string name)
    {
        var raw = File.ReadAllText(Path.Combine(RepoPaths.Samples, name + ".txt"));
        var text = StandardNormalisation.Run(raw);
        text.ShouldNotContain("\r");
        text.ShouldNotContain("\f");
        text.ShouldNotContain("\n\n\n");
        text.ShouldNotContain("**");
        text.ShouldNotContain("  ");
        text.ShouldNotStartWith("\n");
        text.ShouldNotEndWith("\n");
        foreach (var line in text.Split('\n'))
        {
            line.ShouldBe(line.Trim());
        }
    }

    // Contiguous word sequence: the item's words appear in the text in order, one after the other.
    private static bool ContainsInOrder(string[] haystack, string[] needle)
    {
        if (needle.Length == 0)
        {
            return true;
        }

        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Words(string s) =>
        [.. WordPattern().Matches(s.Replace('’', '\'').ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();
}
