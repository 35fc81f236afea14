using System.Globalization;
using Lantern.Core.Analysis.Agreement;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Coding;

/// <summary>One theme of a review as a person sees it: whether it counts, and who settled it.</summary>
public sealed record ThemeStatus(string ThemeCode, bool Automatic, bool Applies, CodingDecision? Latest)
{
    /// <summary>"Automatic", "Confirmed by jo on 2026-01-31", "Rejected by …", "Added by …".</summary>
    public string Describe()
    {
        if (Latest is not { } d)
        {
            return "Automatic";
        }

        var verb = d.Verdict switch
        {
            CodingVerdict.Confirmed => "Confirmed",
            CodingVerdict.Rejected => "Rejected",
            _ => "Added",
        };
        return $"{verb} by {d.Coder} on {d.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }
}

/// <summary>A review's coding for the page: every theme's status, the codebook's themes, and whether the viewer may code.</summary>
public sealed record ReviewCodingView(long ReviewId, IReadOnlyList<ThemeStatus> Themes, IReadOnlyList<(string Code, string Label)> CodebookThemes, bool CanEdit);

/// <summary>Shows and records human coding (confirm, reject, add) of a review's themes.</summary>
public sealed class CodeReview(IReviewLibrary library, IViewerAccessor viewers, CodebookStore codebooks)
{
    public bool CanCode => viewers.Current.CanEdit;

    public async Task<ReviewCodingView?> ShowAsync(long reviewId, CancellationToken cancellationToken)
    {
        var viewer = viewers.Current;
        var coding = await library.GetCodingAsync(reviewId, viewer, cancellationToken);
        if (coding is null)
        {
            return null;
        }

        var effective = coding.Effective.Select(e => e.ThemeCode).ToHashSet(StringComparer.Ordinal);
        var codes = coding.AutomaticThemes.Concat(coding.Decisions.Select(d => d.ThemeCode)).Distinct(StringComparer.Ordinal);
        var themes = codes
            .Select(code => new ThemeStatus(
                code,
                coding.AutomaticThemes.Contains(code, StringComparer.Ordinal),
                effective.Contains(code),
                coding.Decisions.Where(d => d.ThemeCode == code).OrderBy(d => d.At).LastOrDefault()))
            .ToList();
        var codebook = codebooks.Current();
        return new ReviewCodingView(reviewId, themes, [.. codebook.Codes.Select(c => (c.Code, c.Label))], viewer.CanEdit);
    }

    /// <summary>Records a decision; <paramref name="verdict"/> is <c>confirm</c>, <c>reject</c> or <c>add</c>.</summary>
    public async Task<CodingOutcome> DecideAsync(long reviewId, string? theme, string? verdict, string? note, CancellationToken cancellationToken)
    {
        CodingVerdict? parsed = verdict switch
        {
            "confirm" => CodingVerdict.Confirmed,
            "reject" => CodingVerdict.Rejected,
            "add" => CodingVerdict.Added,
            _ => null,
        };
        if (parsed is null)
        {
            return new CodingOutcome(false, "Choose confirm, reject or add");
        }

        if (string.IsNullOrWhiteSpace(theme))
        {
            return new CodingOutcome(false, "Select a theme");
        }

        var viewer = viewers.Current;
        return await library.RecordCodingDecisionAsync(reviewId, theme.Trim(), parsed.Value, viewer, viewer.UserName, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), cancellationToken);
    }
}
