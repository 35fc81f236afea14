using Lantern.Core.Tests.Segmentation;

namespace Lantern.Core.Tests.Extraction.Year;

public class YearExtractorTests
{
    [Fact]
    public void Extract_SlashYearInCode_IsTheYear()
    {
        Segment.Extract("RR 1/22\n\nA boy died.\n\nLearning identified included home visits.").Year!.Value.ShouldBe(2022);
    }

    [Fact]
    public void Extract_CodeDigits_AreNotAYear()
    {
        Segment.Extract("BULLETIN – GN13\n\nSUMMARY:\n\nA child was injured.\n\nKEY LEARNING:\n\n1. Core groups.").Year.ShouldBeNull();
    }

    [Fact]
    public void Extract_YearOfLaterAction_IsNotTheReviewYear()
    {
        var review = Segment.Extract("BULLETIN – GN13\n\nSUMMARY:\n\nA child was injured.\n\nKEY LEARNING:\n\n1. Core groups.\n\nACTIONS TAKEN:\n\nThe guidance will be re-launched in November 2014.");
        review.Year.ShouldBeNull();
    }

    [Fact]
    public void Extract_ReviewCompletedInYear_IsTheYear()
    {
        var review = Segment.Extract("Case 2\n\nA baby was shaken. The review was completed in March 2020.\n\nKey learning\n\n• Include fathers.");
        review.Year!.Value.ShouldBe(2020);
    }

    [Fact]
    public void Extract_DocumentTitledWithYear_GivesItsReviewsThatYear()
    {
        var result = Segment.Run("Learning from Rapid Reviews 2022\n\nCase 1\n\nA baby was injured.\n\nKey learning\n\n• Check injuries.\n\nCase 2\n\nA girl was exploited.\n\nKey learning\n\n• Recognise grooming.");
        result.Reviews.Select(r => r.Year?.Value).ShouldBe([2022, 2022]);
    }
}
