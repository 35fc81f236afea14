using Lantern.Core.Tests.Segmentation;

namespace Lantern.Core.Tests.Extraction.ReviewType;

public class ReviewTypeExtractorTests
{
    [Theory]
    [InlineData("Serious Case Review IN14", "scr")]
    [InlineData("RR 2/22", "rapid-review")]
    [InlineData("LCSPR SN20 \"Jean\"", "lcspr")]
    [InlineData("Child Practice Review CYSUR 1/2019", "learning-review")]
    public void Extract_TypeWordsOnLabel_GiveTheType(string label, string type)
    {
        var review = Segment.Extract($"{label}\n\nA child of three was injured.\n\nKey learning\n\n• Share information.");
        review.Type!.Value.ShouldBe(type);
    }

    [Fact]
    public void Extract_ModelNamedInText_GivesTheType()
    {
        var review = Segment.Extract("BULLETIN – HN13\n\nSUMMARY:\n\nChild H died.\n\nKEY LEARNING:\n\nThe review was conducted using a Significant Incident Learning Process (SILP).\n\n1. Share information.");
        review.Type!.Value.ShouldBe("silp");
    }

    [Fact]
    public void Extract_PanelNameOnly_GivesNoType()
    {
        var review = Segment.Extract("Case 7\n\nA baby died.\n\nKey learning\n\n• Safer sleep advice.\n\nFeedback received from the Child Safeguarding Practice Review Panel\n\n\"A clear review.\"");
        review.Type.ShouldBeNull();
    }
}
