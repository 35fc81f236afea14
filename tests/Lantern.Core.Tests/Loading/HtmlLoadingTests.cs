using System.Text;
using Lantern.Core.Loading;

namespace Lantern.Core.Tests.Loading;

public class HtmlLoadingTests
{
    private static string LoadFixture()
    {
        var doc = new DocumentLoader().Load(Path.Combine(RepoPaths.TestData, "loading", "bulletin-page.html"));
        doc.IsRejected().ShouldBeFalse(doc.RejectionReason());
        doc.Format.ShouldBe("html");
        return doc.RawText;
    }

    [Theory]
    [InlineData("Skip to main content")]
    [InlineData("cookies")]
    [InlineData("Reviews")]
    [InlineData("Home")]
    [InlineData("dataLayer")]
    [InlineData("trackPage")]
    [InlineData("Share this page")]
    [InlineData("Example Council")]
    [InlineData("font-family")]
    public void Load_HtmlPage_DropsSiteFurniture(string furniture) => LoadFixture().ShouldNotContain(furniture);

    [Fact]
    public void Load_HtmlPage_KeepsMainContentAsParagraphsHeadingsAndListItems()
    {
        var text = LoadFixture();
        var lines = text.Split('\n');
        lines[0].ShouldBe("Learning from Rapid Review RR21-03");
        text.ShouldContain("\n\nChild M was 14 months old when she was admitted to hospital.\n\n");
        lines.ShouldContain("Key learning");
        lines.ShouldContain("• Hear the voice of the child.");
        lines.ShouldContain("• Share information with the GP");
        lines.ShouldContain("1. Revise the bruising protocol.");
        lines.ShouldContain("2. Audit strategy meetings.");
    }

    [Fact]
    public void Load_HtmlPage_TurnsBreaksIntoLinesAndTableRowsIntoCells()
    {
        var lines = LoadFixture().Split('\n');
        lines.ShouldContain("Contact us:");
        lines.ShouldContain("Safeguarding Unit");
        lines.ShouldContain("Agency | Role");
        lines.ShouldContain("Police | Strategy discussion");
    }

    [Fact]
    public void Load_HtmlWithoutMain_ReadsTheBodyAndKeepsAnArticleHeader()
    {
        var html = "<html><body><nav>Menu</nav><article><header><h2>Case 1</h2></header><p>Text &amp; more.</p></article><footer>Footer</footer></body></html>";
        var doc = new DocumentLoader().Load("page.htm", Encoding.UTF8.GetBytes(html));
        doc.RawText.ShouldBe("Case 1\n\nText & more.");
    }

    [Fact]
    public void Load_HtmlContentSectionNamedLikeFurniture_IsKept()
    {
        var html = "<main><section id=\"informed-consent\"><h2>Capacity and consent</h2><p>Young people can consent.</p></section>" +
                   "<div class=\"social-share\">Share on X</div><div role=\"navigation\">Next page</div>" +
                   "<p style=\"display: none\">Hidden text</p></main>";
        var doc = new DocumentLoader().Load("page.html", Encoding.UTF8.GetBytes(html));
        doc.RawText.ShouldBe("Capacity and consent\n\nYoung people can consent.");
    }

    [Fact]
    public void Load_PartnershipPageWithoutMain_KeepsContentAndDropsClassMarkedFurniture()
    {
        var doc = new DocumentLoader().Load(Path.Combine(RepoPaths.TestData, "loading", "partnership-page.html"));
        var text = doc.RawText;
        text.ShouldStartWith("Child LR: learning brief\n\nPublished 3 March 2023 by Westshire Safeguarding Children Partnership");
        text.ShouldContain("LR was 15 when he was stabbed. He had been missing from home 12 times.");
        text.ShouldContain("• Missing episodes are a sign of exploitation.\n• Return home interviews must be timely.");
        text.ShouldContain("The panel thought the review was thorough.");
        foreach (var furniture in new[] { "cookies", "Skip to", "Training", "BETA", "About", "Print this page" })
        {
            text.ShouldNotContain(furniture);
        }
    }

    [Fact]
    public void Load_HtmlWithNoText_IsRejected()
    {
        var doc = new DocumentLoader().Load("blank.html", Encoding.UTF8.GetBytes("<html><body><script>x()</script></body></html>"));
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason()!.ShouldStartWith("blank.html: ");
    }
}
