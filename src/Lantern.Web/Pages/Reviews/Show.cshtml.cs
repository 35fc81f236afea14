using System.Globalization;
using Lantern.Core.Analysis.Recurrence;
using Lantern.Core.Model;
using Lantern.Web.Features;
using Lantern.Web.Features.Analysis;
using Lantern.Web.Features.Coding;
using Lantern.Web.Features.Reviews;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Reviews;

/// <summary>One row of the review's fields: what was read, and the spans of text it was read from.</summary>
public sealed record FieldRow(string Label, string Value, IReadOnlyList<SourceSpan> Spans);

public sealed class ShowModel(ShowReview reviews, CodeReview coding, AnalyseLibrary analysis) : PageModel
{
    /// <summary>The recurring-learning groups this review's learning belongs to (among the reviews the viewer may see).</summary>
    public IReadOnlyList<RecurringGroup> RecurringGroups { get; private set; } = [];

    public ReviewView View { get; private set; } = null!;

    public ReviewCodingView? Coding { get; private set; }

    /// <summary>Why the last coding decision was not stored, shown in the error summary.</summary>
    public string? CodingError { get; private set; }

    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var view = await reviews.HandleAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Fields = BuildFields(view.Review);
        Coding = await coding.ShowAsync(id, cancellationToken);
        if (view.Review.Learning.Count > 0)
        {
            RecurringGroups = await analysis.GroupsOfReviewAsync(id, cancellationToken);
        }

        return Page();
    }

    /// <summary>Confirm, reject or add a theme (editors only); back to the review's coding when stored.</summary>
    public async Task<IActionResult> OnPostCodeAsync(long id, string? theme, string? verdict, string? note, CancellationToken cancellationToken)
    {
        if (!coding.CanCode)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await coding.DecideAsync(id, theme, verdict, note, cancellationToken);
        if (outcome.Stored)
        {
            return Redirect($"/reviews/{id}#coding");
        }

        var page = await OnGetAsync(id, cancellationToken);
        CodingError = outcome.Message;
        return page;
    }

    private static List<FieldRow> BuildFields(Review r)
    {
        var rows = new List<FieldRow>();
        void Add<T>(string label, Evidence<T>? e, Func<T, string> show)
        {
            if (e is not null)
            {
                rows.Add(new FieldRow(label, show(e.Value), e.Spans));
            }
        }

        void AddLabels(string label, IReadOnlyList<CodedLabel> labels)
        {
            foreach (var l in labels)
            {
                rows.Add(new FieldRow(label, Labels.Display(l.Code), l.Spans));
            }
        }

        Add("Reference", r.Reference, v => v);
        Add("Name", r.Name, v => v);
        Add("Review type", r.Type, Labels.Display);
        Add("Year", r.Year, v => v.ToString(CultureInfo.InvariantCulture));
        Add("Age", r.Child.AgeMonths, FormatAge);
        Add("Age band", r.Child.AgeBand, Labels.Display);
        Add("Sex", r.Child.Sex, Labels.Display);
        Add("Outcome", r.Outcome, Labels.Display);
        AddLabels("Harm", r.Harm);
        AddLabels("Risk factor", r.RiskFactors);
        AddLabels("Agency", r.Agencies);
        return rows;
    }

    private static string FormatAge(int months) => months < 24
        ? $"{months} {(months == 1 ? "month" : "months")}"
        : $"{months / 12} years";
}
