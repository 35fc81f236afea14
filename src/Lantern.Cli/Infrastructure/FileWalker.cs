namespace Lantern.Cli.Infrastructure;

/// <summary>Expands the paths given on the command line into files, lazily: folders are walked recursively in name order.</summary>
internal static class FileWalker
{
    /// <summary>Each file, or a path that does not exist (reported by the caller).</summary>
    public static IEnumerable<(string Path, bool Exists)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return (path, true);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path))
                {
                    yield return (file, true);
                }
            }
            else
            {
                yield return (path, false);
            }
        }
    }

    private static IEnumerable<string> Walk(string folder)
    {
        // Hidden files and folders (.git, .DS_Store) are never documents.
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            foreach (var file in Walk(sub))
            {
                yield return file;
            }
        }
    }
}
