using Lantern.Core.Model;
using Lantern.Core.Normalisation;

namespace Lantern.Core.Tests.Normalisation;

public class MarkdownNormaliserTests
{
    private static string Run(string text) => new MarkdownNormaliser().Normalise(text, new List<Diagnostic>());

    [Theory]
    [InlineData("# KEY LEARNING:", "KEY LEARNING:")]
    [InlineData("### **Serious Case Review IN14**", "Serious Case Review IN14")]
    [InlineData("## Summary ##", "Summary")]
    public void Normalise_Headings_LoseTheirMarkers(string input, string expected) => Run(input).ShouldBe(expected);

    [Theory]
    [InlineData("This message **arises again** and again", "This message arises again and again")]
    [InlineData("a __strong__ point", "a strong point")]
    [InlineData("read *Ten pitfalls* first", "read Ten pitfalls first")]
    [InlineData("an _emphasised_ word", "an emphasised word")]
    public void Normalise_Emphasis_IsRemoved(string input, string expected) => Run(input).ShouldBe(expected);

    [Theory]
    [InlineData("see p_good_pract_core and file_name_here")]
    [InlineData("2 * 3 * 4 children")]
    public void Normalise_UnderscoresAndStarsThatAreNotEmphasis_AreKept(string input) => Run(input).ShouldBe(input);

    [Theory]
    [InlineData(@"p\_good\_pract", "p_good_pract")]
    [InlineData(@"1\. Not a list", "1. Not a list")]
    [InlineData(@"a \* b and c\\d", @"a * b and c\d")]
    public void Normalise_Escapes_BecomeTheCharacter(string input, string expected) => Run(input).ShouldBe(expected);

    [Fact]
    public void Normalise_Link_KeepsItsText()
    {
        Run("See [A Child Centred System.](#) and [the procedures](https://example.org/p?x=1 \"title\").")
            .ShouldBe("See A Child Centred System. and the procedures.");
    }

    [Fact]
    public void Normalise_LinkWhoseTextIsTheAddress_KeepsOneCleanCopy()
    {
        Run(@"[http://example.org/p\_good\_pract.html](http://example.org/p_good_pract.html)")
            .ShouldBe("http://example.org/p_good_pract.html");
    }

    [Fact]
    public void Normalise_ImagesAndInlineTags_AreDropped()
    {
        Run("![logo](logo.png)The <u>Resolving Differences</u> <span class=\"x\">guide</span><br>next line")
            .ShouldBe("The Resolving Differences guide\nnext line");
    }

    [Fact]
    public void Normalise_DashBeforeNumber_LeavesTheNumberedItem()
    {
        Run("- 1. Where disagreements exist\n- 2. Professionals working").ShouldBe("1. Where disagreements exist\n2. Professionals working");
    }

    [Fact]
    public void Normalise_MarkdownTable_BecomesRowsOfCells()
    {
        Run("| Agency | Action |\n|---|:---:|\n| Health | Revise the protocol |").ShouldBe("Agency | Action\nHealth | Revise the protocol");
    }

    [Theory]
    [InlineData("***Key learning***", "Key learning")]
    [InlineData("**Child A** and **Child B**", "Child A and Child B")]
    public void Normalise_NestedOrRepeatedEmphasis_IsRemoved(string input, string expected) => Run(input).ShouldBe(expected);

    [Fact]
    public void Normalise_EmphasisAndLinkTextWrappedOverALine_AreRemoved()
    {
        Run("see *Caring for\nAbused Children* and **the key\nmessage** in [the full\nreport](https://example.org/r)")
            .ShouldBe("see Caring for\nAbused Children and the key\nmessage in the full\nreport");
    }

    [Fact]
    public void Normalise_EmphasisMarkersInSeparateParagraphs_AreLeftAlone()
    {
        Run("a *b\n\nc* d").ShouldBe("a *b\n\nc* d");
    }

    [Fact]
    public void Normalise_HorizontalRule_IsRemoved()
    {
        Run("Above\n---\nBelow").ShouldBe("Above\n\nBelow");
    }
}
