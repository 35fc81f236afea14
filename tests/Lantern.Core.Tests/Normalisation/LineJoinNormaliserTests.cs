namespace Lantern.Core.Tests.Normalisation;

/// <summary>Wrapped lines are joined through the whole standard pipeline, so bullets and headings are already canonical.</summary>
public class LineJoinNormaliserTests
{
    // Lines hard-wrapped near 60 characters, as pdftotext writes them.
    private const string Wrapped =
        "KEY LEARNING\n" +
        "The review found that professionals did not share what they\n" +
        "knew about the family. Health visitors saw the baby at home\n" +
        "Six times in the months before the injury was found by staff.\n" +
        "Learning identified:\n" +
        "• Practitioners should record the voice of the child in every\n" +
        "assessment they complete and share it with partner agencies.\n" +
        "• Supervision should test the plan against what is happening\n" +
        "Actions Taken\n" +
        "The partnership has revised its guidance on strategy meetings.";

    [Fact]
    public void Normalise_HardWrappedParagraph_BecomesOneLine()
    {
        var lines = StandardNormalisation.Run(Wrapped).Split('\n');
        lines.ShouldContain("The review found that professionals did not share what they knew about the family. Health visitors saw the baby at home Six times in the months before the injury was found by staff.");
    }

    [Fact]
    public void Normalise_HeadingsAndColonLines_StayOnTheirOwnLines()
    {
        var lines = StandardNormalisation.Run(Wrapped).Split('\n');
        lines[0].ShouldBe("KEY LEARNING");
        lines.ShouldContain("Learning identified:");
        lines.ShouldContain("Actions Taken");
    }

    [Fact]
    public void Normalise_WrappedListItem_BecomesOneLineAndTheNextItemStaysSeparate()
    {
        var lines = StandardNormalisation.Run(Wrapped).Split('\n');
        lines.ShouldContain("• Practitioners should record the voice of the child in every assessment they complete and share it with partner agencies.");
        lines.ShouldContain("• Supervision should test the plan against what is happening");
    }

    [Fact]
    public void Normalise_OneParagraphPerLine_KeepsSentencesOnSeparateLines()
    {
        var text = "Good practice was identified in the work of the school.\nLearning identified included the need to share information.";
        StandardNormalisation.Run(text).ShouldBe(text);
    }

    [Fact]
    public void Normalise_ParagraphBrokenAcrossBlankLineMidSentence_IsJoined()
    {
        StandardNormalisation.Run("A recent study has shown that whilst there is some\n\nvery good practice, babies are at risk.")
            .ShouldBe("A recent study has shown that whilst there is some very good practice, babies are at risk.");
    }

    [Fact]
    public void Normalise_NumberedItemBrokenAcrossBlankLine_IsJoinedButNextItemIsNot()
    {
        StandardNormalisation.Run("3. Attention is focused on less obvious details that are\n\ninsufficiently explored.\n\n4. Insufficient weight is given.")
            .ShouldBe("3. Attention is focused on less obvious details that are insufficiently explored.\n\n4. Insufficient weight is given.");
    }

    [Fact]
    public void Normalise_SentenceEndBeforeBlankLine_IsNotJoined()
    {
        StandardNormalisation.Run("The plan ended.\n\nthe next paragraph starts oddly.").ShouldBe("The plan ended.\n\nthe next paragraph starts oddly.");
    }

    [Fact]
    public void Normalise_HeadingBeforeLowerCaseLine_IsNotJoined()
    {
        StandardNormalisation.Run("Key Messages\n\nbabies are fragile.").ShouldBe("Key Messages\n\nbabies are fragile.");
    }

    [Fact]
    public void Normalise_SentenceCaseHeadingAfterAFullWrappedLine_StaysOnItsOwnLine()
    {
        var text =
            "The review found that the family had moved three times in a year and\n" +
            "that records did not follow the children between the two councils.\n" +
            "Key learning\n" +
            "Transfer-in conferences must take place within fifteen working days of\n" +
            "the move, and the receiving council must read the full history there.\n" +
            "Records should always follow the children when families move house.";
        var lines = StandardNormalisation.Run(text).Split('\n');
        lines.ShouldContain("Key learning");
        lines[0].ShouldEndWith("between the two councils.");
    }

    [Fact]
    public void Normalise_TableRows_StayOnePerLine()
    {
        StandardNormalisation.Run("Agency | Action\nHealth | Revise the bruising protocol\nPolice | Audit strategy meetings")
            .ShouldBe("Agency | Action\nHealth | Revise the bruising protocol\nPolice | Audit strategy meetings");
    }

    [Fact]
    public void Normalise_FullWrappedLineBeforeATitleCaseLine_IsJoined()
    {
        var text =
            "This review was for a nine-month-old baby boy who suffered a number of\n" +
            "abusive injuries including bruises to his face and fractures to both ankles\n" +
            "and his right wrist, all found during one admission. The review involved\n" +
            "Derbyshire, Nottingham City and Nottinghamshire Safeguarding Children\n" +
            "Partnerships.\n" +
            "Book Title: Caring for Abused and Neglected Children: making the right\n" +
            "decisions for reunification or long-term care, by a team of researchers.";
        var lines = StandardNormalisation.Run(text).Split('\n');
        lines.Length.ShouldBe(2);
        lines[0].ShouldEndWith("The review involved Derbyshire, Nottingham City and Nottinghamshire Safeguarding Children Partnerships.");
        lines[1].ShouldStartWith("Book Title: Caring for Abused and Neglected Children: making the right decisions");
    }

    [Fact]
    public void Normalise_HeadingSplitAfterASmallWord_IsJoined()
    {
        StandardNormalisation.Run("LEARNING FROM\nREVIEWS\nFamily M\nThe review considered three siblings.")
            .ShouldBe("LEARNING FROM REVIEWS\nFamily M\nThe review considered three siblings.");
    }

    [Fact]
    public void Normalise_LineEndingMidPhrase_JoinsCapitalisedNextLine()
    {
        StandardNormalisation.Run("The review was led by\nNottinghamshire Safeguarding Children Partnership.")
            .ShouldBe("The review was led by Nottinghamshire Safeguarding Children Partnership.");
    }
}
