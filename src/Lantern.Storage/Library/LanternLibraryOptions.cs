using Lantern.Core.Coding;
using Lantern.Core.Loading;
using Lantern.Core.Pipeline;

namespace Lantern.Storage.Library;

/// <summary>How <see cref="LanternLibrary.Open"/> sets up a library. Every member has a working default.</summary>
public sealed record LanternLibraryOptions
{
    /// <summary>Where times (added_at, coding decisions) come from. Default: the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The extraction pipeline, built once and reused. Default: <c>new ReviewPipelineBuilder().UseDefaults().Build()</c>.</summary>
    public ReviewPipeline? Pipeline { get; init; }

    /// <summary>Reads files into text. Default: a <see cref="DocumentLoader"/> with its default limits.</summary>
    public DocumentLoader? Loader { get; init; }

    /// <summary>The theme codebook: human decisions must name one of its codes. Default: <see cref="Codebook.BuiltIn"/>.</summary>
    public Codebook? Codebook { get; init; }

    /// <summary>The codebook version stored beside each review. Default: the codebook's own version.</summary>
    public string? CodebookVersion { get; init; }

    /// <summary>
    /// Cached search, overview and more-like-this answers are reused for as long as the library is unchanged: a write
    /// through this instance is seen at once, and the library's change counter (moved by every write by any process) is
    /// re-read at most this often, so a write by another process shows up after at most this long. Default: 250 ms;
    /// zero turns the cache off (the benchmark's <c>search-probe</c> uses that to time uncached searches).
    /// </summary>
    public TimeSpan ReadCacheLifetime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Whether a search in a large library may read its matches in parts on parallel connections while cores are idle.
    /// Default: true. Off, every search runs on one connection (the benchmark's <c>search-probe --no-split</c> compares).
    /// </summary>
    public bool SplitReads { get; init; } = true;
}
