using Lantern.Core.Model;

namespace Lantern.Core.Tests.Normalisation;

public class PageFurnitureNormaliserTests
{
    [Fact]
    public void Normalise_PdfTextWithRunningHeadersAndPageNumbers_RemovesHeadersAndPageNumbers()
    {
        var pdf =
            "Learning from Reviews 2023\nSafeguarding Partnership Bulletin\n\nChild A was seen at school.\n\nPage 1 of 3\n" +
            "\fSafeguarding Partnership Bulletin\n\nThe plan was not updated after the move.\n\n- 2 -\nConfidential draft for practitioners\n" +
            "\fSafeguarding Partnership Bulletin\n\nLearning: share records promptly.\n\n3 | P a g e\nConfidential draft for practitioners\n";
        var diagnostics = new List<Diagnostic>();
        var text = StandardNormalisation.Run(pdf, diagnostics);
        // The header's first copy stands in the opening block, so it is kept once as part of the title.
        text.ShouldBe("Learning from Reviews 2023\nSafeguarding Partnership Bulletin\n\nChild A was seen at school.\n\nThe plan was not updated after the move.\n\nLearning: share records promptly.");
        diagnostics.ShouldContain(d => d.Code == "page-furniture-removed");
    }

    [Fact]
    public void Normalise_PdfRunningHeaderBelowTheOpeningLines_IsRemovedEverywhere()
    {
        var pdf =
            "Learning from Reviews 2023\nIssue 4\nSpring\nIntroduction text.\nCONFIDENTIAL\n" +
            "\fMore text on page two.\nCONFIDENTIAL\n\fPage three text.\nCONFIDENTIAL";
        StandardNormalisation.Run(pdf).ShouldNotContain("CONFIDENTIAL");
    }

    [Fact]
    public void Normalise_PdfHeaderWithChangingNumbers_IsMatchedWithDigitsMasked()
    {
        var pdf = "Bulletin issue 4 page 1\nFirst page text.\n\fBulletin issue 4 page 2\nSecond page text.\n\fBulletin issue 4 page 3\nThird page text.";
        StandardNormalisation.Run(pdf).ShouldBe("Bulletin issue 4 page 1\nFirst page text.\n\nSecond page text.\n\nThird page text.");
    }

    [Fact]
    public void Normalise_SectionHeadingOpeningTwoOfSixPages_IsKept()
    {
        var pages = Enumerable.Range(1, 6).Select(p => (p is 2 or 5 ? "Key Learning\n" : "") + $"Body text of page {p} about the review.\nMore text.");
        var text = StandardNormalisation.Run(string.Join("\f", pages));
        text.Split('\n').Count(l => l == "Key Learning").ShouldBe(2);
    }

    [Fact]
    public void Normalise_WordHyphenatedAcrossPageBreak_IsJoined()
    {
        var pdf = "Title\n\nHeader of the bulletin here\nThe partnership reviewed its safe-\n1\n\fHeader of the bulletin here\n\nguarding arrangements.\n2";
        StandardNormalisation.Run(pdf).ShouldBe("Title\n\nThe partnership reviewed its safeguarding arrangements.");
    }

    [Fact]
    public void Normalise_SentenceBrokenAcrossPageBreakBeforeACapital_IsJoinedWhenItEndsMidPhrase()
    {
        var pdf = "The case was referred to\n4\n\fChildren's Social Care by the school.\n5";
        StandardNormalisation.Run(pdf).ShouldBe("The case was referred to Children's Social Care by the school.");
    }

    [Fact]
    public void Normalise_SentenceBrokenAcrossPageBreak_IsJoined()
    {
        var pdf = "The social worker visited the family but\n12\n\fdid not see the baby.\n13";
        StandardNormalisation.Run(pdf).ShouldBe("The social worker visited the family but did not see the baby.");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("Page 3")]
    [InlineData("page 3 of 12")]
    [InlineData("- 3 -")]
    [InlineData("3 | P a g e")]
    [InlineData("3/12")]
    public void Normalise_PageNumberLine_IsRemoved(string pageNumber)
    {
        StandardNormalisation.Run($"Child B was known to services.\n\n{pageNumber}\n\nThe review began in 2021.")
            .ShouldBe("Child B was known to services.\n\nThe review began in 2021.");
    }

