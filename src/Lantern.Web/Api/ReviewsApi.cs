using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Reviews;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lantern.Web.Api;

internal static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reviews/{id:long}", GetAsync)
            .WithName("GetReview")
            .WithTags("Reviews")
            .WithSummary("A review with every field, its evidence spans and the text they point into")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ReviewDetail>, ProblemHttpResult>> GetAsync(long id, ShowReview reviews, CancellationToken cancellationToken) =>
        await reviews.GetAsync(id, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : ApiRegistration.NotFound($"There is no review {id}.");
}
