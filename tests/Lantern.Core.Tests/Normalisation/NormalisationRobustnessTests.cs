using System.Diagnostics;
using System.Text;
using Lantern.Core.Model;

namespace Lantern.Core.Tests.Normalisation;

/// <summary>Malformed text never throws, always meets the output contract, and large inputs stay fast.</summary>
public class NormalisationRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "\n", "\n\n", "\r\n", "\f", " ", "\t", "\u00A0", "\u200B", "\u00AD", "•", "● ", "- ", "* ", "o ", "..", "1. ", "(2) ", "a) ",
        "#", "## ", "**", "__", "_", "*", "\\", "[", "](", ")", "<u>", "</u>", "<br>", "&amp;", "&", "-", "–", ":", ".", "?",
        "Page 3", "3", "2022", "safe-", "guarding", "multi-", "agency", "The", "child", "KEY LEARNING", "Learning identified:",
        "was seen at home", "\uF0B7", "ﬁ", "|", " | ",
    ];

    [Fact]
    public void Normalise_RandomFragments_NeverThrowsAndMeetsTheContract()
    {
        var random = new Random(20240601);
        for (var n = 0; n < 400; n++)
        {
            var sb = new StringBuilder();
            var count = random.Next(0, 60);
            for (var k = 0; k < count; k++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var input = sb.ToString();
            var text = StandardNormalisation.Run(input, new List<Diagnostic>());
            AssertContract(text, input);
        }
    }

    [Fact]
    public void Normalise_TwoMillionCharacters_FinishesQuickly()
    {
        var sample = File.ReadAllText(Directory.GetFiles(RepoPaths.Samples, "*.txt").Order().Last());
        var sb = new StringBuilder();
        var page = 1;
        while (sb.Length < 2_000_000)
        {
            sb.Append(sample).Append($"\n{page++}\n\f");
        }

        var stopwatch = Stopwatch.StartNew();
        var text = StandardNormalisation.Run(sb.ToString());
        stopwatch.Stop();
        text.Length.ShouldBeGreaterThan(100_000);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Normalise_ManyMarkerOnlyLines_StaysLinear()
    {
        var input = string.Concat(Enumerable.Repeat("\uF0B7\nA point to make\n", 50_000));
        var stopwatch = Stopwatch.StartNew();
        var text = StandardNormalisation.Run(input);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        text.Split('\n').ShouldAllBe(l => l == "• A point to make");
    }

    private static void AssertContract(string text, string input)
    {
        var because = "input: " + input.Replace("\n", "\\n").Replace("\f", "\\f");
        text.ShouldNotContain("\r", customMessage: because);
        text.ShouldNotContain("\f", customMessage: because);
        text.ShouldNotContain("\n\n\n", customMessage: because);
        text.ShouldNotContain("  ", customMessage: because);
        text.ShouldNotContain("\t", customMessage: because);
        text.ShouldNotContain("\u00A0", customMessage: because);
        text.ShouldNotContain("\u200B", customMessage: because);
        text.ShouldNotStartWith("\n", customMessage: because);
        text.ShouldNotEndWith("\n", customMessage: because);
        foreach (var line in text.Split('\n'))
        {
            line.ShouldBe(line.Trim(), because);
        }
    }
}
