using System.Text.Json;

namespace Lantern.Storage.Search;

/// <summary>
/// The field's acronyms and synonyms (embedded <c>Search/synonyms.json</c>): each group lists forms that mean the same;
/// a query naming any matchable form is widened to every form of its group.
/// </summary>
internal sealed class SynonymTable
{
    private readonly Dictionary<string, SynonymGroup> _byKey = new(StringComparer.Ordinal);

    public SynonymTable(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var forms in groups)
        {
            var group = new SynonymGroup([.. forms.Select(f => f.Split(" + ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]);
            foreach (var form in forms.Where(f => !f.Contains(" + ", StringComparison.Ordinal)))
            {
                _byKey.TryAdd(Key(form.Split(' ', StringSplitOptions.RemoveEmptyEntries)), group);
            }

            MaxWords = Math.Max(MaxWords, forms.Max(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        }
    }

    /// <summary>The longest matchable form, in words.</summary>
    public int MaxWords { get; }

    public static SynonymTable Default { get; } = LoadDefault();

    /// <summary>The group a run of query words names, if any.</summary>
    public SynonymGroup? Find(IEnumerable<string> words) => _byKey.GetValueOrDefault(Key(words));

    /// <summary>Words compared without case or punctuation, so "Children's" matches "childrens".</summary>
    public static string Key(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => new string([.. w.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)])).Where(w => w.Length > 0));

    private static SynonymTable LoadDefault()
    {
        var assembly = typeof(SynonymTable).Assembly;
        using var stream = assembly.GetManifestResourceStream("Lantern.Storage.Search.synonyms.json")
            ?? throw new InvalidOperationException("the synonyms resource is missing");
        using var json = JsonDocument.Parse(stream);
        var groups = json.RootElement.GetProperty("groups").EnumerateArray()
            .Select(g => (IReadOnlyList<string>)[.. g.EnumerateArray().Select(f => f.GetString() ?? "")])
            .ToList();
        return new SynonymTable(groups);
    }
}

/// <summary>Forms that mean the same; each form is a list of phrases that must all appear (usually just one).</summary>
internal sealed record SynonymGroup(IReadOnlyList<IReadOnlyList<string>> Forms);
