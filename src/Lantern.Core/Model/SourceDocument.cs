namespace Lantern.Core.Model;

/// <summary>
/// A file as it was received: its name, its bytes' SHA-256 (lower-case hex, the content address),
/// its format, and the plain text read out of it before normalisation.
/// </summary>
public sealed record SourceDocument
{
    /// <summary>The file name without folders, e.g. <c>bulletin-2022.pdf</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the original bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>One of txt, md, html, docx, pdf.</summary>
    public required string Format { get; init; }

    /// <summary>Size of the original in bytes.</summary>
    public long Length { get; init; }

    /// <summary>Text read out of the file (before normalisation).</summary>
    public required string RawText { get; init; }

    /// <summary>Problems met while reading; an error here means <see cref="RawText"/> is empty.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>The text the segmenter and extractors read, with the document title where one was found.</summary>
public sealed record NormalisedText(string Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static NormalisedText From(string text) => new(text, []);
}

/// <summary>The result of running the pipeline over one document.</summary>
public sealed record DocumentExtraction
{
    public required string DocumentName { get; init; }

    /// <summary>The normalised text every <see cref="SourceSpan"/> points into.</summary>
    public required string Text { get; init; }

    public Evidence<string>? Publisher { get; init; }
    public IReadOnlyList<Review> Reviews { get; init; } = [];
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The version of the extractor that produced this record (see <see cref="Pipeline.ReviewPipeline.ExtractorVersion"/>).</summary>
    public required string ExtractorVersion { get; init; }
}
