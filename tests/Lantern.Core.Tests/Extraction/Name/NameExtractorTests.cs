using Lantern.Core.Tests.Segmentation;

namespace Lantern.Core.Tests.Extraction.Name;

public class NameExtractorTests
{
    [Fact]
    public void Extract_QuotedPseudonymOnLabel_IsTheName()
    {
        var review = Segment.Extract("LCSPR TN20 \"Tom\"\n\nThis review was for a baby who died.\n\nThe identified areas for learning were as follows:\n\n• safe sleeping");
        review.Name!.Value.ShouldBe("Tom");
    }

    [Fact]
    public void Extract_ChildLetterInDescription_IsTheName()
    {
        var review = Segment.Extract("BULLETIN – HN13\n\nSUMMARY:\n\nChild H was 4 months old when she died.\n\nKEY LEARNING:\n\n1. Share information.");
        review.Name!.Value.ShouldBe("Child H");
    }

    [Fact]
    public void Extract_SeveralChildren_GivesNoName()
    {
        var review = Segment.Extract("Case 4\n\nChildren A, B and C were neglected over many years.\n\nKey learning\n\n• Neglect is cumulative.");
        review.Name.ShouldBeNull();
    }
}
