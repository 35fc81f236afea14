using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Documents;

/// <summary>The documents the current viewer may see, newest first as the library orders them.</summary>
public sealed class ListDocuments(IReviewLibrary library, IViewerAccessor viewers)
{
    public const int MaxTake = 200;

    public Task<IReadOnlyList<DocumentSummary>> HandleAsync(int skip, int take, CancellationToken cancellationToken) =>
        library.ListDocumentsAsync(viewers.Current, Math.Max(0, skip), Math.Clamp(take, 1, MaxTake), cancellationToken);
}

/// <summary>One document with its reviews; null when missing or not visible to the viewer.</summary>
public sealed class ShowDocument(IReviewLibrary library, IViewerAccessor viewers)
{
    public Task<DocumentDetail?> HandleAsync(long documentId, CancellationToken cancellationToken) =>
        library.GetDocumentAsync(documentId, viewers.Current, cancellationToken);
}
