using Lantern.Web.Features.Actions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Actions;

public sealed class NewModel(AddAction add) : PageModel
{
    public long ReviewId { get; private set; }

    public NewActionForm Form { get; private set; } = new(null, null, null, null);

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IActionResult OnGet(long id)
    {
        ReviewId = id;
        return add.CanAdd ? Page() : StatusCode(StatusCodes.Status403Forbidden);
    }

    public async Task<IActionResult> OnPostAsync(long id, string? text, string? agency, string? lead, string? due, CancellationToken cancellationToken)
    {
        ReviewId = id;
        if (!add.CanAdd)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Form = new NewActionForm(text, agency, lead, due);
        var (outcome, errors) = await add.HandleAsync(id, Form, cancellationToken);
        if (outcome is { Stored: true, Action: { } action })
        {
            return Redirect($"/actions/{action.Id}?saved=1");
        }

        Errors = errors;
        return Page();
    }
}
