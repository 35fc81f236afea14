namespace Lantern.Bench.Generation;

/// <summary>
/// Word lists from the field (agencies, harms, risk factors, practice themes) that the case writer draws from.
/// Written for the generator: none of these sentences is taken from the seed bulletins.
/// </summary>
internal static class FieldVocabulary
{
    public static readonly string[] Places =
    [
        "Westmoor", "Kettlebridge", "Ashdale", "Northfen", "Harrowgate Vale", "Southcombe", "Brackenshire",
        "Eastwold", "Millbrook", "Ravensford", "Thornbury Downs", "Calderside", "Lowfield", "Greystoke Moor",
        "Oakhampton", "Fernley", "Marshwood", "Highcliff", "Stourdale", "Pennington",
    ];

    public static readonly string[] PartnershipForms =
    [
        "{0} Safeguarding Children Partnership", "{0} Local Safeguarding Children Board",
        "{0} Safeguarding Children Board", "{0} Children's Safeguarding Partnership",
        "{0} and {1} Safeguarding Partnership",
    ];

    public static readonly string[] Pseudonyms =
    [
        "Ava", "Leo", "Mia", "Noah", "Ruby", "Alfie", "Isla", "Oscar", "Lily", "Jack", "Poppy", "Harry", "Evie",
        "Theo", "Grace", "Archie", "Freya", "Finley", "Daisy", "Riley", "Sienna", "Jayden", "Layla", "Kai",
    ];

