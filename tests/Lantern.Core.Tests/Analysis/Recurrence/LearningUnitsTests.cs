using Lantern.Core.Analysis.Recurrence;

namespace Lantern.Core.Tests.Analysis.Recurrence;

public sealed class LearningUnitsTests
{
    [Fact]
    public void Split_TwoSentences_GivesEachSentence()
    {
        LearningUnits.Split("Agencies must talk to each other. Records should be kept up to date.")
            .ShouldBe(["Agencies must talk to each other.", "Records should be kept up to date."]);
    }

    [Fact]
    public void Split_AbbreviationBeforeLowerCase_StaysOneUnit()
    {
        LearningUnits.Split("Tell colleagues about risks, e.g. a history of depression, before the meeting.").Count.ShouldBe(1);
    }

    [Fact]
    public void Split_SemicolonsAndBullets_AreBoundaries()
    {
        LearningUnits.Split("supervision matters; chronologies matter\n- home visits matter")
            .ShouldBe(["supervision matters", "chronologies matter", "home visits matter"]);
    }

    [Fact]
    public void Split_SecondFramedMessageInOneSentence_IsItsOwnUnit()
    {
        LearningUnits.Split("The need for timely health assessments and the need for consistent key workers.")
            .ShouldBe(["The need for timely health assessments", "the need for consistent key workers."]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Split_NoText_GivesNone(string? text) => LearningUnits.Split(text).ShouldBeEmpty();

    [Fact]
    public void Split_HugeText_IsCutNotThrown()
    {
        var units = LearningUnits.Split(string.Concat(Enumerable.Repeat("word ", 5000)));

        units.Sum(u => u.Length).ShouldBeLessThanOrEqualTo(LearningUnits.MaxLength);
    }
}
