using Lantern.Core.Model;
using Lantern.Core.Normalisation;

namespace Lantern.Core.Tests.Normalisation;

public class HyphenationNormaliserTests
{
    private static string Run(string text) => new HyphenationNormaliser().Normalise(text, new List<Diagnostic>());

    [Theory]
    [InlineData("effective safe-\nguarding of babies", "effective safeguarding of babies")]
    [InlineData("the assess-\n\nment was late", "the assessment was late")]
    [InlineData("re-\nport it", "report it")]
    public void Normalise_WordBrokenAcrossLines_IsJoined(string input, string expected) => Run(input).ShouldBe(expected);

    [Theory]
    [InlineData("multi-\nagency working", "multi-agency working")]
    [InlineData("non-\naccidental injury", "non-accidental injury")]
    [InlineData("Self-\nneglect", "Self-neglect")]
    [InlineData("well-\nbeing", "well-being")]
    [InlineData("re-\nexamine", "re-examine")]
    [InlineData("co-\nsleeping", "co-sleeping")]
    public void Normalise_CompoundPrefix_KeepsItsHyphen(string input, string expected) => Run(input).ShouldBe(expected);

    [Theory]
    [InlineData("Nottingham-\nDerby border")]
    [InlineData("the child -\nnot the parent")]
    public void Normalise_NotAWordBreak_IsLeftAlone(string input) => Run(input).ShouldBe(input);
}