    public static readonly string[] NumberWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    ];

    /// <summary>Agency phrases as a practitioner would write them.</summary>
    public static readonly string[] Agencies =
    [
        "children's social care", "the police", "the GP practice", "the health visiting service", "community midwives",
        "the emergency department", "the school", "an early help family worker", "adult social care",
        "adult mental health services", "the substance misuse service", "the MASH", "the probation service",
        "the housing provider", "foster carers", "the children's home", "the paediatric ward", "the children's centre",
        "CAMHS", "the youth offending service", "the school nurse", "the ambulance service",
    ];

    /// <summary>What happened to the child, by harm kind: (harm, died wording, serious-harm wording).</summary>
    public static readonly (string Harm, string Died, string Harmed)[] Harms =
    [
        ("physical-abuse", "died from head injuries that were found to be non-accidental",
            "was found to have fractures and bruising of different ages that could not be explained"),
        ("neglect", "died after a long period of neglect in which basic care was not provided",
            "was living in neglectful conditions with poor hygiene, missed health care and little food"),
        ("sexual-abuse", "died in circumstances that followed sustained sexual abuse by an adult in the household",
            "disclosed sexual abuse by an adult known to the family"),
        ("sexual-exploitation", "died after a period of being exploited by older males",
            "was sexually exploited by a group of adults who groomed her through social media"),
        ("criminal-exploitation", "was fatally stabbed while being exploited to carry drugs across county lines",
            "was found to be carrying drugs for an organised group and had been reported missing many times"),
        ("unsafe-sleep", "died suddenly and unexpectedly while co-sleeping with a parent on a sofa",
            "was found unresponsive after sharing an adult bed and needed intensive care"),
        ("suicide-self-harm", "took their own life after a period of self-harm",
            "was admitted to hospital after a serious overdose"),
        ("emotional-abuse", "died after years of emotional harm and isolation at home",
            "was living with persistent hostility, rejection and coercive control at home"),
    ];

    /// <summary>Background sentences, one per risk factor kind.</summary>
    public static readonly (string Factor, string Sentence)[] RiskFactors =
    [
        ("domestic-abuse", "There was a history of domestic abuse between the parents, with several police call-outs."),
        ("parental-mental-health", "The mother had long-standing depression and anxiety and had stopped taking her medication."),
        ("parental-substance-misuse", "Both carers misused alcohol and cannabis, and the father was known to drug services."),
        ("parental-learning-disability", "The mother had a learning disability which affected her understanding of the children's needs."),
        ("child-disability-or-send", "The child had autism and an education, health and care plan for special educational needs."),
        ("child-mental-health", "The young person had been referred to CAMHS for low mood and self-harm."),
        ("looked-after", "The child was looked after by the local authority under a Section 20 agreement."),
        ("family-mobility", "The family had moved between three local authority areas in two years."),
        ("previous-child-protection", "Older siblings had previously been subject to child protection plans for neglect."),
        ("housing", "The family lived in overcrowded temporary accommodation and faced eviction."),
        ("non-engagement", "Appointments were often cancelled and the parents avoided home visits."),
    ];

    /// <summary>Learning points by practice theme; several wordings each so that the text varies.</summary>
    public static readonly (string Theme, string[] Points)[] Learning =
    [
        ("information-sharing", [
            "Agencies held pieces of the picture that were never put together; information sharing between health and children's social care must happen at the point of concern, not after it.",
            "Practitioners should share information promptly with partner agencies and record what was shared, with whom and why.",
            "Records did not follow the family when they changed GP, so important history was lost between services."]),
        ("professional-curiosity", [
            "Professionals need to show professional curiosity and ask who else lives in or visits the home.",
            "Explanations given by carers for injuries were accepted without question; practitioners should test accounts against what they see.",
            "Staff should be curious about changes in a child's presentation and seek out information from other agencies."]),
        ("engagement-and-compliance", [
            "Disguised compliance by the parents gave a false sense of progress; plans should measure change for the child, not attendance at meetings.",
            "Where families repeatedly avoid contact, practitioners should treat non-engagement as a risk in itself.",
            "The parents appeared cooperative while little changed at home, and this was not recognised for many months."]),
        ("escalation-and-challenge", [
            "Practitioners who disagree with a decision should use the escalation policy and not let professional differences drift.",
            "Staff need confidence to challenge other agencies and parents when the plan is not keeping the child safe.",
            "Concerns raised by the school were not escalated when the referral was closed without action."]),
        ("was-not-brought", [
            "When a child is not brought to health appointments, this should be seen as a possible sign of neglect and followed up.",
            "A pattern of missed appointments was treated as the family's choice rather than as the child not being brought.",
            "Services should have a clear was not brought policy for children, rather than discharging after missed appointments."]),
        ("safe-sleep", [
            "Safer sleep advice must be repeated at every contact and tailored to the family's circumstances, including alcohol use.",
            "Practitioners should talk with parents about planning for sleep when routines change, such as visits to relatives.",
            "The risk of co-sleeping on a sofa was not discussed with the father, who often cared for the baby at night."]),
        ("strategy-discussions", [
            "Strategy discussions should include health and education colleagues who know the child, and decisions should be recorded.",
            "A strategy meeting was not held when the threshold for a section 47 enquiry was met."]),
        ("supervision-and-support", [
            "Reflective supervision would have helped the social worker step back and see the cumulative picture.",
            "Managers should make sure that practitioners with high caseloads have time for supervision and support."]),
        ("fathers-and-men", [
            "The father and the mother's new partner were largely invisible to services; assessments must include all adults in the household.",
            "Practitioners should find out about men who care for the child, including their history with other children."]),
        ("domestic-abuse-practice", [
            "Routine enquiry about domestic abuse should be made when the mother is seen alone, and the impact on the child assessed.",
            "Cases heard at MARAC should be linked to the child's plan so that risk is considered together."]),
        ("injuries-and-medical-assessment", [
            "Any bruising in a non-mobile baby must lead to a referral and a paediatric assessment, in line with the bruising protocol.",
            "A body map should be completed and a child protection medical arranged without delay when injuries are unexplained."]),
        ("thresholds-and-referrals", [
            "Referrals to the front door should describe the impact on the child; the MASH should apply thresholds consistently.",
            "Repeated contacts that each fell below threshold were not viewed together."]),
        ("think-family", [
            "Adult services should think family and consider the parenting role of the adults they work with.",
            "The parent's mental health assessment did not consider the children's needs or who was caring for them."]),
        ("history-and-chronologies", [
            "A multi-agency chronology would have shown a pattern of cumulative harm that single incidents did not reveal.",
            "Assessments relied on old information and did not reconsider the family history when circumstances changed."]),
        ("voice-of-the-child", [
            "The voice of the child was missing from assessments; practitioners should see children alone and record what they say.",
            "What the young person said about life at home was not given enough weight."]),
        ("exploitation-and-missing", [
            "Return home interviews after missing episodes should be completed and shared so that exploitation risks are identified.",
            "Young people who are exploited should be treated as victims and not criminalised."]),
        ("infants-and-pre-birth", [
            "Pre-birth assessment should begin early in pregnancy where there are known risks to the unborn baby.",
            "Babies are especially vulnerable and risk should not be underestimated because the family presents well."]),
        ("cognitive-bias", [
            "Optimism about the parents' progress meant that new evidence of risk was not given its proper weight.",
            "Early judgements about the family were not revisited as new information arrived."]),
        ("child-protection-plans", [
            "Child protection plans should be specific about what must change, by when, and what will happen if it does not.",
            "Core group meetings should continue when key staff are absent, and contingency plans should be clear."]),
        ("training-and-guidance", [
            "The partnership will refresh its training on neglect and the use of the graded care profile.",
            "Guidance on home visits should make clear that children must be seen in their bedrooms."]),
    ];

    public static readonly string[] GoodPractice =
    [
        "The health visitor made timely referrals and followed them up when no response was received.",
        "The school designated safeguarding lead kept detailed records and shared concerns quickly.",
        "Police officers attending the home took the time to speak to the children on their own.",
        "The ward staff noticed the concern, completed a body map and contacted the on-call paediatrician the same day.",
        "Agencies attended the strategy meeting promptly and agreed clear actions.",
        "The family support worker built a trusting relationship with the mother over many months.",
        "Foster carers advocated strongly for the young person and reported missing episodes straight away.",
    ];

    public static readonly string[] Actions =
    [
        "The partnership has published a revised escalation policy and briefed all agencies.",
        "A multi-agency audit of cases involving non-mobile babies with bruising will report to the board.",
        "Safer sleep training has been rolled out to health visitors, midwives and early help staff.",
        "The MASH has introduced a daily review of repeat contacts.",
        "Adult mental health services have added questions about children to their assessment form.",
        "A learning event was held for frontline practitioners and the briefing circulated to all teams.",
        "The exploitation sub-group is reviewing the return home interview process.",
        "GP practices have been asked to adopt a was not brought policy for children.",
    ];

    public static readonly string[] PanelFeedback =
    [
        "The Panel agreed that the rapid review identified the key learning and that a local review was not needed.",
        "The Panel found the analysis clear and welcomed the partnership's plan for sharing learning with schools.",
        "The Panel felt the review could have said more about the role of the father.",
    ];

    /// <summary>Prose that is not about any one review: introductions, research notes, contacts.</summary>
    public static readonly string[] GeneralProse =
    [
        "This edition brings together learning from recent local reviews so that practitioners can reflect on their own practice and discuss it in team meetings.",
        "Please share this briefing with your teams and use the questions to prompt discussion in supervision.",
        "National research continues to show that babies under one year old are at the highest risk of serious harm, and that many incidents follow periods of stress in the household.",
        "The partnership's learning and improvement framework sets out how reviews are commissioned and how their recommendations are tracked to completion.",
        "Training places on the multi-agency neglect course are available to all partner agencies free of charge.",
        "If you are worried about a child, contact the children's services front door; outside office hours call the emergency duty team.",
        "Thank you to all the practitioners and family members who contributed to these reviews.",
        "The annual report describes how the partnership has monitored the impact of learning on frontline practice.",
    ];
}
