using System.CommandLine;
using System.Text;

namespace Lantern.Cli.Infrastructure;

/// <summary>
/// Reads a password: the first line of standard input with <c>--password-stdin</c>, else typed twice at the
/// terminal without echo. There is no default password and none is ever taken from the command line.
/// </summary>
internal static class PasswordInput
{
    /// <summary>Test hook: stands in for standard input.</summary>
    internal static TextReader? Stdin { get; set; }

    public static readonly Option<bool> FromStdin = new("--password-stdin") { Description = "Read the password from the first line of standard input" };

    /// <returns>The password, or null with the reason written to the error stream.</returns>
    public static string? Read(ParseResult parseResult, string userName)
    {
        if (parseResult.GetValue(FromStdin))
        {
            var line = (Stdin ?? Console.In).ReadLine();
            if (string.IsNullOrEmpty(line))
            {
                parseResult.Error().WriteLine("lantern: --password-stdin was given but standard input is empty");
                return null;
            }

            return line;
        }

        if (Console.IsInputRedirected)
        {
            parseResult.Error().WriteLine("lantern: standard input is not a terminal; pipe the password in with --password-stdin");
            return null;
        }

        var first = Prompt($"Password for {userName}: ");
        var second = Prompt("Again: ");
        if (first != second)
        {
            parseResult.Error().WriteLine("lantern: the two passwords differ");
            return null;
        }

        return first;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
