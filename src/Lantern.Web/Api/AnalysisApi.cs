using Lantern.Core.Analysis.Recurrence;
using Lantern.Core.Analysis.Trends;
using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Analysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lantern.Web.Api;

/// <summary>
/// Analysis figures and exports as JSON and files. Every endpoint takes the search's <c>q</c> and facet parameters
/// to choose the reviews, and sees only what the viewer may see.
/// </summary>
internal static class AnalysisApi
{
    private static readonly string Selection = "q and the search facets (" + string.Join(", ", Facets.All) + ") choose the reviews, as in search.";

    public static RouteGroupBuilder MapAnalysisApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analysis").WithTags("Analysis");
        group.MapGet("/recurring", RecurringAsync).WithName("RecurringLearning")
            .WithSummary("Learning that recurs across reviews, most widespread first")
            .WithDescription("threshold: similarity 0-1 (default " + RecurrenceOptions.DefaultThreshold + "). " + Selection);
        group.MapGet("/trends", TrendsAsync).WithName("ThemeTrends").WithSummary("Theme counts by year and by publisher").WithDescription(Selection);
        group.MapGet("/co-occurrence", CoOccurrenceAsync).WithName("CoOccurrence")
            .WithSummary("Counts and lift of labels found together on reviews")
            .WithDescription("rows and columns: riskFactor | harm | theme | agency (default riskFactor by harm). " + Selection);
        group.MapGet("/profile", ProfileAsync).WithName("LibraryProfile").WithSummary("Age bands, outcomes, review types, harm and risk factors").WithDescription(Selection);
        group.MapGet("/export/{format}", ExportAsync).WithName("ExportReviews")
            .WithSummary("Download the reviews as tidy CSV (zip), record JSON, a REFI-QDA codebook (.qdc) or project (.qdpx)")
            .WithDescription("format: csv | json | qdc | qdpx. " + Selection);
        return api;
    }

    private static async Task<Results<Ok<RecurrenceResult>, ValidationProblem>> RecurringAsync(HttpRequest request, AnalyseLibrary analysis, CancellationToken cancellationToken)
    {
        var (result, error) = await analysis.RecurrenceAsync(AnalysisQuery.From(request.Query), cancellationToken);
        return error is null ? TypedResults.Ok(result) : Invalid(error);
    }

    private static async Task<Results<Ok<TrendsResponse>, ValidationProblem>> TrendsAsync(HttpRequest request, AnalyseLibrary analysis, CancellationToken cancellationToken)
    {
        var (reviews, error) = await analysis.ReviewsAsync(AnalysisQuery.From(request.Query), cancellationToken);
        return error is null
            ? TypedResults.Ok(new TrendsResponse(reviews.Count, ThemeTrends.ByYear(reviews), ThemeTrends.ByPublisher(reviews)))
            : Invalid(error);
    }

    private static async Task<Results<Ok<CoOccurrenceMatrix>, ValidationProblem>> CoOccurrenceAsync(HttpRequest request, AnalyseLibrary analysis, CancellationToken cancellationToken)
    {
        var rows = KindOf(request.Query["rows"], LabelKind.RiskFactor);
        var columns = KindOf(request.Query["columns"], LabelKind.Harm);
        if (rows is null || columns is null)
        {
            return Invalid("rows and columns must each be one of riskFactor, harm, theme, agency.");
        }

        var (reviews, error) = await analysis.ReviewsAsync(AnalysisQuery.From(request.Query), cancellationToken);
        return error is null ? TypedResults.Ok(CoOccurrence.Of(reviews, rows.Value, columns.Value)) : Invalid(error);
    }

    private static async Task<Results<Ok<LibraryProfile>, ValidationProblem>> ProfileAsync(HttpRequest request, AnalyseLibrary analysis, CancellationToken cancellationToken)
    {
        var (reviews, error) = await analysis.ReviewsAsync(AnalysisQuery.From(request.Query), cancellationToken);
        return error is null ? TypedResults.Ok(LibraryProfile.Of(reviews)) : Invalid(error);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(string format, HttpRequest request, AnalyseLibrary analysis, CancellationToken cancellationToken)
    {
        var (file, error) = await analysis.ExportAsync(format, AnalysisQuery.From(request.Query), cancellationToken);
        if (error is not null)
        {
            return Invalid(error);
        }

        return file is null
            ? ApiRegistration.NotFound($"There is no export format \u201c{format}\u201d. Formats are: {string.Join(", ", AnalyseLibrary.ExportFormats)}.")
            : TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }

    private static LabelKind? KindOf(string? value, LabelKind fallback) => value?.ToLowerInvariant() switch
    {
        null or "" => fallback,
        "riskfactor" or "risk" or "riskfactors" => LabelKind.RiskFactor,
        "harm" => LabelKind.Harm,
        "theme" or "themes" => LabelKind.Theme,
        "agency" or "agencies" => LabelKind.Agency,
        _ => null,
    };

    private static ValidationProblem Invalid(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [error] }, title: "The selection could not be understood");
}

/// <summary>Theme counts by year and by publisher over the selected reviews.</summary>
internal sealed record TrendsResponse(int Reviews, CountTable ByYear, CountTable ByPublisher);