    [Fact]
    public void Normalise_YearOnItsOwnLine_IsKept()
    {
        StandardNormalisation.Run("Learning from Rapid Reviews\n\n2022\n\nRR 1/22").ShouldContain("2022");
    }

    [Fact]
    public void Normalise_TextWithoutFormFeedsAndRepeatedFooter_RemovesFooterButKeepsTitle()
    {
        var text =
            "Partnership learning from rapid reviews\n\nRR 1/22\n\nA baby was injured.\n\n" +
            "Partnership learning from rapid reviews\n\n2\n\nRR 2/22\n\nA child was neglected.\n\n" +
            "Partnership learning from rapid reviews\n\n3\n\nRR 3/22\n\nA boy went missing.";
        StandardNormalisation.Run(text).ShouldBe(
            "Partnership learning from rapid reviews\n\nRR 1/22\n\nA baby was injured.\n\nRR 2/22\n\nA child was neglected.\n\nRR 3/22\n\nA boy went missing.");
    }

    [Fact]
    public void Normalise_TextWithoutFormFeedsAndFooterWrappedOverTwoLines_RemovesBothLines()
    {
        var text =
            "RR 1/22\n\nA baby was injured.\n\nExample Partnership - learning from rapid reviews\n2022\n\n5\n\n" +
            "RR 2/22\n\nA child was neglected.\n\nExample Partnership - learning from rapid reviews\n2022\n\n6\n\nRR 3/22";
        StandardNormalisation.Run(text).ShouldBe("RR 1/22\n\nA baby was injured.\n\nRR 2/22\n\nA child was neglected.\n\nRR 3/22");
    }

    [Fact]
    public void Normalise_RepeatedSectionHeadingAwayFromPageNumbers_IsKept()
    {
        var text =
            "RR 1/22\n\nA baby was injured.\n\nFeedback received from the Review Panel\n\n\"A clear review.\"\n\n" +
            "RR 2/22\n\nA child was neglected.\n\nFeedback received from the Review Panel\n\n\"A thorough review.\"";
        var normalised = StandardNormalisation.Run(text);
        normalised.Split('\n').Count(l => l == "Feedback received from the Review Panel").ShouldBe(2);
    }

    // Text with nothing to remove or trim comes back as it is (the pass checks that first, line by line, without
    // splitting); a line it must still act on, anywhere, sends it through the whole pass.
    [Fact]
    public void Normalise_TextWithNothingToRemove_IsReturnedAsItIs()
    {
        const string text = "Child C was 22 months old.\n\nThe review began in 2021 and ended in March.\nRR 4/23\n\nA baby was injured.";
        var diagnostics = new List<Diagnostic>();
        new Lantern.Core.Normalisation.PageFurnitureNormaliser().Normalise(text, diagnostics).ShouldBeSameAs(text);
        diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Child C was seen.\n12\nThe plan changed.", "Child C was seen.\nThe plan changed.")]
    [InlineData("Child C was seen.\n\u0663\nThe plan changed.", "Child C was seen.\nThe plan changed.")]
    [InlineData("Child C was seen.  \n\tThe plan changed.", "Child C was seen.\nThe plan changed.")]
    [InlineData("Child C was seen.\nPage 4 of 9", "Child C was seen.")]
    public void Normalise_LineToRemoveOrTrim_IsStillHandled(string text, string expected)
    {
        new Lantern.Core.Normalisation.PageFurnitureNormaliser().Normalise(text, new List<Diagnostic>()).ShouldBe(expected);
    }
}
