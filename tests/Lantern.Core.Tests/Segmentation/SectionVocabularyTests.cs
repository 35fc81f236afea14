using Lantern.Core.Pipeline;
using Lantern.Core.Segmentation;

namespace Lantern.Core.Tests.Segmentation;

public class SectionVocabularyTests
{
    [Theory]
    [InlineData("SUMMARY:", SectionKind.Summary)]
    [InlineData("1. Background", SectionKind.Summary)]
    [InlineData("What happened", SectionKind.Summary)]
    [InlineData("KEY LEARNING:", SectionKind.Learning)]
    [InlineData("Recommendations for practice:", SectionKind.Learning)]
    [InlineData("What we learned", SectionKind.Learning)]
    [InlineData("WHAT DID WE LEARN?", SectionKind.Learning)]
    [InlineData("Good practice", SectionKind.GoodPractice)]
    [InlineData("ACTIONS TAKEN:", SectionKind.Actions)]
    [InlineData("What has happened since", SectionKind.Actions)]
    [InlineData("Recommendations include:", SectionKind.Actions)]
    [InlineData("Feedback received from the Child Safeguarding Practice Review Panel", SectionKind.PanelFeedback)]
    [InlineData("IMPROVING PRACTICE", SectionKind.Other)]
    [InlineData("MORE INFORMATION:", SectionKind.Other)]
    [InlineData("5. Questions", SectionKind.Other)]
    public void ClassifyHeading_FieldHeadings_GivesTheirKind(string heading, SectionKind kind)
    {
        SectionVocabulary.ClassifyHeading(heading).ShouldBe(kind);
    }

    [Theory]
    [InlineData("The Munro Review & the Government Response")]
    [InlineData("10 Pitfalls in practice and how to avoid them")]
    [InlineData("Practitioners responsibilities to keep up to date with current research.")]
    public void ClassifyHeading_ArticleTitles_NameNoSection(string heading)
    {
        SectionVocabulary.ClassifyHeading(heading).ShouldBeNull();
    }

    [Theory]
    [InlineData("Good practice was identified in that the GP was kept up to date.", SectionKind.GoodPractice)]
    [InlineData("Learning identified included the importance of home visits.", SectionKind.Learning)]
    [InlineData("Missed opportunities were identified for hospital staff.", SectionKind.Learning)]
    [InlineData("An action was identified for the trust to review its guidance.", SectionKind.Actions)]
    [InlineData("An internal serious incident investigation is ongoing.", SectionKind.Actions)]
    [InlineData("The LSCB should develop a process to support staff.", SectionKind.Actions)]
    [InlineData("NSCP has begun work to explore models of integration.", SectionKind.Actions)]
    public void ClassifyOpening_ParagraphOpenings_GiveTheirRole(string paragraph, SectionKind kind)
    {
        SectionVocabulary.ClassifyOpening(paragraph).ShouldBe(kind);
    }

    [Theory]
    [InlineData("The learning from the review continues to be disseminated via briefings.")]
    [InlineData("This review related to a 22 month old child.")]
    public void ClassifyOpening_OrdinaryProse_HasNoRole(string paragraph)
    {
        SectionVocabulary.ClassifyOpening(paragraph).ShouldBeNull();
    }

    [Theory]
    [InlineData("The review concluded that the injuries were neither predictable nor preventable.", true)]
    [InlineData("Discuss this briefing in your next team meeting.", true)]
    [InlineData("Share information between different departments so all professionals are aware.", false)]
    public void IsNotAnItem_SeparatesFindingsFromConclusionsAndSuggestions(string text, bool expected)
    {
        SectionVocabulary.IsNotAnItem(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("• A point", 2)]
    [InlineData("- 1. A point", 5)]
    [InlineData("..A point", 2)]
    [InlineData("3) A point", 3)]
    [InlineData("**Bold heading**", 0)]
    [InlineData("A sentence.", 0)]
    public void MarkerLength_ListMarkers_AreMeasured(string line, int length)
    {
        ListMarker.MarkerLength(line).ShouldBe(length);
    }
}
