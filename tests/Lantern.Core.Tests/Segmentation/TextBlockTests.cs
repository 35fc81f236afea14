using System.Text.RegularExpressions;
using Lantern.Core.Segmentation;

namespace Lantern.Core.Tests.Segmentation;

/// <summary>
/// <see cref="TextBlock.StripMarkup"/> and <see cref="TextBlock.Collapse"/> skip their patterns when a line cannot
/// match them; the result must be what the patterns give.
/// </summary>
public class TextBlockTests
{
    private static string CollapseByPattern(string text) => Regex.Replace(text, @"[\s\u00a0\u200b]+", " ").Trim();

    private static string StripByPattern(string line)
    {
        var s = Regex.Replace(line, @"\*\*|__|</?u>|</?b>|</?i>|</?strong>|</?em>", "", RegexOptions.IgnoreCase);
        s = Regex.Replace(s, @"^\s*#{1,6}\s*", "");
        return CollapseByPattern(s);
    }

    [Theory]
    [InlineData("plain words here")]
    [InlineData("  padded  line\t")]
    [InlineData("two  spaces")]
    [InlineData("tab\tinside")]
    [InlineData("no\u00a0break")]
    [InlineData("zero\u200bwidth")]
    [InlineData("line\u2028separator and\u3000ideographic")]
    [InlineData("## Heading **bold** and __under__ <u>u</u>")]
    [InlineData("a # not a heading, a * star and a _ score")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("x")]
    public void StripMarkupAndCollapse_AnyLine_EqualThePatterns(string line)
    {
        TextBlock.StripMarkup(line).ShouldBe(StripByPattern(line));
        TextBlock.Collapse(line).ShouldBe(CollapseByPattern(line));
    }

    [Fact]
    public void StripMarkup_EveryLineOfTheSamples_EqualsThePatterns()
    {
        var lines = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.Samples).Concat(Directory.GetFiles(Path.Combine(RepoPaths.TestData, "golden"))).Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadAllText(file).Split('\n'))
            {
                TextBlock.StripMarkup(line).ShouldBe(StripByPattern(line), line);
                TextBlock.Collapse(line).ShouldBe(CollapseByPattern(line), line);
                lines++;
            }
        }

        lines.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("one")]
    [InlineData("  two  words  ")]
    [InlineData("tab\tis not a separator here")]
    [InlineData("a b c d e f g h i j k l m n")]
    public void CountWords_AnyText_EqualsTheSplitCount(string text)
    {
        TextBlock.CountWords(text).ShouldBe(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
