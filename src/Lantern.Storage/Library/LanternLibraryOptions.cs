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
    /// How long a cached search, overview or more-like-this answer may be reused when the library has not changed through
    /// this instance (a write by another process shows up after at most this long). Default: 5 s; zero turns the cache
    /// off (the benchmark's <c>search-probe</c> uses that to time uncached searches).
    /// </summary>
    public TimeSpan ReadCacheLifetime { get; init; } = TimeSpan.FromSeconds(5);
}
