using System.Text;

namespace Lantern.Core.Bulletins;

/// <summary>
/// A small, safe template language for bulletins, written in Markdown with double-brace tags:
/// <list type="bullet">
/// <item><c>{{name}}</c>: the value, escaped so that it reads as plain text in Markdown (it cannot add headings, links or HTML).</item>
/// <item><c>{{#name}}…{{/name}}</c>: repeated for each item of a list (inside, <c>{{text}}</c>, <c>{{number}}</c> and the item's
/// own fields); for a single value, shown once when it is not empty.</item>
/// <item><c>{{?name}}…{{/name}}</c>: shown once when the value is not empty (a list with items, a non-blank text).</item>
/// <item><c>{{^name}}…{{/name}}</c>: shown when the value is empty or missing.</item>
/// <item><c>{{! a comment }}</c>: left out.</item>
/// </list>
/// A tag alone on its line takes the whole line with it. Unknown names render as nothing. There is no code, no file
/// access and no unescaped output, so an editor cannot break the page or the reader's safety.
/// </summary>
public sealed class BulletinTemplate
{
    /// <summary>The longest template accepted, in characters.</summary>
    public const int MaxLength = 200_000;

    /// <summary>The deepest nesting of sections accepted.</summary>
    public const int MaxDepth = 12;

    private readonly IReadOnlyList<TemplateNode> _nodes;

    private BulletinTemplate(string name, IReadOnlyList<TemplateNode> nodes)
    {
        Name = name;
        _nodes = nodes;
    }

    /// <summary>Where the template came from: a built-in name or a file path.</summary>
    public string Name { get; }

    /// <summary>Parses a template.</summary>
    /// <param name="text">The template text.</param>
    /// <param name="name">A name for error messages, e.g. the file name.</param>
    /// <exception cref="BulletinTemplateException">The template is too long, a tag is unclosed or mismatched, or sections nest too deeply; the message gives the line.</exception>
    public static BulletinTemplate Parse(string text, string name = "template")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new BulletinTemplateException($"{name}: the template is longer than {MaxLength:N0} characters");
        }

        var tokens = TemplateLexer.Tokenise(text.Replace("\r\n", "\n", StringComparison.Ordinal), name);
        var index = 0;
        var nodes = TemplateParser.ParseBlock(tokens, ref index, null, 0, name);
        return new BulletinTemplate(name, nodes);
    }

    /// <summary>Renders the template over <paramref name="data"/> (names to strings, booleans or lists of items).</summary>
    /// <returns>Markdown, with runs of blank lines collapsed to one.</returns>
    public string Render(TemplateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var output = new StringBuilder();
        Write(_nodes, [data], output);
        return Tidy(output.ToString());
    }

    private static void Write(IReadOnlyList<TemplateNode> nodes, List<TemplateData> scopes, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case VariableNode variable:
                    output.Append(MarkdownText.Escape(Describe(Lookup(scopes, variable.Name))));
                    break;
                case SectionNode section:
                    WriteSection(section, scopes, output);
                    break;
            }
        }
    }

    private static void WriteSection(SectionNode section, List<TemplateData> scopes, StringBuilder output)
    {
        var value = Lookup(scopes, section.Name);
        var empty = IsEmpty(value);
        switch (section.Kind)
        {
            case SectionKind.Inverted when empty:
            case SectionKind.Conditional when !empty:
            case SectionKind.Repeat when !empty && value is not IReadOnlyList<TemplateData>:
                Write(section.Children, scopes, output);
                break;
            case SectionKind.Repeat when value is IReadOnlyList<TemplateData> items:
                foreach (var item in items)
                {
                    scopes.Add(item);
                    Write(section.Children, scopes, output);
                    scopes.RemoveAt(scopes.Count - 1);
                }

                break;
        }
    }

    private static object? Lookup(List<TemplateData> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        bool b => !b,
        IReadOnlyList<TemplateData> list => list.Count == 0,
        _ => false,
    };

    private static string Describe(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "yes" : "no",
        IReadOnlyList<TemplateData> list => list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string Tidy(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (!blank)
                {
                    result.Append('\n');
                }

                blank = true;
                continue;
            }

            result.Append(line).Append('\n');
            blank = false;
        }

        return result.ToString().TrimEnd('\n') + "\n";
    }
}

/// <summary>The names a template can use: strings, booleans, numbers or lists of further <see cref="TemplateData"/>.</summary>
public sealed class TemplateData : Dictionary<string, object?>
{
    public TemplateData()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>A template that cannot be parsed; the message names the template and the line.</summary>
public sealed class BulletinTemplateException : Exception
{
    public BulletinTemplateException()
    {
    }

    public BulletinTemplateException(string message)
        : base(message)
    {
    }

    public BulletinTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
