using Lantern.Core.Model;

namespace Lantern.Core.Loading;

/// <summary>Questions a host asks about a loaded document before it runs the pipeline.</summary>
public static class SourceDocumentExtensions
{
    /// <summary>True when the loader could not read the document (it carries an error diagnostic and empty text).</summary>
    public static bool IsRejected(this SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>The plain-English reason the document was rejected (it names the file), or null when it was read.</summary>
    public static string? RejectionReason(this SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message;
    }
}
