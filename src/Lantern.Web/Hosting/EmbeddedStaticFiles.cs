using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Lantern.Web.Hosting;

/// <summary>
/// Serves wwwroot from resources embedded in this assembly, so the pages are styled wherever the app runs from
/// (the CLI's bin folder, a test's) and in Production, with no static-web-assets manifest or copy step.
/// </summary>
internal sealed class EmbeddedStaticFiles : IFileProvider
{
    private const string Prefix = "wwwroot/";
    private readonly Assembly _assembly;
    private readonly Dictionary<string, string> _resources;
    private readonly DateTimeOffset _lastModified;

    public EmbeddedStaticFiles(Assembly assembly)
    {
        _assembly = assembly;
        _lastModified = File.Exists(assembly.Location) ? File.GetLastWriteTimeUtc(assembly.Location) : DateTimeOffset.UnixEpoch;
        _resources = assembly.GetManifestResourceNames()
            .Select(name => (name, path: name.Replace('\\', '/')))
            .Where(r => r.path.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(r => r.path[Prefix.Length..], r => r.name, StringComparer.Ordinal);
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        var path = subpath.TrimStart('/');
        return _resources.TryGetValue(path, out var name)
            ? new ResourceFile(_assembly, name, Path.GetFileName(path), _lastModified)
            : new NotFoundFileInfo(subpath);
    }

    // Directory browsing is never enabled, so no listing is offered.
    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class ResourceFile(Assembly assembly, string resourceName, string name, DateTimeOffset lastModified) : IFileInfo
    {
        public bool Exists => true;
        public long Length
        {
            get
            {
                using var stream = CreateReadStream();
                return stream.Length;
            }
        }

        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => lastModified;
        public bool IsDirectory => false;

        public Stream CreateReadStream() =>
            assembly.GetManifestResourceStream(resourceName) ?? throw new FileNotFoundException(resourceName);
    }
}

internal static class EmbeddedStaticFilesExtensions
{
    public static WebApplication UseEmbeddedStaticFiles(this WebApplication app)
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedStaticFiles(typeof(EmbeddedStaticFiles).Assembly),
            ContentTypeProvider = provider,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }
}
