namespace Lantern.Core.Bulletins;

/// <summary>The two layouts shipped with Lantern.</summary>
public enum BulletinLayout
{
    /// <summary>A learning bulletin: summary, key learning, good practice, actions taken, questions, more information.</summary>
    Bulletin,

    /// <summary>A seven-minute briefing: seven short numbered sections to read out at a team meeting.</summary>
    SevenMinute,
}

/// <summary>Loads the built-in templates (embedded Markdown in Data/Templates) or an editor's own from a file.</summary>
public static class BulletinTemplates
{
    /// <summary>The built-in template for <paramref name="layout"/>; parsed once and cached.</summary>
    public static BulletinTemplate BuiltIn(BulletinLayout layout) => layout switch
    {
        BulletinLayout.SevenMinute => SevenMinute.Value,
        _ => Bulletin.Value,
    };

    /// <summary>The text of a built-in template, to copy and edit.</summary>
    public static string BuiltInText(BulletinLayout layout) => Read(FileName(layout));

    /// <summary>Reads and parses a template file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="BulletinTemplateException">The template is malformed.</exception>
    public static BulletinTemplate FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > BulletinTemplate.MaxLength * 4L)
        {
            throw new BulletinTemplateException($"{info.Name}: the template is larger than {BulletinTemplate.MaxLength:N0} characters");
        }

        return BulletinTemplate.Parse(File.ReadAllText(path), info.Name);
    }

    private static readonly Lazy<BulletinTemplate> Bulletin = new(() => BulletinTemplate.Parse(Read(FileName(BulletinLayout.Bulletin)), FileName(BulletinLayout.Bulletin)));
    private static readonly Lazy<BulletinTemplate> SevenMinute = new(() => BulletinTemplate.Parse(Read(FileName(BulletinLayout.SevenMinute)), FileName(BulletinLayout.SevenMinute)));

    private static string FileName(BulletinLayout layout) => layout == BulletinLayout.SevenMinute ? "seven-minute-briefing.md" : "bulletin.md";

    private static string Read(string fileName)
    {
        var name = "Lantern.Core.Data.Templates." + fileName;
        using var stream = typeof(BulletinTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded template {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
