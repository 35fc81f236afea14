using Lantern.Core.Segmentation;

namespace Lantern.Core.Tests.Segmentation;

public class ReviewLabelParserTests
{
    [Theory]
    [InlineData("GN13", "GN13", null, null)]
    [InlineData("LEARNING AND IMPROVEMENT BULLETIN – GN13", "GN13", null, null)]
    [InlineData("Serious Case Review IN14", "IN14", null, null)]
    [InlineData("RR 1/22", "RR 1/22", null, 2022)]
    [InlineData("RR 05/22", "RR 05/22", null, 2022)]
    [InlineData("RR21-03", "RR21-03", null, null)]
    [InlineData("Rapid Review 2023/04", "2023/04", null, 2023)]
    [InlineData("CN18", "CN18", null, null)]
    [InlineData("LCSPR TN20 \"Tom\"", "TN20", "Tom", null)]
    [InlineData("Case 1", "Case 1", null, null)]
    [InlineData("Case 2—Child physical abuse", "Case 2", null, null)]
    [InlineData("Family M", "Family M", null, null)]
    [InlineData("Review 2: \"Sam\"", "Review 2", "Sam", null)]
    [InlineData("Child LR", null, "Child LR", null)]
    [InlineData("Baby R", null, "Baby R", null)]
    [InlineData("SCR 2019/01", "2019/01", null, 2019)]
    [InlineData("Rapid Review RR/2021/07", "RR/2021/07", null, 2021)]
    [InlineData("Jack's story", null, "Jack", null)]
    [InlineData("Case 4 – Child A", "Case 4", "Child A", null)]
    [InlineData("Case summary: Child D", null, "Child D", null)]
    [InlineData("CASE STUDY: BABY J", null, "BABY J", null)]
    [InlineData("Child D – Learning Review (2021)", null, "Child D", 2021)]
    [InlineData("2019 – Anytown Safeguarding Children Partnership – Child X", null, "Child X", 2019)]
    public void Parse_FieldLabels_ReadsReferenceNameAndYear(string line, string? reference, string? name, int? year)
    {
        var label = ReviewLabelParser.Parse(line).ShouldNotBeNull();
        label.Reference.ShouldBe(reference);
        label.Name.ShouldBe(name);
        label.Year.ShouldBe(year);
    }

    [Theory]
    [InlineData("Child H was 4 months old when she died.")]
    [InlineData("Feedback received from the Child Safeguarding Practice Review Panel")]
    [InlineData("Learning from Rapid Reviews and Local Child Safeguarding Practice Reviews 2022")]
    [InlineData("What is a serious case review?")]
    [InlineData("Page 3 of 12")]
    [InlineData("The NHS 111 service is available at all times, and it should be used more often by parents.")]
    [InlineData("KEY LEARNING:")]
    public void Parse_LinesThatOpenNoReview_ReturnsNull(string line)
    {
        ReviewLabelParser.Parse(line).ShouldBeNull();
    }

    [Fact]
    public void Parse_TypeHeading_IsMarkedAsTypeHeading()
    {
        var label = ReviewLabelParser.Parse("Learning from a Serious Case Review").ShouldNotBeNull();
        label.IsTypeHeading.ShouldBeTrue();
    }

    [Fact]
    public void Parse_CaseLabelWithDescription_PointsAtTheDescription()
    {
        const string line = "Case 3—Child Physical Abuse";
        var label = ReviewLabelParser.Parse(line).ShouldNotBeNull();
        line[label.RestAt..].ShouldBe("Child Physical Abuse");
    }
}
