using Lantern.Core.Dissemination;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Reviews;

/// <summary>A review's statutory dates; editors change them (the yearly report counts from them).</summary>
public sealed class DatesModel(IReviewLibrary library, IViewerAccessor viewers) : PageModel
{
    public static readonly IReadOnlyList<(string Field, string Label)> Fields =
    [
        ("aware", "Became aware of the incident"), ("notified", "Notified the Panel"), ("rapidReviewSent", "Sent the rapid review"),
        ("commissioned", "Commissioned the local review (LCSPR)"), ("published", "Published"),
    ];

    public long ReviewId { get; private set; }

    public string ReviewTitle { get; private set; } = "";

    public bool CanEdit => viewers.Current.CanEdit;

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        return await LoadAsync(id, true, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? aware, string? notified, string? rapidReviewSent, string? commissioned, string? published, CancellationToken cancellationToken)
    {
        if (!await this.IsEditorAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await LoadAsync(id, false, cancellationToken))
        {
            return NotFound();
        }

        var typed = new[] { aware, notified, rapidReviewSent, commissioned, published };
        var parsed = new DateOnly?[typed.Length];
        for (var i = 0; i < typed.Length; i++)
        {
            Values[Fields[i].Field] = typed[i];
            if (!ReviewDates.TryParseDate(typed[i], out parsed[i]))
            {
                Errors[Fields[i].Field] = $"Enter the date \u201c{Fields[i].Label.ToLowerInvariant()}\u201d as YYYY-MM-DD";
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var outcome = await library.SetReviewDatesAsync(id, new ReviewDates(parsed[0], parsed[1], parsed[2], parsed[3], parsed[4]), viewers.Current, cancellationToken);
        if (!outcome.Stored)
        {
            Errors["aware"] = outcome.Message;
            return Page();
        }

        return Redirect($"/reviews/{id}/dates?saved=true");
    }

    private async Task<bool> LoadAsync(long id, bool fillValues, CancellationToken cancellationToken)
    {
        ReviewId = id;
        var review = await library.GetReviewAsync(id, viewers.Current, cancellationToken);
        var dates = await library.GetReviewDatesAsync(id, viewers.Current, cancellationToken);
        if (review is null || dates is null)
        {
            return false;
        }

        ReviewTitle = review.Summary.Title;
        if (fillValues)
        {
            DateOnly?[] values = [dates.Aware, dates.Notified, dates.RapidReviewSent, dates.Commissioned, dates.Published];
            for (var i = 0; i < Fields.Count; i++)
            {
                Values[Fields[i].Field] = values[i] is { } d ? ReviewDates.Iso(d) : null;
            }
        }

        return true;
    }
}
