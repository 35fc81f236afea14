using System.CommandLine;
using System.Text.Json.Nodes;
using Lantern.Core.Evaluation;
using Lantern.Core.Loading;
using Lantern.Core.Pipeline;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern eval --gold DIR (--docs DIR | --pred DIR) [--verbose]</c>: extracts every document in --docs (or reads
/// the JSON records in --pred) and scores them against the gold records, printing the same lines as tools/score.py,
/// ending with <c>score: X</c>.
/// </summary>
internal sealed class EvalCommand : ICliCommand
{
    public Command Build()
    {
        var gold = new Option<string>("--gold") { Description = "Folder of gold record JSON files", Required = true };
        var docs = new Option<string?>("--docs") { Description = "Folder of documents to extract and score" };
        var pred = new Option<string?>("--pred") { Description = "Folder of predicted record JSON files to score instead of extracting" };
        var verbose = new Option<bool>("--verbose") { Description = "List every disagreement" };
        var command = new Command("eval", "Score extraction against gold records (the same figures as tools/score.py)") { gold, docs, pred, verbose };
        command.SetAction(parseResult =>
        {
            var config = parseResult.InvocationConfiguration;
            return Run(parseResult.GetValue(gold)!, parseResult.GetValue(docs), parseResult.GetValue(pred), parseResult.GetValue(verbose), config.Output, config.Error);
        });
        return command;
    }

    internal static int Run(string goldDir, string? docsDir, string? predDir, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        if ((docsDir is null) == (predDir is null))
        {
            stderr.WriteLine("eval: give exactly one of --docs DIR or --pred DIR");
            return 2;
        }

        foreach (var dir in new[] { goldDir, docsDir ?? predDir! })
        {
            if (!Directory.Exists(dir))
            {
                stderr.WriteLine($"{dir}: no such folder");
                return 2;
            }
        }

        var gold = RecordFile.LoadFolder(goldDir, stderr);
        var predictions = predDir is not null ? RecordFile.LoadFolder(predDir, stderr) : Extract(docsDir!, stderr);
        var result = ExtractionScorer.Score(gold, predictions, verbose);
        foreach (var line in result.Lines())
        {
            stdout.WriteLine(line);
        }

        return 0;
    }

    private static List<RecordFile> Extract(string docsDir, TextWriter stderr)
    {
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        var loader = new DocumentLoader();
        var records = new List<RecordFile>();
        foreach (var file in Directory.GetFiles(docsDir).Order(StringComparer.Ordinal))
        {
            var (json, reason) = ExtractCommand.ExtractOne(pipeline, loader, file);
            if (json is null)
            {
                stderr.WriteLine($"{file}: {reason}");
                continue;
            }

            records.Add(new RecordFile(Path.GetFileNameWithoutExtension(file) + ".json", JsonNode.Parse(json)));
        }

        return records;
    }
}
