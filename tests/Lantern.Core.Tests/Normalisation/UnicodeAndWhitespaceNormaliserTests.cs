using Lantern.Core.Model;
using Lantern.Core.Normalisation;

namespace Lantern.Core.Tests.Normalisation;

public class UnicodeAndWhitespaceNormaliserTests
{
    [Fact]
    public void Normalise_UnicodeSpacesAndInvisibleCharacters_BecomePlainText()
    {
        var input = "Child\u00A0A was\u2009seen.\u200B Safe\u00ADguarding\u2060 and \uFEFFcare.";
        new UnicodeCleanupNormaliser().Normalise(input, new List<Diagnostic>())
            .ShouldBe("Child A was seen. Safeguarding and care.");
    }

    [Fact]
    public void Normalise_Ligatures_AreExpanded()
    {
        new UnicodeCleanupNormaliser().Normalise("\uFB01ndings re\uFB02ect sta\uFB00", new List<Diagnostic>())
            .ShouldBe("findings reflect staff");
    }

    [Fact]
    public void Normalise_HtmlEntities_AreDecoded()
    {
        new UnicodeCleanupNormaliser().Normalise("Police &amp; health &ndash; &quot;Tom&quot; &#8217;s &lt;3", new List<Diagnostic>())
            .ShouldBe("Police & health – \"Tom\" ’s <3");
    }

    [Fact]
    public void Normalise_RaggedWhitespace_TrimsCollapsesAndKeepsOneBlankLine()
    {
        var input = "\n\n  Title  \t here \t\n\n\n\nFirst\tparagraph.   \n \t \nSecond.\n\n\n";
        new WhitespaceNormaliser().Normalise(input, new List<Diagnostic>())
            .ShouldBe("Title here\n\nFirst paragraph.\n\nSecond.");
    }

    [Fact]
    public void Normalise_CarriageReturns_BecomeLineFeeds()
    {
        StandardNormalisation.Run("One.\r\n\r\nTwo.\rThree.").ShouldBe("One.\n\nTwo.\nThree.");
    }

    [Fact]
    public void Normalise_WholePipelineOutput_HasNoTrailingSpacesOrEdgeBlankLines()
    {
        var text = StandardNormalisation.Run("\n\n   KEY LEARNING:   \n\n\n  • one  \n\n\n");
        text.ShouldBe("KEY LEARNING:\n\n• one");
    }
}
