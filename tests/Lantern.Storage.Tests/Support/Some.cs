namespace Lantern.Storage.Tests.Support;

/// <summary>Small test documents in the <see cref="KeyedTextPipeline"/> format.</summary>
public static class Some
{
    public const string NorthBulletin = """
        Publisher: Northshire Safeguarding Children Partnership
        # Review RR 1/22
        Type: rapid-review
        Year: 2022
        Name: Child H
        Sex: male
        AgeBand: 11-15
        Outcome: died
        Harm: neglect
        Risk: domestic-abuse, parental-mental-health
        Agency: police, school
        Themes: disguised-compliance, information-sharing
        Summary: A fourteen-year-old boy died after years of neglect; the family showed disguised compliance with the plan.
        - Practitioners should recognise disguised compliance and test what parents say against what they do.
        - Domestic abuse in the household was not shared between agencies.
        Good: The school nurse escalated concerns promptly.
        # Review RR 2/22
        Type: rapid-review
        Year: 2022
        Sex: female
        AgeBand: under-1
        Outcome: serious-harm
        Harm: physical-abuse
        Agency: hospital
        Themes: professional-curiosity
        Summary: A baby was seen in the emergency department with bruising that was not explained.
        - Bruising in non-mobile babies must always be referred to children's social care.
        """;

    public const string SouthDigest = """
        Publisher: Southshire Safeguarding Partnership
        # Review BH
        Type: scr
        Year: 2019
        Sex: female
        AgeBand: 1-5
        Outcome: died
        Harm: neglect, physical-abuse
        Risk: domestic-abuse
        Agency: police, gp
        Themes: information-sharing
        Summary: A toddler died; the mother was a victim of domestic violence from her partner over many years.
        - Ask about domestic violence at every contact, and record the answer.
        # Review Case 7
        Type: learning-review
        Year: 2020
        Sex: male
        AgeBand: under-1
        Outcome: died
        Harm: unsafe-sleep
        Agency: health-visiting
        Themes: safe-sleep
        Summary: A three-month-old baby died in an unsafe sleeping arrangement; a sudden unexpected death in infancy.
        - Safe sleep advice should be repeated when family circumstances change.
        Action: The partnership will run a safe sleep campaign.
        """;

    public const string RestrictedReview = """
        Publisher: Hidden Valley Partnership
        # Review HV 9
        Type: lcspr
        Year: 2023
        Sex: female
        AgeBand: 16-17
        Outcome: serious-harm
        Harm: sexual-exploitation
        Risk: looked-after
        Agency: police
        Themes: exploitation, information-sharing
        Summary: A seventeen-year-old girl in care was exploited; zebrafinch was the code word used by the perpetrators, alongside neglect and disguised compliance.
        - Professionals should share concerns about zebrafinch grooming quickly.
        """;
}
