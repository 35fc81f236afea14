using Lantern.Web.Features.Timelines;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Timeline;

public sealed class IndexModel(CalculateTimeline timeline) : PageModel
{
    public TimelineView View { get; private set; } = null!;

    public void OnGet(string? aware, string? notified, string? rapidReviewSent, string? lcsprStart) =>
        View = timeline.Handle(new TimelineQuery(aware, notified, rapidReviewSent, lcsprStart));
}
