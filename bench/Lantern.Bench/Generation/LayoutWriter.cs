using System.Globalization;

namespace Lantern.Bench.Generation;

/// <summary>
/// Lays invented reviews out as the field publishes them: single-review bulletins, multi-review digests and
/// seven-minute briefings, padded with general prose to a drawn length (2–15 KB).
/// </summary>
internal sealed class LayoutWriter(CaseWriter writer)
{
    private static readonly string[] SummaryHeadings = ["SUMMARY", "Background", "The case", "What happened", "Case summary", "Brief overview of the case"];
    private static readonly string[] LearningHeadings = ["KEY LEARNING", "Learning points", "What we learned", "Key messages for practice", "Findings", "Learning for practitioners"];
    private static readonly string[] GoodHeadings = ["GOOD PRACTICE", "What went well", "Good practice identified", "Strengths"];
    private static readonly string[] ActionHeadings = ["ACTIONS TAKEN", "What has happened since", "Partnership response", "Recommendations and actions", "Actions agreed"];
    private static readonly string[] MoreHeadings = ["MORE INFORMATION", "Further information", "Find out more", "Resources"];
    private static readonly string[] BulletinTitles = ["LEARNING AND IMPROVEMENT BULLETIN", "Learning Bulletin", "Practice Learning Brief", "Lessons Learned Briefing", "Learning from Practice"];
    private static readonly string[] DigestTitles = ["Learning from Rapid Reviews and Local Child Safeguarding Practice Reviews", "Review Learning Digest", "Learning from local reviews", "Safeguarding Practice Review Summaries"];

    private readonly CaseWriter _w = writer;

    public GeneratedDocument Bulletin(string partnership, int year)
    {
        var review = _w.Write(year, _w.Next(1, 9), _w.Pick(Enum.GetValues<LabelStyle>()));
        var title = $"{_w.Pick(BulletinTitles)} – {review.TypeWords} {review.Label}";
        var marker = _w.Pick(Enum.GetValues<ListMarker>());
        var blocks = new List<Block> { Block.Title(title), Block.Heading(_w.Pick(SummaryHeadings)), Block.Paragraph(review.Summary) };
        blocks.Add(Block.Heading(_w.Pick(LearningHeadings)));
        if (_w.Chance(30))
        {
            blocks.Add(Block.Paragraph("The learning identified included:"));
        }

        blocks.Add(Block.List(review.Learning, marker));
        if (review.GoodPractice.Count > 0)
        {
            blocks.Add(Block.Heading(_w.Pick(GoodHeadings)));
            blocks.AddRange(review.GoodPractice.Select(Block.Paragraph));
        }

        if (review.Actions.Count > 0)
        {
            blocks.Add(Block.Heading(_w.Pick(ActionHeadings)));
            blocks.AddRange(review.Actions.Select(Block.Paragraph));
        }

        blocks.Add(Block.Heading(_w.Pick(MoreHeadings)));
        blocks.Add(Block.Paragraph($"The full report is on the {partnership} website: https://{Slug(partnership)}.example.org.uk/reviews"));
        Pad(blocks, _w.Next(2_000, 5_000));
        return new GeneratedDocument(title, partnership, "bulletin", blocks, 1);
    }

