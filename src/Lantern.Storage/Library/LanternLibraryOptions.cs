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

    /// <summary>The version of the codebook the pipeline codes themes with, stored beside each review; null when unknown.</summary>
    public string? CodebookVersion { get; init; }
}
