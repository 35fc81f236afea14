using System.Reflection;
using Lantern.Core.Extraction;
using Lantern.Core.Normalisation;
using Lantern.Core.Pipeline;
using Lantern.Core.Segmentation;
using Lantern.Storage.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Bench.Harness;

/// <summary>An opened library and whatever must be disposed with it.</summary>
internal sealed class LibraryHandle(IReviewLibrary library, string how, params object?[] owned) : IAsyncDisposable
{
    public IReviewLibrary Library { get; } = library;

    /// <summary>Which factory opened it, for the report.</summary>
    public string How { get; } = how;

    public async ValueTask DisposeAsync()
    {
        foreach (var o in owned.Prepend(Library).Distinct())
        {
            switch (o)
            {
                case IAsyncDisposable a:
                    await a.DisposeAsync();
                    break;
                case IDisposable d:
                    d.Dispose();
                    break;
            }
        }
    }
}

/// <summary>
/// Finds how Lantern.Storage opens a SQLite library in a data folder, by reflection, so that the harness builds
/// and runs (reporting "not available") while the storage branch has not landed, and keeps working if the
/// factory's name changes: a static factory returning <see cref="IReviewLibrary"/>, a DI registration, or a
/// public implementation with a constructor taking the folder.
/// </summary>
internal static class StorageProbe
{
    /// <summary>
    /// The pipeline a library is opened with: "full" (the default, <c>UseDefaults()</c>) or "structure"
    /// (normalisation, segmentation and structure extractors only: no label extraction or theme coding), which
    /// builds large search libraries fast when the full pipeline is too slow.
    /// </summary>
    public static ReviewPipeline? PipelineFor(string? name) => name switch
    {
        "structure" => new ReviewPipelineBuilder().UseStandardNormalisation().UseStandardSegmentation().UseStructureExtractors().Build(),
        _ => null,
    };

    public static async Task<LibraryHandle?> OpenAsync(string dataFolder, ReviewPipeline? pipeline = null, bool cacheOff = false)
    {
        Directory.CreateDirectory(dataFolder);
        if (cacheOff)
        {
            // The library's own options when it has them: no read cache, so timings are of the work itself.
            var library = Lantern.Storage.Library.LanternLibrary.Open(dataFolder, new Lantern.Storage.Library.LanternLibraryOptions { ReadCacheLifetime = TimeSpan.Zero });
            return new LibraryHandle(library, "LanternLibrary.Open(..., ReadCacheLifetime = 0)");
        }

        var assembly = typeof(IReviewLibrary).Assembly;
        var types = assembly.GetExportedTypes();

        var factories = types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => !m.IsGenericMethodDefinition && typeof(IReviewLibrary).IsAssignableFrom(Unwrap(m.ReturnType)))
            .OrderByDescending(m => m.Name.StartsWith("Open", StringComparison.Ordinal))
            .ThenByDescending(m => m.DeclaringType!.Name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || m.Name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
        foreach (var method in factories)
        {
            if (Fill(method.GetParameters(), dataFolder, pipeline) is { } args)
            {
                var result = await Await(method.Invoke(null, args));
                if (result is IReviewLibrary library)
                {
                    return new LibraryHandle(library, $"{method.DeclaringType!.Name}.{method.Name}(...)");
                }
            }
        }

        var registrations = types.Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters() is [{ ParameterType: var p }, ..] && p == typeof(IServiceCollection));
        foreach (var method in registrations)
        {
            var rest = Fill(method.GetParameters().Skip(1).ToArray(), dataFolder, pipeline);
            if (rest is null)
            {
                continue;
            }

            var services = new ServiceCollection();
            services.AddLogging();
            method.Invoke(null, [services, .. rest]);
            if (services.All(d => d.ServiceType != typeof(IReviewLibrary)))
            {
                continue;
            }

            var provider = services.BuildServiceProvider();
            var scope = provider.CreateAsyncScope();
            var library = scope.ServiceProvider.GetRequiredService<IReviewLibrary>();
            return new LibraryHandle(library, $"{method.DeclaringType!.Name}.{method.Name}(services, ...)", scope, provider);
        }

        foreach (var type in types.Where(t => !t.IsAbstract && typeof(IReviewLibrary).IsAssignableFrom(t)))
        {
            foreach (var ctor in type.GetConstructors())
            {
                if (Fill(ctor.GetParameters(), dataFolder, pipeline) is { } args)
                {
                    return new LibraryHandle((IReviewLibrary)ctor.Invoke(args), $"new {type.Name}(...)");
                }
            }
        }

        return null;
    }

    private static Type Unwrap(Type t) =>
        t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Task<>) || t.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? t.GetGenericArguments()[0]
            : t;

    private static async Task<object?> Await(object? value)
    {
        switch (value)
        {
            case Task task:
                await task;
                return task.GetType().GetProperty("Result")?.GetValue(task);
            case null:
                return null;
            default:
                var type = value.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)type.GetMethod("AsTask")!.Invoke(value, null)!;
                    await asTask;
                    return asTask.GetType().GetProperty("Result")?.GetValue(asTask);
                }

                return value;
        }
    }

    /// <summary>Arguments for a factory: the folder for a string, the default pipeline, the system clock; null when one cannot be supplied.</summary>
    private static object?[]? Fill(ParameterInfo[] parameters, string dataFolder, ReviewPipeline? pipeline)
    {
        var args = new object?[parameters.Length];
        var usedFolder = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i].ParameterType;
            if (p == typeof(string) && !usedFolder)
            {
                args[i] = dataFolder;
                usedFolder = true;
            }
            else if (p == typeof(ReviewPipeline))
            {
                args[i] = pipeline ?? new ReviewPipelineBuilder().UseDefaults().Build();
            }
            else if (pipeline is not null && p.GetProperty("Pipeline")?.PropertyType == typeof(ReviewPipeline) && p.GetConstructor(Type.EmptyTypes) is not null)
            {
                // An options object (LanternLibraryOptions) that carries the pipeline.
                var options = Activator.CreateInstance(p)!;
                p.GetProperty("Pipeline")!.SetValue(options, pipeline);
                args[i] = options;
            }
            else if (p == typeof(TimeProvider))
            {
                args[i] = TimeProvider.System;
            }
            else if (p == typeof(CancellationToken))
            {
                args[i] = CancellationToken.None;
            }
            else if (parameters[i].HasDefaultValue)
            {
                args[i] = parameters[i].DefaultValue;
            }
            else
            {
                return null;
            }
        }

        return usedFolder ? args : null;
    }
}
