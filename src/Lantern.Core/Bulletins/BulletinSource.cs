using Lantern.Core.Model;

namespace Lantern.Core.Bulletins;

/// <summary>
/// One review as a bulletin needs it: the extracted review, the document it came from, and who may see it.
/// </summary>
/// <param name="Review">The extracted review.</param>
/// <param name="DocumentName">The source file name, e.g. <c>bulletin-2022.pdf</c>.</param>
/// <param name="Publisher">The partnership or board that published the document, if known.</param>
/// <param name="DocumentText">The normalised text the review's spans point into, used to find web addresses; optional.</param>
/// <param name="Visibility">Who may see the review; restricted reviews are left out for viewers without the right.</param>
public sealed record BulletinSource(
    Review Review,
    string DocumentName,
    string? Publisher = null,
    string? DocumentText = null,
    Visibility Visibility = Visibility.Public);

/// <summary>One line of a bulletin section, with the reference of the review it came from in a thematic briefing.</summary>
public sealed record BulletinItem(string Text, string? Source = null);

/// <summary>Which kind of bulletin a model describes.</summary>
public enum BulletinKind
{
    /// <summary>The learning from one review.</summary>
    Review,

    /// <summary>The learning on one theme across several reviews.</summary>
    Theme,
}

/// <summary>
/// Everything a bulletin says, before layout: built by <see cref="BulletinBuilder"/>, laid out by a
/// <see cref="BulletinTemplate"/>.
/// </summary>
public sealed record BulletinModel
{
    /// <summary>A bulletin for one review, or a briefing on one theme.</summary>
    public required BulletinKind Kind { get; init; }

    /// <summary>The full heading, e.g. "Learning bulletin: Serious case review GN13" or "Thematic briefing: Information sharing".</summary>
    public required string Heading { get; init; }

    /// <summary>The subject alone, e.g. "Serious case review GN13" or "Information sharing".</summary>
    public required string Title { get; init; }

    /// <summary>A line under the heading: publisher, year, source.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The review's own summary, or for a theme a sentence on what the briefing draws on; null when none was extracted.</summary>
    public string? Summary { get; init; }

    /// <summary>Short facts about the case (type, year, the child's age band, outcome); for a theme briefing, one line per review.</summary>
    public IReadOnlyList<string> CaseFacts { get; init; } = [];

    /// <summary>One or two sentences on why the learning matters, from the themes; empty when there are none.</summary>
    public string WhyItMatters { get; init; } = "";
    /// <summary>The themes a review's learning is coded with, strongest first (at most <see cref="BulletinBuilder.MaxThemes"/>); empty for a theme briefing, whose theme is its title.</summary>
    public IReadOnlyList<ThemeGuidance> Themes { get; init; } = [];
    /// <summary>Key learning, in the document's own words.</summary>
    public IReadOnlyList<BulletinItem> Learning { get; init; } = [];
    /// <summary>Good practice the review identified.</summary>
    public IReadOnlyList<BulletinItem> GoodPractice { get; init; } = [];
    /// <summary>Actions taken or recommended (and the national Panel's feedback, for a single review).</summary>
    public IReadOnlyList<BulletinItem> Actions { get; init; } = [];
    /// <summary>Questions for practitioners (at most <see cref="BulletinBuilder.MaxQuestions"/>).</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];
    /// <summary>Web addresses found in the reviews' text, then the source documents.</summary>
    public IReadOnlyList<string> MoreInformation { get; init; } = [];

    /// <summary>The partnership's own procedures, guidance and training linked to the themes, as "title: address" lines.</summary>
    public IReadOnlyList<string> LocalResources { get; init; } = [];

    /// <summary>For a thematic briefing, one line per review drawn on.</summary>
    public IReadOnlyList<string> Reviews { get; init; } = [];

    /// <summary>The names a template can use (see the built-in templates).</summary>
    public TemplateData ToTemplateData()
    {
        return new TemplateData
        {
            ["kind"] = Kind == BulletinKind.Theme ? "theme" : "review",
            ["heading"] = Heading,
            ["title"] = Title,
            ["subtitle"] = Subtitle,
            ["summary"] = Summary,
            ["whyItMatters"] = WhyItMatters,
            ["caseFacts"] = Texts(CaseFacts),
            ["themes"] = Themes.Select((t, i) => new TemplateData { ["number"] = Number(i), ["code"] = t.Code, ["title"] = t.Title, ["why"] = t.Why }).ToList(),
            ["learning"] = Items(Learning),
            ["goodPractice"] = Items(GoodPractice),
            ["actions"] = Items(Actions),
            ["questions"] = Texts(Questions),
            ["moreInformation"] = Texts(MoreInformation),
            ["localResources"] = Texts(LocalResources),
            ["reviews"] = Reviews.Select((r, i) => new TemplateData { ["number"] = Number(i), ["label"] = r, ["text"] = r }).ToList(),
        };
    }

    private static List<TemplateData> Items(IReadOnlyList<BulletinItem> items) =>
        [.. items.Select((item, i) => new TemplateData { ["number"] = Number(i), ["text"] = item.Text, ["source"] = item.Source })];

    private static List<TemplateData> Texts(IReadOnlyList<string> texts) =>
        [.. texts.Select((text, i) => new TemplateData { ["number"] = Number(i), ["text"] = text })];

    private static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
