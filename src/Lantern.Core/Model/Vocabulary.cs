namespace Lantern.Core.Model;

/// <summary>The enumerated values of the record schema, as they are written in JSON.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> ReviewTypes = ["scr", "silp", "rapid-review", "lcspr", "learning-review"];
    public static readonly IReadOnlyList<string> AgeBands = ["under-1", "1-5", "6-10", "11-15", "16-17"];
    public static readonly IReadOnlyList<string> Sexes = ["female", "male", "mixed"];
    public static readonly IReadOnlyList<string> Outcomes = ["died", "serious-harm", "other"];

    public static readonly IReadOnlyList<string> Harms =
    [
        "physical-abuse", "sexual-abuse", "neglect", "emotional-abuse", "sexual-exploitation",
        "criminal-exploitation", "unsafe-sleep", "suicide-self-harm", "other",
    ];

    public static readonly IReadOnlyList<string> RiskFactors =
    [
        "domestic-abuse", "parental-mental-health", "parental-substance-misuse", "parental-learning-disability",
        "child-disability-or-send", "child-mental-health", "looked-after", "family-mobility",
        "previous-child-protection", "housing", "non-engagement",
    ];

    public static readonly IReadOnlyList<string> Agencies =
    [
        "childrens-social-care", "police", "gp", "health-visiting", "midwifery", "hospital", "school",
        "early-help", "adult-social-care", "mental-health-services", "substance-misuse-services", "mash",
        "probation", "housing", "care-provider", "other",
    ];

    /// <summary>Age band for an age in completed months (0–215); null outside childhood.</summary>
    public static string? AgeBandFor(int ageMonths) => ageMonths switch
    {
        < 0 => null,
        < 12 => "under-1",
        < 72 => "1-5",
        < 132 => "6-10",
        < 192 => "11-15",
        < 216 => "16-17",
        _ => null,
    };
}
