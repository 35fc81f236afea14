using Lantern.Storage.Abstractions;

namespace Lantern.Web.Features.Dissemination;

/// <summary>The anonymous feedback form behind a team's link: the token is the only permission, and no viewer is asked.</summary>
public sealed class CollectFeedback(IReviewLibrary library)
{
    public Task<FeedbackInvitation> OpenAsync(string token, CancellationToken cancellationToken) => library.OpenFeedbackAsync(token, cancellationToken);

    public Task<FeedbackInvitation> SubmitAsync(string token, string? discussedIn, string? willChange, string? usefulness, CancellationToken cancellationToken)
    {
        int? rating = int.TryParse(usefulness, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : null;
        return library.SubmitFeedbackAsync(token, new FeedbackAnswer(discussedIn, willChange, rating), cancellationToken);
    }
}
