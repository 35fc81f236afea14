using Lantern.Web.Access;
using Lantern.Web.Features.Actions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Actions;

/// <summary>The review page's "Track these actions" button posts here; it goes on to the review's actions.</summary>
public sealed class TrackModel(EditAction actions, IViewerAccessor viewers) : PageModel
{
    public IActionResult OnGet(long id) => Redirect($"/reviews/{id}");

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!viewers.Current.CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await actions.TrackReviewAsync(id, cancellationToken);
        return outcome.Added == 0 && outcome.AlreadyTracked == 0 && outcome.Message.StartsWith("There is no", StringComparison.Ordinal)
            ? NotFound()
            : Redirect($"/actions?review={id}");
    }
}
