using System.Globalization;
using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Documents;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Documents;

public sealed class ShowModel(ShowDocument documents, ReviewSensitiveData sensitive) : PageModel
{
    public DocumentDetail Document { get; private set; } = null!;

    /// <summary>The sensitive-data findings (editors only; null for others or when there are none).</summary>
    public SensitiveReport? Sensitive { get; private set; }

    public bool CanClear => sensitive.CanClear;

    /// <summary>The document text in pieces, the findings' spans marked.</summary>
    public IReadOnlyList<(string Text, int? Finding)> TextPieces { get; private set; } = [];

    /// <summary>The text, HTML-encoded, with each finding's span in a <c>mark</c> the findings table links to.</summary>
    public IHtmlContent HighlightedText()
    {
        var html = new HtmlContentBuilder();
        foreach (var (text, finding) in TextPieces)
        {
            if (finding is { } f)
            {
                html.AppendHtml(string.Create(CultureInfo.InvariantCulture, $"<mark id=\"finding-{f}\" class=\"app-sensitive\">"));
                html.Append(text);
                html.AppendHtml("</mark>");
            }
            else
            {
                html.Append(text);
            }
        }

        return html;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var document = await documents.HandleAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        Sensitive = await sensitive.ShowAsync(id, cancellationToken);
        TextPieces = ReviewSensitiveData.Highlight(document.Text, Sensitive?.Findings ?? []);
        return Page();
    }

    /// <summary>An editor clears the findings, keeping the document restricted or publishing it.</summary>
    public async Task<IActionResult> OnPostClearAsync(long id, string? visibility, CancellationToken cancellationToken)
    {
        if (!sensitive.CanClear)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await sensitive.ClearAsync(id, visibility == "public", cancellationToken)
            ? Redirect($"/documents/{id}#sensitive")
            : NotFound();
    }
}
