using System.Diagnostics;

namespace Lantern.Tests.Shared;

/// <summary>
/// Finds outside programs (pdftotext, chromium, rg, psql…). A test that needs one skips with a reason when it is
/// absent, except when LANTERN_REQUIRE_TOOLS=1 (set by .ci/run), where it runs and fails instead.
/// </summary>
public static class ExternalTool
{
    public const string RequireVariable = "LANTERN_REQUIRE_TOOLS";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The full path of <paramref name="name"/> on PATH (or the path itself when it is absolute and exists), else null.</summary>
    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The skip reason for a missing tool, or null when the test must run.</summary>
    public static string? SkipReason(string name) =>
        Find(name) is null && !Required ? $"{name} is not installed (set {RequireVariable}=1 to make this a failure)" : null;
}

/// <summary>A fact that needs an outside program; skipped with a reason when it is missing, unless tools are required.</summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        Skip = ExternalTool.SkipReason(tool);
    }
}

/// <summary>A theory that needs an outside program; see <see cref="RequiresToolFactAttribute"/>.</summary>
public sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(string tool)
    {
        Skip = ExternalTool.SkipReason(tool);
    }
}

/// <summary>Runs a program and captures its output, with a time limit.</summary>
public static class ProcessRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, IEnumerable<string> arguments, string? stdin = null, TimeSpan? timeout = null, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
