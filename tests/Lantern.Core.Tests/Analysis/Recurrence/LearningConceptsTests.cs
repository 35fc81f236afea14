using Lantern.Core.Analysis.Recurrence;

namespace Lantern.Core.Tests.Analysis.Recurrence;

public class LearningConceptsTests
{
    [Fact]
    public void Of_PhrasesOfOneTheme_FoldToTheSameConcept_AndAskingAgainGivesTheSame()
    {
        var concepts = LearningConcepts.BuiltIn;
        const string shared = "Agencies must share information with the health visitor when a baby is discharged.";
        const string other = "Information should be shared between agencies at the strategy discussion.";

        var first = concepts.Of(shared);
        first.ShouldContain("information-sharing");
        concepts.Of(other).ShouldContain("information-sharing");

        // Remembered answers are the answers: the same text gives the same concepts, and a stricter weight is worked
        // out afresh rather than read from what the default weight found.
        concepts.Of(shared).ShouldBe(first);
        concepts.Of(shared, minWeight: 2.0).ShouldBeEmpty();
        concepts.Of("").ShouldBeEmpty();
    }
}