    public GeneratedDocument Digest(string partnership, int year, int reviewCount)
    {
        var style = _w.Pick(Enum.GetValues<LabelStyle>());
        var title = $"{_w.Pick(DigestTitles)} {year}";
        var blocks = new List<Block> { Block.Title(partnership), Block.Title(title), Block.Paragraph(_w.Pick(FieldVocabulary.GeneralProse)) };
        var marker = _w.Pick(Enum.GetValues<ListMarker>());
        var first = _w.Next(1, 4);
        for (var i = 0; i < reviewCount; i++)
        {
            var review = _w.Write(year, first + i, style);
            var heading = style == LabelStyle.Case && _w.Chance(50) ? $"{review.Label} — {Capitalise(review.Topic)}" : review.Label;
            blocks.Add(Block.Heading(heading));
            blocks.Add(Block.Paragraph(review.Summary));
            if (review.GoodPractice.Count > 0)
            {
                blocks.Add(Block.Paragraph("Good practice was identified: " + string.Join(" ", review.GoodPractice)));
            }

            if (_w.Chance(50))
            {
                blocks.Add(Block.Paragraph("Learning identified included:"));
                blocks.Add(Block.List(review.Learning, marker));
            }
            else
            {
                blocks.Add(Block.Paragraph("Learning was identified in these areas. " + string.Join(" ", review.Learning)));
            }

            if (review.Actions.Count > 0 && _w.Chance(50))
            {
                blocks.Add(Block.Paragraph("Actions: " + string.Join(" ", review.Actions)));
            }

            foreach (var quote in review.PanelFeedback)
            {
                blocks.Add(Block.Paragraph("Feedback from the Child Safeguarding Practice Review Panel"));
                blocks.Add(Block.Paragraph($"\"{quote}\""));
            }
        }

        Pad(blocks, _w.Next(2_000, 15_000));
        return new GeneratedDocument(title, partnership, "digest", blocks, reviewCount);
    }

    public GeneratedDocument SevenMinuteBriefing(string partnership, int year)
    {
        var review = _w.Write(year, _w.Next(1, 12), _w.Pick(Enum.GetValues<LabelStyle>()));
        var title = $"{_w.Pick(["7 Minute Briefing", "Seven Minute Briefing", "7-Minute Briefing"])}: {Capitalise(review.Topic)} ({review.Label})";
        var marker = _w.Pick(Enum.GetValues<ListMarker>());
        string[][] headings =
        [
            ["Background", "The case", "Introduction"],
            ["Why it matters", "Why this is important"],
            ["What happened", "The review", "Information"],
            ["What we learned", "Key findings", "Learning"],
            ["What went well", "Good practice"],
            ["What you should do", "Questions for reflection", "Reflect on your practice"],
            ["Further information", "Resources", "Find out more"],
        ];
        var blocks = new List<Block> { Block.Title(title) };
        for (var i = 0; i < headings.Length; i++)
        {
            blocks.Add(Block.Heading($"{i + 1}. {_w.Pick(headings[i])}"));
            blocks.Add(i switch
            {
                0 => Block.Paragraph($"This briefing summarises a {review.TypeWords.ToLowerInvariant()} published by {partnership} in {year}."),
                1 => Block.Paragraph(_w.Pick(FieldVocabulary.GeneralProse)),
                2 => Block.Paragraph(review.Summary),
                3 => Block.List(review.Learning, marker),
                4 => Block.Paragraph(review.GoodPractice.Count > 0 ? string.Join(" ", review.GoodPractice) : "The review found examples of committed individual practice."),
                5 => Block.List(["How do you find out who lives in the household?", "When did you last use the escalation policy?", "How do you record the child's own words?"], ListMarker.Bullet),
                _ => Block.Paragraph($"Read the full report and the partnership procedures at https://{Slug(partnership)}.example.org.uk"),
            });
        }

        Pad(blocks, _w.Next(2_000, 4_000));
        return new GeneratedDocument(title, partnership, "seven-minute", blocks, 1);
    }

    /// <summary>Adds general prose (not about any review) until the text reaches about <paramref name="targetChars"/>.</summary>
    private void Pad(List<Block> blocks, int targetChars)
    {
        var length = blocks.Sum(b => b.Text.Length + b.Items.Sum(i => i.Length + 4) + 2);
        if (length >= targetChars)
        {
            return;
        }

        blocks.Add(Block.Heading(_w.Pick(["News from the partnership", "Other updates", "Practice reminders"])));
        while (length < targetChars)
        {
            var paragraph = _w.Pick(FieldVocabulary.GeneralProse) + " " + _w.Pick(FieldVocabulary.GeneralProse);
            blocks.Add(Block.Paragraph(paragraph));
            length += paragraph.Length + 2;
        }
    }

    public static string Slug(string text) =>
        new string([.. text.ToLowerInvariant().Where(char.IsLetter).Take(24)]);

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
