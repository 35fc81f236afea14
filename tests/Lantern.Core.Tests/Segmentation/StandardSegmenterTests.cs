using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Segmentation;

public class StandardSegmenterTests
{
    [Fact]
    public void Segment_DigestWithNumberedRapidReviews_FindsEachReview()
    {
        var (_, layout) = Segment.Of("""
            Learning from Rapid Reviews 2024

            RR 3/24

            A baby boy of six weeks was found to have a fractured wrist.

            Learning identified included the need to check explanations against the child's development.

            RR 4/24

            A girl of twelve was exploited by older men she met online.

            Good practice was identified in the school's quick referral.
            """);

        layout.Reviews.Count.ShouldBe(2);
        layout.Reviews[0].Items(SectionKind.Learning).ShouldHaveSingleItem().ShouldStartWith("Learning identified included");
        layout.Reviews[1].Items(SectionKind.GoodPractice).ShouldHaveSingleItem().ShouldStartWith("Good practice was identified");
        layout.DocumentYear!.Value.ShouldBe(2024);
    }

    [Fact]
    public void Segment_NewsletterWithoutCase_FindsNoReview()
    {
        var (_, layout) = Segment.Of("""
            Partnership Newsletter

            Welcome to the spring newsletter. It covers training and new procedures.

            Key messages

            • Always record the child's voice.
            • Know how to escalate a concern.

            Contact numbers

            Front door: 0100 000 0000
            """);

        layout.Reviews.ShouldBeEmpty();
    }

