using Lantern.Core.Model;
using Lantern.Core.Normalisation;

namespace Lantern.Core.Tests.Normalisation;

public class BulletNormaliserTests
{
    private static string Run(string text) => new BulletNormaliser().Normalise(text, new List<Diagnostic>());

    [Theory]
    [InlineData("• Share the bulletin")]
    [InlineData("● Share the bulletin")]
    [InlineData("▪ Share the bulletin")]
    [InlineData("■ Share the bulletin")]
    [InlineData("◦ Share the bulletin")]
    [InlineData("➢ Share the bulletin")]
    [InlineData("► Share the bulletin")]
    [InlineData("✓ Share the bulletin")]
    [InlineData("· Share the bulletin")]
    [InlineData("\uF0B7 Share the bulletin")]
    [InlineData("\uF0A7\tShare the bulletin")]
    [InlineData("\uF076 Share the bulletin")]
    [InlineData("\uF0D8 Share the bulletin")]
    [InlineData("- Share the bulletin")]
    [InlineData("* Share the bulletin")]
    [InlineData("– Share the bulletin")]
    [InlineData("..Share the bulletin")]
    [InlineData("•Share the bulletin")]
    public void Normalise_AnyBulletMarker_BecomesCanonicalBullet(string input) => Run(input).ShouldBe("• Share the bulletin");

    [Fact]
    public void Normalise_LetterOAfterColon_IsABullet()
    {
        Run("Learning identified:\no the lack of risk assessment\no cross border issues")
            .ShouldBe("Learning identified:\n• the lack of risk assessment\n• cross border issues");
    }

    [Fact]
    public void Normalise_LetterONextToOtherBullets_IsABullet()
    {
        Run("• first point\no\tsecond point").ShouldBe("• first point\n• second point");
    }

    [Fact]
    public void Normalise_LetterOOutsideAList_IsKept()
    {
        Run("The review said.\no dear, that is how it read.").ShouldBe("The review said.\no dear, that is how it read.");
    }

    [Theory]
    [InlineData("...we thought it clear")]
    [InlineData("-5 degrees outside")]
    [InlineData("1. Numbered item")]
    [InlineData("(a) Lettered item")]
    public void Normalise_NonBulletLineStarts_AreKept(string input) => Run(input).ShouldBe(input);

    [Theory]
    [InlineData("1.\nThe need to share information.", "1. The need to share information.")]
    [InlineData("(2)\nThe voice of the child.", "(2) The voice of the child.")]
    [InlineData("b)\nEscalation.", "b) Escalation.")]
    public void Normalise_ItemNumberAloneOnItsLine_JoinsTheNextLine(string input, string expected) => Run(input).ShouldBe(expected);

    [Fact]
    public void Normalise_SpacedDashWrappedToLineStart_StaysInTheSentence()
    {
        var text =
            "The review concerned a baby who was seriously injured at home in 2021.\n" +
            "The family were known to children's services and to the police for\n" +
            "domestic abuse. Two people were convicted after the trial last year\n" +
            "- one for assault and one for neglect. The review was published in\n" +
            "March and its learning has been shared with every partner agency.";
        StandardNormalisation.Run(text).ShouldContain("convicted after the trial last year - one for assault and one for neglect.");
    }

    [Fact]
    public void Normalise_DashListAfterHeadingOrItems_IsAList()
    {
        Run("Key messages for practitioners\n- Pre-birth assessments should begin swiftly\n- Early action should be taken")
            .ShouldBe("Key messages for practitioners\n• Pre-birth assessments should begin swiftly\n• Early action should be taken");
    }

    [Fact]
    public void Normalise_MarkerAloneOnItsLine_JoinsTheNextLine()
    {
        Run("Points:\n\uF0B7\nSee the child\n\uF0B7\nHear the child").ShouldBe("Points:\n• See the child\n• Hear the child");
    }
}
