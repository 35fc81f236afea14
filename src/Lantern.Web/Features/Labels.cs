namespace Lantern.Web.Features;

/// <summary>Turns the schema's codes (<c>rapid-review</c>, <c>parental-mental-health</c>) into words for a reader.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["scr"] = "Serious case review",
        ["silp"] = "SILP",
        ["rapid-review"] = "Rapid review",
        ["lcspr"] = "LCSPR",
        ["learning-review"] = "Learning review",
        ["under-1"] = "Under 1",
        ["1-5"] = "1 to 5",
        ["6-10"] = "6 to 10",
        ["11-15"] = "11 to 15",
        ["16-17"] = "16 to 17",
        ["gp"] = "GP",
        ["mash"] = "MASH",
        ["send"] = "SEND",
        ["child-disability-or-send"] = "Child disability or SEND",
        ["childrens-social-care"] = "Children's social care",
    };

    private static readonly Dictionary<string, string> FacetNames = new(StringComparer.Ordinal)
    {
        ["type"] = "Review type",
        ["year"] = "Year",
        ["publisher"] = "Publisher",
        ["ageBand"] = "Age band",
        ["sex"] = "Sex",
        ["outcome"] = "Outcome",
        ["harm"] = "Harm",
        ["riskFactor"] = "Risk factor",
        ["agency"] = "Agency",
        ["theme"] = "Theme",
    };

    public static string Display(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        if (Known.TryGetValue(code, out var known))
        {
            return known;
        }

        var words = code.Replace('-', ' ').Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Facet(string facet) => FacetNames.TryGetValue(facet, out var name) ? name : Display(facet);
}