    [Fact]
    public void Segment_ProseAfterList_EndsTheReview()
    {
        var (_, layout) = Segment.Of("""
            Case 1 – Neglect of a toddler.

            Recommendations for practice:

            • Use the neglect toolkit when concerns persist.

            The next case highlights learning about adolescents.

            Key messages for practitioners:

            • General research finding that is not about this case.
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        review.Items(SectionKind.Learning).ShouldBe(["Use the neglect toolkit when concerns persist."]);
    }

    [Fact]
    public void Segment_UnrelatedArticleHeading_EndsTheReview()
    {
        var (_, layout) = Segment.Of("""
            Serious Case Review AB12

            SUMMARY:

            A child of four died from an overdose of methadone kept in the home.

            KEY LEARNING:

            1. Medicines must be stored safely where there are children.

            The Munro Review and the Government Response

            The government published its response, which agreed that the system is too focused on compliance.
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        review.Items(SectionKind.Learning).ShouldBe(["Medicines must be stored safely where there are children."]);
        review.Items(SectionKind.Summary).ShouldHaveSingleItem().ShouldContain("methadone");
    }

    [Fact]
    public void Segment_ParagraphMovingFromLearningToAction_SplitsWhereRoleChanges()
    {
        var (_, layout) = Segment.Of("""
            RR 9/23

            A baby was admitted with bruising.

            Missed opportunities were identified for the ward staff. An internal investigation is ongoing.
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        review.Items(SectionKind.Learning).ShouldBe(["Missed opportunities were identified for the ward staff."]);
        review.Items(SectionKind.Actions).ShouldBe(["An internal investigation is ongoing."]);
    }

    [Fact]
    public void Segment_PanelFeedbackQuotes_AreItemsWithoutQuotationMarks()
    {
        var (text, layout) = Segment.Of("""
            LCSPR AB21 "Kai"

            This review was for a baby who died while co-sleeping.

            Feedback received from the Child Safeguarding Practice Review Panel

            "We thought the review was clear."

            "The analysis was thoughtful."
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        var panel = review.OfKind(SectionKind.PanelFeedback).SelectMany(s => s.Items).ToList();
        panel.Select(i => i.Text).ShouldBe(["We thought the review was clear.", "The analysis was thoughtful."]);
        panel.ShouldAllBe(i => i.Span.Slice(text) == i.Text);
    }

    [Fact]
    public void Segment_BulletsAfterDescriptionWithoutHeading_AreLearningAndAgencyWorkIsAction()
    {
        var (_, layout) = Segment.Of("""
            LCSPR CD22 "Ava"

            This review was for a baby girl who was scalded at home.

            • The review highlighted gaps in joint working between adult and children's services.
            • ABSCP has begun work to develop joint assessments.
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        review.Items(SectionKind.Learning).ShouldHaveSingleItem().ShouldContain("joint working");
        review.Items(SectionKind.Actions).ShouldHaveSingleItem().ShouldStartWith("ABSCP has begun");
    }

    [Fact]
    public void Segment_IntroductionAndPredictabilityConclusion_AreNotItems()
    {
        var (_, layout) = Segment.Of("""
            BULLETIN – XY14

            SUMMARY:

            Child Y was two when she was injured.

            KEY LEARNING:

            The review concluded that the injuries were neither predictable nor preventable.

            The learning identified included:

            1. The need for supervision.
            2. The need to share information.
            """);

        layout.Reviews.ShouldHaveSingleItem().Items(SectionKind.Learning).ShouldBe(["The need for supervision.", "The need to share information."]);
    }

    [Fact]
    public void Segment_SevenMinuteBriefingWithoutLabel_IsOneReview()
    {
        var (_, layout) = Segment.Of("""
            7 Minute Briefing

            1. Background

            A baby of ten weeks was shaken by his father and suffered a brain injury.

            2. Why it matters

            Babies are vulnerable.

            3. Key learning

            • Fathers must be included in assessments.

            4. Questions

            • Do you ask about fathers?
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        review.Items(SectionKind.Learning).ShouldBe(["Fathers must be included in assessments."]);
    }

    [Fact]
    public void Segment_TextBeforeFirstReview_IsNotPartOfIt()
    {
        var (text, layout) = Segment.Of("""
            The first case identifies learning from an exploitation case.

            Case 1 – Exploitation of a young woman by a group of men.

            Recommendations for practice:

            • Recognise the warning signs of exploitation.
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        review.Span.Slice(text).ShouldStartWith("Case 1");
    }

    [Fact]
    public void Segment_RepositoryEntryWithInlineLeadIns_SplitsHeadingFromPoint()
    {
        var (text, layout) = Segment.Of("""
            2021 – Westfield Safeguarding Children Partnership – Baby L

            Baby L, aged 6 weeks, suffered a fractured skull.

            Learning includes: the need for midwives to ask about domestic abuse at every contact.

            Recommendations include: the partnership to audit information sharing.
            """);

        var review = layout.Reviews.ShouldHaveSingleItem();
        review.Items(SectionKind.Learning).ShouldBe(["the need for midwives to ask about domestic abuse at every contact."]);
        var action = review.OfKind(SectionKind.Actions).SelectMany(s => s.Items).ShouldHaveSingleItem();
        action.Span.Slice(text).ShouldBe("the partnership to audit information sharing.");
    }

    [Fact]
    public void Segment_ContactLineAfterActions_IsNotAnAction()
    {
        var (_, layout) = Segment.Of("""
            Serious Case Review

            SUMMARY

            A baby died after co-sleeping with parents who had been drinking.

            ACTIONS TAKEN

            The LSCB has launched a safer sleep campaign.

            If you have concerns about a child please call 0100 000 0000.
            """);

        layout.Reviews.ShouldHaveSingleItem().Items(SectionKind.Actions).ShouldBe(["The LSCB has launched a safer sleep campaign."]);
    }

    [Fact]
    public void Segment_TypeHeadingAfterCodedReview_OpensTheNextReview()
    {
        var (_, layout) = Segment.Of("""
            Serious Case Review GH15

            SUMMARY:

            A baby of three months was shaken by her father.

            KEY LEARNING:

            1. Include fathers in assessments.

            Learning from a Rapid Review

            This review was for a boy of fifteen who was stabbed after being exploited.

            KEY LEARNING:

            1. Recognise the signs of criminal exploitation.
            """);

        layout.Reviews.Count.ShouldBe(2);
        layout.Reviews[1].Items(SectionKind.Learning).ShouldBe(["Recognise the signs of criminal exploitation."]);
    }

    [Fact]
    public void Segment_ArticleWithTypeHeadingAfterReview_IsNotAReview()
    {
        var (_, layout) = Segment.Of("""
            Serious Case Review GH15

            SUMMARY:

            A baby of three months was shaken by her father.

            KEY LEARNING:

            1. Include fathers in assessments.

            Changes to the serious case review process

            From next year, local reviews will replace the old arrangements.
            """);

        layout.Reviews.ShouldHaveSingleItem();
    }

    [Fact]
    public void Segment_MalformedInput_DoesNotThrow()
    {
        foreach (var raw in new[] { "", "\n\n\n", "•", "RR", "Case", "1.\n2.\n", new string('x', 10_000), "Case 1 –" })
        {
            Should.NotThrow(() => Segment.Of(raw));
        }
    }
}
