using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lantern.Core.Coding;
using Lantern.Core.Model;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern codebook validate FILE</c> and <c>lantern codebook show [--json] [--codebook FILE]</c>.</summary>
internal sealed class CodebookCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public Command Build()
    {
        var command = new Command("codebook", "Check or show the theme codebook");
        command.Subcommands.Add(BuildValidate());
        command.Subcommands.Add(BuildShow());
        return command;
    }

    private static Command BuildValidate()
    {
        var file = new Argument<string>("file") { Description = "The codebook JSON file to check" };
        var vocabulary = new Option<string?>("--vocabulary")
        {
            Description = "Check a label cue file instead of a theme codebook: harm, risk-factors or agencies (codes must be the schema's)",
        };
        vocabulary.AcceptOnlyFromAmong("harm", "risk-factors", "agencies");
        var validate = new Command("validate", "Check a codebook file: prints 'valid: N themes, version V' or every error with its field path");
        validate.Arguments.Add(file);
        validate.Options.Add(vocabulary);
        validate.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            IReadOnlyCollection<string>? allowed = parseResult.GetValue(vocabulary) switch
            {
                "harm" => [.. Vocabulary.Harms],
                "risk-factors" => [.. Vocabulary.RiskFactors],
                "agencies" => [.. Vocabulary.Agencies],
                _ => null,
            };
            try
            {
                var codebook = allowed is null ? Codebook.Load(path) : Codebook.Parse(ReadAll(path), path, allowed);
                var noun = allowed is null ? "themes" : "codes";
                parseResult.InvocationConfiguration.Output.WriteLine($"valid: {codebook.Codes.Count} {noun}, version {codebook.Version}");
                return 0;
            }
            catch (CodebookException e)
            {
                var error = parseResult.InvocationConfiguration.Error;
                error.WriteLine($"invalid: {path}");
                foreach (var problem in e.Errors)
                {
                    error.WriteLine($"  {problem}");
                }

                return 1;
            }
        });
        return validate;
    }

    private static string ReadAll(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CodebookException(path, [$"cannot read the file: {e.Message}"]);
        }
    }

    private static Command BuildShow()
    {
        var json = new Option<bool>("--json") { Description = "Print the codebook as JSON" };
        var path = new Option<string?>("--codebook") { Description = $"A codebook file (default: ${CodebookOptions.EnvironmentVariable}, else the built-in codebook)" };
        var show = new Command("show", "Show the codebook in force: its version, themes and cues");
        show.Options.Add(json);
        show.Options.Add(path);
        show.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            Codebook codebook;
            try
            {
                codebook = new CodebookOptions { Path = parseResult.GetValue(path) }.Load();
            }
            catch (CodebookException e)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    codebook.Version,
                    codebook.Name,
                    Codes = codebook.Codes.Select(c => new { c.Code, c.Label, c.Definition, c.MinScore, Cues = c.Cues.Select(q => new { Cue = q.Describe(), q.Weight }) }),
                }, Json));
                return 0;
            }

            output.WriteLine($"{codebook.Name} (version {codebook.Version}): {codebook.Codes.Count} themes");
            foreach (var code in codebook.Codes)
            {
                output.WriteLine();
                output.WriteLine($"{code.Code}: {code.Label}");
                output.WriteLine($"  {code.Definition}");
                output.WriteLine($"  cues ({code.Cues.Count}): {string.Join("; ", code.Cues.Take(8).Select(c => c.Describe()))}{(code.Cues.Count > 8 ? "; …" : "")}");
            }

            return 0;
        });
        return show;
    }
}
