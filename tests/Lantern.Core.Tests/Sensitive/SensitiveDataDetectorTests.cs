using Lantern.Core.Sensitive;

namespace Lantern.Core.Tests.Sensitive;

public sealed class SensitiveDataDetectorTests
{
    private static List<(SensitiveKind Kind, string Text)> Find(string text) =>
        [.. SensitiveDataDetector.Default.Detect(text).Select(f => (f.Kind, f.Span.Slice(text)))];

    private static List<string> Find(string text, SensitiveKind kind) =>
        [.. Find(text).Where(f => f.Kind == kind).Select(f => f.Text)];

    [Theory]
    [InlineData("The child lived with her mother, Sarah Jones, and two siblings.", "mother, Sarah Jones")]
    [InlineData("Concerns were raised by the father (Mark) at the school gate.", "father (Mark")]
    [InlineData("When Kelly's partner moved in, visits stopped.", "Kelly's partner")]
    [InlineData("Dean, the child's uncle, collected him.", "Dean, the child's uncle")]
    [InlineData("Mother: Tracey Smith", "Mother: Tracey Smith")]
    public void FamilyName_RealNameNextToFamilyWord_IsFound(string text, string expected) =>
        Find(text, SensitiveKind.FamilyName).ShouldBe([expected]);

    [Theory]
    [InlineData("Mother of Child LR was not asked about the partner.")]
    [InlineData("Child A's mother and Sibling 2 were seen together.")]
    [InlineData("Father B did not attend. The mother was not told.")]
    [InlineData("The child lived with her mother. The home was cold.")]
    [InlineData("Her mother, Police attended later that day.")]
    [InlineData("Practitioners did not ask the father about his partner's history.")]
    public void FamilyName_PseudonymOrOrdinaryWord_IsNotFound(string text) =>
        Find(text, SensitiveKind.FamilyName).ShouldBeEmpty();

    [Theory]
    [InlineData("DOB: 12/03/2015", "DOB: 12/03/2015")]
    [InlineData("date of birth 3 March 2019 (recorded)", "date of birth 3 March 2019")]
    [InlineData("She was born on the 4th July 2018 in Leeds.", "born on the 4th July 2018")]
    public void DateOfBirth_CueWithDate_IsFound(string text, string expected) =>
        Find(text, SensitiveKind.DateOfBirth).ShouldBe([expected]);

    [Theory]
    [InlineData("The GP did not record the child's date of birth.")]
    [InlineData("The plan was born on the back of earlier learning.")]
    [InlineData("The review was published on 12/03/2021.")]
    public void DateOfBirth_NoCueOrNoDate_IsNotFound(string text) =>
        Find(text, SensitiveKind.DateOfBirth).ShouldBeEmpty();

    [Theory]
    [InlineData("The family moved to LS1 4AP in May.", "LS1 4AP")]
    [InlineData("Address: SW1A 1AA.", "SW1A 1AA")]
    [InlineData("postcode M602LA", "M602LA")]
    public void Postcode_FullUkPostcode_IsFound(string text, string expected) =>
        Find(text, SensitiveKind.Postcode).ShouldBe([expected]);

    [Theory]
    [InlineData("The family lived in the LS1 area.")]
    [InlineData("Under section 47 of the Children Act 1989 and CP1 plans.")]
    [InlineData("a ls1 4ap lower-case code")]
    public void Postcode_PartialOrLowerCase_IsNotFound(string text) =>
        Find(text, SensitiveKind.Postcode).ShouldBeEmpty();

    [Theory]
    [InlineData("They lived at 14 Acacia Avenue until 2019.", "14 Acacia Avenue")]
    [InlineData("a flat at 3b Mill Lane, Leeds", "3b Mill Lane")]
    [InlineData("at 221 Baker Street.", "221 Baker Street")]
    public void StreetAddress_NumberNameAndStreetWord_IsFound(string text, string expected) =>
        Find(text, SensitiveKind.StreetAddress).ShouldBe([expected]);

