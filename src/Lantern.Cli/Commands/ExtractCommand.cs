using System.CommandLine;
using Lantern.Core.Loading;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Core.Records;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern extract FILE... [--out DIR]</c>: runs the pipeline over each file and writes one record JSON per document
/// (<c>&lt;stem&gt;.json</c>) into DIR, or to stdout for a single file without --out. Touches no library. A file that
/// cannot be read is reported as "FILE: reason" on stderr; the rest still run, and the exit code is 1 at the end.
/// </summary>
internal sealed class ExtractCommand : ICliCommand
{
    public Command Build()
    {
        var files = new Argument<string[]>("files") { Description = "Documents to extract (txt, md, html, docx, pdf)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for the JSON records (one <stem>.json per document)" };
        var command = new Command("extract", "Extract review records from documents as JSON, without storing them") { files, output };
        command.SetAction(parseResult =>
        {
            var config = parseResult.InvocationConfiguration;
            return Run(parseResult.GetValue(files) ?? [], parseResult.GetValue(output), config.Output, config.Error);
        });
        return command;
    }

    internal static int Run(IReadOnlyList<string> files, string? outDir, TextWriter stdout, TextWriter stderr)
    {
        if (outDir is null && files.Count > 1)
        {
            stderr.WriteLine("extract: give --out DIR when extracting more than one file");
            return 2;
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        var loader = new DocumentLoader();
        var failed = false;
        foreach (var file in files)
        {
            var (json, reason) = ExtractOne(pipeline, loader, file);
            if (json is null)
            {
                stderr.WriteLine($"{file}: {reason}");
                failed = true;
                continue;
            }

            if (outDir is null)
            {
                stdout.WriteLine(json);
            }
            else
            {
                File.WriteAllText(Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".json"), json + "\n");
            }
        }

        return failed ? 1 : 0;
    }

    /// <summary>Extracts one file; returns the JSON, or null and the reason it was rejected.</summary>
    internal static (string? Json, string Reason) ExtractOne(ReviewPipeline pipeline, DocumentLoader loader, string file)
    {
        if (!File.Exists(file))
        {
            return (null, "no such file");
        }

        SourceDocument source;
        try
        {
            source = loader.Load(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            return (null, ex.Message);
        }

        var error = source.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            return (null, error.Message);
        }

        return (RecordJson.Serialize(pipeline.Run(source)), "");
    }
}
