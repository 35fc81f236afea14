using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Lantern.Web.Api;

internal static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("Documents in the library (skip, take ≤ 200)");
        documents.MapGet("/{id:long}", GetAsync).WithName("GetDocument").WithSummary("A document, its reviews and its text")
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapGet("/{id:long}/original", OriginalAsync).WithName("GetOriginal").WithSummary("The original file, as received")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapPost("/", UploadAsync).WithName("UploadDocuments")
            .WithSummary("Add files (multipart form field 'files'); one outcome per file: Added, AlreadyPresent or Rejected with why")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            // No cookies or sessions exist, so there is no token to forge; cross-site posts are refused by CrossSiteGuard.
            .DisableAntiforgery();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<DocumentSummary>>> ListAsync(ListDocuments documents, CancellationToken cancellationToken, int skip = 0, int take = 50) =>
        TypedResults.Ok(await documents.HandleAsync(skip, take, cancellationToken));

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> GetAsync(long id, ShowDocument documents, CancellationToken cancellationToken) =>
        await documents.HandleAsync(id, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : ApiRegistration.NotFound($"There is no document {id}.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OriginalAsync(long id, DownloadOriginal download, CancellationToken cancellationToken) =>
        await download.HandleAsync(id, cancellationToken) is { } file
            ? TypedResults.File(file.Bytes, file.ContentType, file.FileName)
            : ApiRegistration.NotFound($"There is no document {id}.");

    private static async Task<Results<Ok<IReadOnlyList<IngestOutcome>>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, UploadDocuments upload, CancellationToken cancellationToken, [FromQuery] bool restricted = false)
    {
        if (!upload.CanUpload || !CrossSiteGuard.IsSameOrigin(request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only editors can add documents.");
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Expected a multipart form", detail: "Send the files as multipart/form-data in the field 'files'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No files", detail: "Send at least one file in the field 'files'.");
        }

        var files = form.Files.Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
        var outcomes = await upload.HandleAsync(files, restricted ? Visibility.Restricted : Visibility.Public, cancellationToken);
        return TypedResults.Ok(outcomes);
    }
}

/// <summary>Refuses a state-changing request that a browser sent on behalf of another site.</summary>
internal static class CrossSiteGuard
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
