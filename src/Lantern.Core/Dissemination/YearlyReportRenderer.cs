using System.Globalization;
using System.Net;
using System.Text;
using Lantern.Core.Analysis.Charts;
using Lantern.Core.Bulletins;

namespace Lantern.Core.Dissemination;

/// <summary>
/// Writes a <see cref="YearlyReport"/> as Markdown, HTML (the Markdown plus the SVG charts of the analysis pages) or
/// PDF (the Markdown through the bulletins' PDFsharp writer; each chart's figures appear as a list).
/// </summary>
public static class YearlyReportRenderer
{
    public static string Title(YearlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Learning and improvement: {report.Period}";
    }

    public static string ToMarkdown(YearlyReport report) => string.Concat(Sections(report).Select(s => s.Markdown + ChartList(s.Chart)));

    /// <summary>A whole HTML page: no script, no inline style; text is encoded, the SVG comes from <see cref="SvgCharts"/>.</summary>
    public static string ToHtml(YearlyReport report)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(Title(report))).Append("</title>\n</head>\n<body>\n<main>\n")
            .Append(ToHtmlFragment(report))
            .Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The report's body, for embedding in a page.</summary>
    public static string ToHtmlFragment(YearlyReport report)
    {
        var html = new StringBuilder();
        foreach (var (markdown, chart) in Sections(report))
        {
            html.Append(BulletinHtml.Fragment(markdown));
            if (chart is not null)
            {
                html.Append("<figure id=\"").Append(WebUtility.HtmlEncode(chart.Id)).Append("-figure\">\n").Append(chart.Svg)
                    .Append("\n<figcaption>").Append(WebUtility.HtmlEncode(chart.Summary)).Append("</figcaption>\n</figure>\n");
            }
        }

        return html.ToString();
    }

    public static byte[] ToPdf(YearlyReport report) => BulletinPdf.Render(ToMarkdown(report), Title(report));

    private static string ChartList(Chart? chart)
    {
        if (chart is null || chart.Table.Rows.Count == 0)
        {
            return "";
        }

        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"{Escape(chart.Title)}:\n\n");
        foreach (var row in chart.Table.Rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Escape(row[0])}: {row[1]}\n");
        }

        return md.Append('\n').ToString();
    }

    private static List<(string Markdown, Chart? Chart)> Sections(YearlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sections = new List<(string, Chart?)>();
        var r = report.Reviews;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Escape(Title(report))}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"This is the learning section of the partnership's yearly report for {Long(report.Period.From)} to {Long(report.Period.To)}, produced on {Long(report.Produced)}. It says what was learned, what was done about it, and what difference it made.\n\n");
        md.Append("## Reviews\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Serious incidents notified to the Panel: {r.Notified}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Rapid reviews completed: {r.RapidReviewsCompleted}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Rapid reviews completed within 15 working days: {r.RapidReviewsWithin15WorkingDays} of {r.RapidReviewsCompleted}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Local child safeguarding practice reviews commissioned: {r.LocalReviewsCommissioned}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Local child safeguarding practice reviews published: {r.LocalReviewsPublished}\n\n");
        md.Append(Timeliness(r));
        if (r.PublishedTitles.Count > 0)
        {
            md.Append("Reviews published in the period:\n\n");
            foreach (var title in r.PublishedTitles)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {Escape(title)}\n");
            }

            md.Append('\n');
        }

        if (r.RestrictedPublished > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"{r.RestrictedPublished} further {Plural(r.RestrictedPublished, "review is", "reviews are")} restricted and counted here without detail.\n\n");
        }

        sections.Add((md.ToString(), null));

        md.Clear();
        md.Append("## Themes\n\n");
        var fresh = report.Themes.Count(t => t.IsNew);
        md.Append(report.Themes.Count == 0
            ? "No themes were coded in the reviews of this period.\n\n"
            : string.Create(CultureInfo.InvariantCulture, $"The reviews of this period raised {report.Themes.Count} {Plural(report.Themes.Count, "theme", "themes")}: {fresh} new and {report.Themes.Count - fresh} recurring from earlier periods.\n\n"));
        foreach (var theme in report.Themes)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Escape(theme.Label)}: {theme.Reviews} {Plural(theme.Reviews, "review", "reviews")}, {(theme.IsNew ? "new this period" : $"recurring (in {theme.EarlierReviews} earlier {Plural(theme.EarlierReviews, "review", "reviews")})")}\n");
        }

        md.Append('\n');
        sections.Add((md.ToString(), report.Charts.FirstOrDefault(c => c.Id == "report-themes")));

        md.Clear();
        var a = report.Actions;
        md.Append("## Actions\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Actions agreed: {a.Agreed}\n- Actions completed: {a.Done}\n- Actions overdue: {a.Overdue}\n\n");
        sections.Add((md.ToString(), null));

        md.Clear();
        var act = report.Activities;
        md.Append("## Learning activities and their reach\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Learning activities: {act.Total}\n- Briefings sent out: {act.BriefingsSent}\n- Agencies reached: {act.AgenciesReached}\n- Teams reached: {act.TeamsReached}\n\n");
        foreach (var line in act.Listed)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {ReviewDates.Iso(line.HeldOn)}: {Escape(line.Title)} ({Escape(line.Kind)}{(line.Owner is { Length: > 0 } owner ? ", led by " + Escape(owner) : "")}{(line.TeamsSent > 0 ? $", sent to {line.TeamsSent} {Plural(line.TeamsSent, "team", "teams")}, {line.Responses} responded" : "")})\n");
        }

        if (act.Listed.Count > 0)
        {
            md.Append('\n');
        }

        if (act.Restricted > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"{act.Restricted} {Plural(act.Restricted, "activity concerns", "activities concern")} restricted reviews and {Plural(act.Restricted, "is", "are")} counted here without detail.\n\n");
        }

        sections.Add((md.ToString(), report.Charts.FirstOrDefault(c => c.Id == "report-activities")));

        md.Clear();
        var i = report.Impact;
        md.Append("## Evidence of impact\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Teams that gave feedback: {i.Responses} of {i.TeamsAsked} asked\n");
        md.Append(CultureInfo.InvariantCulture, $"- Average usefulness (1 to 5): {(i.AverageUsefulness is { } avg ? avg.ToString("0.0", CultureInfo.InvariantCulture) : "no ratings yet")}\n\n");
        if (i.DiscussedIn.Count > 0)
        {
            md.Append("Where teams discussed the learning:\n\n");
            foreach (var (setting, count) in i.DiscussedIn)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {Escape(setting)}: {count}\n");
            }

            md.Append('\n');
        }

        if (i.Changes.Count > 0)
        {
            md.Append("What teams said they will do differently:\n\n");
            foreach (var change in i.Changes)
            {
                md.Append(CultureInfo.InvariantCulture, $"- \u201c{Escape(OneLine(change))}\u201d\n");
            }

            md.Append('\n');
        }

        foreach (var audit in i.Audits)
        {
            md.Append(CultureInfo.InvariantCulture, $"### Audit: {Escape(audit.Title)} ({ReviewDates.Iso(audit.HeldOn)})\n\n");
            if (audit.Findings is { Length: > 0 } findings)
            {
                md.Append(Escape(OneLine(findings))).Append("\n\n");
            }

            foreach (var figure in audit.Figures)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {Escape(figure.Label)}: {Escape(figure.Value)}\n");
            }

            md.Append('\n');
        }

        sections.Add((md.ToString(), null));
        return sections;
    }

    private static string Timeliness(ReviewFigures r)
    {
        if (r.RapidReviewsCompleted == 0)
        {
            return "No rapid reviews were completed in the period.\n\n";
        }

        var late = r.RapidReviewsCompleted - r.RapidReviewsWithin15WorkingDays - r.RapidReviewsNotJudged;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{r.RapidReviewsWithin15WorkingDays} of {r.RapidReviewsCompleted} rapid {Plural(r.RapidReviewsCompleted, "review was", "reviews were")} sent within 15 working days of the notification (England and Wales bank holidays excluded), and {late} {Plural(late, "was", "were")} late.");
        if (r.RapidReviewsNotJudged > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" {r.RapidReviewsNotJudged} could not be judged because the notification date is not recorded.");
        }

        return text + "\n\n";
    }

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Markdown punctuation in typed text is shown as written, never read as formatting.
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in OneLine(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
