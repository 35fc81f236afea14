namespace Lantern.Core.Tests;

/// <summary>Folders of the repository that tests read (found by walking up from the test binaries to the .slnx).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Gold => Path.Combine(Root, "tests", "data", "gold");

    public static string TestData => Path.Combine(Root, "tests", "data");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !dir.EnumerateFiles("*.slnx").Any())
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (with the .slnx) not found above " + AppContext.BaseDirectory);
    }
}
