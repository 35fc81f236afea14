using Lantern.Core.Extraction.Child;
using Lantern.Core.Extraction.Outcome;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Extraction;

public class ChildAndOutcomeTests
{
    private static Review Run(string summary)
    {
        var segment = new ReviewSegment(new SourceSpan(0, summary.Length), null, []);
        var context = new ReviewContext(summary, new DocumentLayout([segment]), segment);
        var review = new Review { Span = segment.Span, Summary = new TextItem(summary, segment.Span) };
        review = new ChildExtractor().Extract(context, review);
        return new OutcomeExtractor().Extract(context, review);
    }

    [Theory]
    [InlineData("This review concerned a 22 month old child.", 22, "1-5")]
    [InlineData("The death of a fourteen-year-old boy.", 168, "11-15")]
    [InlineData("An 18-day-old baby died.", 0, "under-1")]
    [InlineData("A seventeen-month-old baby girl was scalded.", 17, "1-5")]
    [InlineData("This review was for a 16-year-old looked after child.", 192, "16-17")]
    [InlineData("Child H was 4 months old when she died.", 4, "under-1")]
    [InlineData("The boy, aged 9, was often left alone.", 108, "6-10")]
    [InlineData("Sam was 16 when he took his own life.", 192, "16-17")]
    [InlineData("A six-week-old baby suffered bruising.", 1, "under-1")]
    public void Age_FromDigitsAndNumberWords_IsCompletedMonths(string text, int months, string band)
    {
        var child = Run(text).Child;
        child.AgeMonths!.Value.ShouldBe(months);
        child.AgeBand!.Value.ShouldBe(band);
        child.AgeMonths.Spans.Single().Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Age_OfASibling_IsSkipped()
    {
        Run("Her 3-year-old brother was at home when the baby, aged 6 weeks, was injured.").Child.AgeMonths!.Value.ShouldBe(1);
    }

    [Fact]
    public void Age_OfAnAdult_IsNotTheChilds()
    {
        Run("The baby lived with her mother, aged 19, in a flat.").Child.AgeMonths.ShouldBeNull();
    }

    [Fact]
    public void Age_BabyWithoutNumber_GivesBandOnly()
    {
        var child = Run("A baby boy died when asleep with an adult.").Child;
        child.AgeMonths.ShouldBeNull();
        child.AgeBand!.Value.ShouldBe("under-1");
        child.Sex!.Value.ShouldBe("male");
    }

    [Theory]
    [InlineData("Child H was 4 months old when she died. She lived with her mother.", "female")]
    [InlineData("The baby's parents and his five siblings were known to services.", "male")]
    [InlineData("Child sexual exploitation involving young women groomed by a group of males.", "female")]
    [InlineData("The siblings, a boy and a girl, were neglected.", "mixed")]
    public void Sex_FromChildNounsAndPronouns(string text, string sex) => Run(text).Child.Sex!.Value.ShouldBe(sex);

    [Fact]
    public void Sex_MothersPronouns_DoNotCount()
    {
        Run("The mother said she had left the child with a friend. She was arrested.").Child.Sex.ShouldBeNull();
    }

    [Theory]
    [InlineData("The baby died shortly after birth.", "died")]
    [InlineData("This was a review of the death of a boy.", "died")]
    [InlineData("A girl suffered serious injuries.", "serious-harm")]
    [InlineData("The child was sexually exploited.", "serious-harm")]
    public void Outcome_FromCaseDescription(string text, string outcome) => Run(text).Outcome!.Value.ShouldBe(outcome);

    [Fact]
    public void Outcome_NearDeath_IsNotDied()
    {
        Run("The toddler nearly died after swallowing tablets and suffered serious harm.").Outcome!.Value.ShouldBe("serious-harm");
    }

    [Fact]
    public void Outcome_NothingSaid_IsNull()
    {
        Run("The family moved to the area in 2019.").Outcome.ShouldBeNull();
    }
}

public class ChildPseudonymTests
{
    [Fact]
    public void Sex_PronounsAfterThePseudonym_Count()
    {
        const string text = "Ellie went missing from her placement eleven times.";
        var segment = new ReviewSegment(new SourceSpan(0, text.Length), null, []);
        var context = new ReviewContext(text, new DocumentLayout([segment]), segment);
        var review = new Review { Span = segment.Span, Summary = new TextItem(text, segment.Span), Name = new Evidence<string>("Ellie", new SourceSpan(0, 5)) };
        new ChildExtractor().Extract(context, review).Child.Sex!.Value.ShouldBe("female");
    }
}
