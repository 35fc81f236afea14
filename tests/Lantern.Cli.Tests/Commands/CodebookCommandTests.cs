using System.CommandLine;
using Lantern.Cli.Commands;

namespace Lantern.Cli.Tests.Commands;

public class CodebookCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { new CodebookCommand().Build() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lantern-cb-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Validate_ValidFile_PrintsCountAndVersion()
    {
        var path = TempFile("""{"version":"local-3","codes":[{"code":"a","label":"A","cues":["alpha"]},{"code":"b","cues":["beta*"]}]}""");
        try
        {
            var (exit, output, _) = Run("codebook", "validate", path);
            exit.ShouldBe(0);
            output.Trim().ShouldBe("valid: 2 themes, version local-3");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_InvalidFile_ExitsNonZeroAndNamesEachError()
    {
        var path = TempFile("""{"version":"1","codes":[{"code":"a","cues":[{"regex":"(x"}]},{"code":"a","cues":[""]}]}""");
        try
        {
            var (exit, _, error) = Run("codebook", "validate", path);
            exit.ShouldNotBe(0);
            error.ShouldContain("codes[0].cues[0].regex");
            error.ShouldContain("codes[1].code: duplicate code \"a\"");
            error.ShouldContain("codes[1].cues[0]: empty cue");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Show_BuiltIn_ListsThemesWithVersion()
    {
        var (exit, output, _) = Run("codebook", "show", "--codebook", "");
        exit.ShouldBe(0);
        output.ShouldContain("version");
        output.ShouldContain("information-sharing: Information sharing");
    }

    [Fact]
    public void Show_Json_IsParseableAndHasEveryTheme()
    {
        var (exit, output, _) = Run("codebook", "show", "--json");
        exit.ShouldBe(0);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.GetProperty("codes").GetArrayLength().ShouldBe(26);
        doc.RootElement.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
    }
}

public class CodebookVocabularyCommandTests
{
    [Fact]
    public void Validate_VocabularyFileWithUnknownCode_ExitsNonZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lantern-vocab-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"version":"1","codes":[{"code":"gp","cues":["GP*"]},{"code":"vet","cues":["vet"]}]}""");
        try
        {
            var root = new System.CommandLine.RootCommand { new Lantern.Cli.Commands.CodebookCommand().Build() };
            var error = new StringWriter();
            var exit = root.Parse(["codebook", "validate", path, "--vocabulary", "agencies"])
                .Invoke(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });
            exit.ShouldNotBe(0);
            error.ToString().ShouldContain("codes[1].code: \"vet\" is not in the record schema's vocabulary");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
