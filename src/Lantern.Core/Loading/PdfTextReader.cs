using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Lantern.Core.Loading;

/// <summary>
/// Reads a PDF's text layer with Poppler's <c>pdftotext -enc UTF-8 -eol unix FILE -</c>, keeping its form feeds
/// (\f) between pages so normalisation can find running headers and footers.
/// </summary>
internal static class PdfTextReader
{
    /// <summary>Environment variable that names the pdftotext program to run instead of the one on PATH.</summary>
    public const string ToolVariable = "LANTERN_PDFTOTEXT";

    private static ReadOnlySpan<byte> Magic => "%PDF-"u8;

    public static bool HasPdfSignature(ReadOnlySpan<byte> bytes)
    {
        // Readers accept a little junk before the signature (some generators add it), within the first kilobyte.
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        return head.IndexOf(Magic) >= 0;
    }

    /// <summary>The pdftotext program: <see cref="ToolVariable"/> when set, else the first on PATH, else null.</summary>
    public static string? FindTool()
    {
        var configured = Environment.GetEnvironmentVariable(ToolVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "pdftotext", "pdftotext.exe" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static LoadResult Read(string fileName, byte[] bytes, string? existingPath, string? tool, TimeSpan timeout)
    {
        if (!HasPdfSignature(bytes))
        {
            return LoadResult.Reject(LoadErrorCodes.NotPdf, fileName, "not a PDF (it does not start with %PDF-)");
        }

        tool ??= FindTool();
        if (tool is null)
        {
            return ToolMissing(fileName);
        }

        string? tempPath = null;
        try
        {
            var path = existingPath;
            if (path is null)
            {
                tempPath = Path.Combine(Path.GetTempPath(), $"lantern-{Guid.NewGuid():N}.pdf");
                File.WriteAllBytes(tempPath, bytes);
                path = tempPath;
            }

            return Run(fileName, tool, path, timeout);
        }
        finally
        {
            if (tempPath is not null)
            {
                try
                {
                    File.Delete(tempPath);
                }
                catch (IOException)
                {
                    // A temp file we cannot delete is left to the OS's temp clean-up; the text is already read.
                }
            }
        }
    }

    private static LoadResult Run(string fileName, string tool, string path, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-enc", "UTF-8", "-eol", "unix", path, "-" })
        {
            info.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (Win32Exception)
        {
            return ToolMissing(fileName);
        }

        if (process is null)
        {
            return ToolMissing(fileName);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return LoadResult.Reject(LoadErrorCodes.PdfFailed, fileName, $"pdftotext did not finish within {Seconds(timeout)}");
            }

            process.WaitForExit();
            var text = stdout.GetAwaiter().GetResult();
            var errors = stderr.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                var first = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                            ?? $"exit code {process.ExitCode}";
                return LoadResult.Reject(LoadErrorCodes.PdfFailed, fileName, $"pdftotext could not read it ({first})");
            }

            if (text.All(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return LoadResult.Reject(LoadErrorCodes.PdfNoText, fileName, "no text layer (a scanned PDF?)");
            }

            return LoadResult.Ok(text);
        }
    }

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds is var s && Math.Abs(s - 1) < 0.5 ? "1 second" : $"{timeout.TotalSeconds:0.#} seconds";

    private static LoadResult ToolMissing(string fileName) =>
        LoadResult.Reject(LoadErrorCodes.PdfToolMissing, fileName,
            "PDF text needs Poppler's pdftotext, which is not installed (install the poppler-utils package)");
}