    [Theory]
    [InlineData("In 2020 Police Street Triage was introduced.")]
    [InlineData("The family moved to a new road in the area.")]
    [InlineData("Recommendation 4 asks the Court to review practice.")]
    public void StreetAddress_NoHouseNumberOrNoStreetWord_IsNotFound(string text) =>
        Find(text, SensitiveKind.StreetAddress).ShouldBeEmpty();

    [Theory]
    [InlineData("Call the duty line on 0113 222 4401 for advice.", "0113 222 4401")]
    [InlineData("Mobile 07700 900123.", "07700 900123")]
    [InlineData("Ring +44 20 7946 0018 out of hours.", "+44 20 7946 0018")]
    [InlineData("Ring (01632) 960 001 today.", "(01632) 960 001")]
    public void PhoneNumber_UkNumber_IsFound(string text, string expected) =>
        Find(text, SensitiveKind.PhoneNumber).ShouldBe([expected]);

    [Theory]
    [InlineData("In 2019-2020 there were 1234 referrals.")]
    [InlineData("Reference 00012345 was closed.")]
    [InlineData("The figure was 0.45 of 100000 children.")]
    public void PhoneNumber_OtherNumbers_AreNotFound(string text) =>
        Find(text, SensitiveKind.PhoneNumber).ShouldBeEmpty();

    [Theory]
    [InlineData("Write to jane.doe@example.org for a copy.", "jane.doe@example.org")]
    [InlineData("<lscp@leeds.gov.uk>", "lscp@leeds.gov.uk")]
    public void Email_Address_IsFound(string text, string expected) =>
        Find(text, SensitiveKind.Email).ShouldBe([expected]);

    [Theory]
    [InlineData("Follow @LeedsLSCP on social media.")]
    [InlineData("Meeting at 10am @ the hub.")]
    public void Email_HandleOrAtSign_IsNotFound(string text) =>
        Find(text, SensitiveKind.Email).ShouldBeEmpty();

    [Theory]
    [InlineData("NHS number 943 476 5919 was on the referral.", "943 476 5919")]
    [InlineData("NHS no. 9434765919.", "9434765919")]
    public void NhsNumber_ValidCheckDigit_IsFound(string text, string expected) =>
        Find(text, SensitiveKind.NhsNumber).ShouldBe([expected]);

    [Theory]
    [InlineData("The number 943 476 5918 has the wrong check digit.")]
    [InlineData("Ten zeros 0000000000 are a placeholder.")]
    public void NhsNumber_InvalidCheckDigit_IsNotFound(string text) =>
        Find(text, SensitiveKind.NhsNumber).ShouldBeEmpty();

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("943 476 5919", true)]
    [InlineData("4010232137", true)]
    [InlineData("9434765918", false)]
    [InlineData("943476591", false)]
    [InlineData("1111111111", false)]
    [InlineData("94347659x9", false)]
    public void NhsNumber_CheckDigit_IsValidatedBothWays(string digits, bool valid) =>
        NhsNumber.IsValid(digits).ShouldBe(valid);

    [Fact]
    public void Detect_PublishedBulletinText_ReportsOnlyTheDutyLine()
    {
        const string text = "Learning from the review of Child LR\n\nThe mother of Child LR was not asked about her new partner. "
            + "Practitioners should use the Early Help assessment. For advice call the Front Door on 0113 376 0336.";
        Find(text).ShouldBe([(SensitiveKind.PhoneNumber, "0113 376 0336")]);
    }

    [Fact]
    public void Detect_SpansIndexIntoTheTextGiven()
    {
        const string text = "xx mother, Sarah Jones yy";
        var finding = SensitiveDataDetector.Default.Detect(text).ShouldHaveSingleItem();
        finding.Span.Start.ShouldBe(3);
        finding.Span.Slice(text).ShouldBe("mother, Sarah Jones");
    }

    [Fact]
    public void Detect_PathologicalText_DoesNotThrow() =>
        Should.NotThrow(() => SensitiveDataDetector.Default.Detect(new string('A', 100_000) + " mother " + string.Concat(Enumerable.Repeat("Aa ", 20_000))));
}
