// Parameters are documented where they need more than their name.
#pragma warning disable CS1573

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Lantern.Core.Coding;
using Lantern.Core.Model;

namespace Lantern.Core.Exports.RefiQda;

/// <summary>
/// REFI-QDA exports for NVivo, ATLAS.ti, MAXQDA and QualCoder: a <c>.qdc</c> codebook (the practice themes) and a
/// <c>.qdpx</c> project (a zip of <c>project.qde</c> and <c>sources/&lt;guid&gt;.txt</c>): one TextSource per document
/// (its normalised text), a PlainTextSelection at each theme's evidence span coded with that theme, and one Case per
/// review referring to its selections. Positions count Unicode code points from 0, end exclusive (see README.md).
/// </summary>
public static class RefiQdaExport
{
    private const string Origin = "Lantern";
    private const string AutomaticUser = "Lantern automatic coding";
    private const string ProjectFile = "project.qde";

    /// <summary>The theme codes of <paramref name="codebook"/> (default the built-in one) plus any extra codes used, as a CodeBook document.</summary>
    public static XDocument Codebook(Codebook? codebook = null, IEnumerable<string>? extraCodes = null)
    {
        var ns = RefiQdaSchemas.CodebookNamespace;
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "CodeBook", new XAttribute("origin", Origin), CodesElement(ns, codebook, extraCodes ?? [])));
    }

    /// <summary>Writes the codebook document (.qdc) to <paramref name="output"/>, UTF-8 without a byte-order mark.</summary>
    public static void WriteCodebook(Stream output, Codebook? codebook = null, IEnumerable<string>? extraCodes = null) =>
        Save(Codebook(codebook, extraCodes), output);

    /// <summary>Builds project.qde and the text of each source (file name → text) for the given reviews.</summary>
    /// <param name="exportedAt">The creation time written on the project (from the host's TimeProvider).</param>
    public static (XDocument Project, IReadOnlyDictionary<string, string> Sources) Project(IReadOnlyList<ExportReview> reviews, DateTimeOffset exportedAt, Codebook? codebook = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var ns = RefiQdaSchemas.ProjectNamespace;
        var when = exportedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var user = RefiQdaSchemas.StableGuid("user:" + AutomaticUser);
        var usedCodes = reviews.SelectMany(r => r.Themes).Distinct(StringComparer.Ordinal).ToList();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var textSources = new List<XElement>();
        var cases = new List<XElement>();
        foreach (var document in reviews.GroupBy(r => r.DocumentId))
        {
            var first = document.First();
            var sourceGuid = RefiQdaSchemas.StableGuid($"source:{first.DocumentId}:{first.DocumentName}");
            var text = first.DocumentText;
            var fileName = sourceGuid + ".txt";
            sources[fileName] = text;
            var positions = new CodePointIndex(text);
            var selections = new List<XElement>();
            foreach (var review in document.OrderBy(r => r.Review.Index))
            {
                var selectionGuids = new List<string>();
                var spans = review.Themes.Distinct(StringComparer.Ordinal)
                    .SelectMany(theme => review.EvidenceFor(theme).Select(span => (theme, span)))
                    .Where(x => x.span.End <= text.Length)
                    .GroupBy(x => x.span)
                    .OrderBy(g => g.Key.Start);
                foreach (var group in spans)
                {
                    var span = group.Key;
                    var guid = RefiQdaSchemas.StableGuid($"selection:{review.Id}:{span.Start}:{span.Length}");
                    selectionGuids.Add(guid);
                    selections.Add(new XElement(ns + "PlainTextSelection",
                        new XAttribute("guid", guid),
                        new XAttribute("name", $"{review.Title}: {string.Join(", ", group.Select(x => x.theme))}"),
                        new XAttribute("startPosition", positions.ToCodePoints(span.Start)),
                        new XAttribute("endPosition", positions.ToCodePoints(span.End)),
                        new XAttribute("creatingUser", user),
                        new XAttribute("creationDateTime", when),
                        group.Select(x => new XElement(ns + "Coding",
                            new XAttribute("guid", RefiQdaSchemas.StableGuid($"coding:{guid}:{x.theme}")),
                            new XAttribute("creatingUser", user),
                            new XAttribute("creationDateTime", when),
                            new XElement(ns + "CodeRef", new XAttribute("targetGUID", CodeGuid(x.theme)))))));
                }

                cases.Add(new XElement(ns + "Case",
                    new XAttribute("guid", RefiQdaSchemas.StableGuid($"case:{review.Id}")),
                    new XAttribute("name", review.Title),
                    new XElement(ns + "Description", CaseDescription(review)),
                    new XElement(ns + "SourceRef", new XAttribute("targetGUID", sourceGuid)),
                    selectionGuids.Select(g => new XElement(ns + "SelectionRef", new XAttribute("targetGUID", g)))));
            }

            textSources.Add(new XElement(ns + "TextSource",
                new XAttribute("guid", sourceGuid),
                new XAttribute("name", first.DocumentName),
                new XAttribute("plainTextPath", "internal://" + fileName),
                new XAttribute("creatingUser", user),
                new XAttribute("creationDateTime", when),
                first.Publisher is null ? null : new XElement(ns + "Description", "Published by " + first.Publisher),
                selections));
        }

        var project = new XElement(ns + "Project",
            new XAttribute("name", "Lantern export"),
            new XAttribute("origin", Origin),
            new XAttribute("creatingUserGUID", user),
            new XAttribute("creationDateTime", when),
            new XElement(ns + "Users", new XElement(ns + "User", new XAttribute("guid", user), new XAttribute("name", AutomaticUser))),
            new XElement(ns + "CodeBook", CodesElement(ns, codebook, usedCodes)),
            cases.Count == 0 ? null : new XElement(ns + "Cases", cases),
            textSources.Count == 0 ? null : new XElement(ns + "Sources", textSources),
            new XElement(ns + "Description", $"{reviews.Count} reviews exported from Lantern, coded against the practice-theme codebook."));
        return (new XDocument(new XDeclaration("1.0", "utf-8", null), project), sources);
    }

    /// <summary>Writes a .qdpx archive (project.qde and sources/) for the reviews to <paramref name="output"/> (left open).</summary>
    public static void WriteProject(IReadOnlyList<ExportReview> reviews, DateTimeOffset exportedAt, Stream output, Codebook? codebook = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (project, sources) = Project(reviews, exportedAt, codebook);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // Entries carry the export's own time (from the caller's clock), never the machine's wall clock.
        ZipArchiveEntry Entry(string name)
        {
            var entry = zip.CreateEntry(name);
            entry.LastWriteTime = exportedAt;
            return entry;
        }

        using (var entry = Entry(ProjectFile).Open())
        {
            Save(project, entry);
        }

        foreach (var (name, text) in sources)
        {
            using var entry = Entry("sources/" + name).Open();
            using var writer = new StreamWriter(entry, new UTF8Encoding(false));
            writer.Write(text);
        }
    }

    /// <summary>The GUID of a theme code, the same in the .qdc and the .qdpx.</summary>
    public static string CodeGuid(string code) => RefiQdaSchemas.StableGuid("code:" + code);

    private static XElement CodesElement(XNamespace ns, Codebook? codebook, IEnumerable<string> extraCodes)
    {
        codebook ??= Coding.Codebook.BuiltIn;
        var known = codebook.Codes.Select(c => (c.Code, c.Label, c.Definition)).ToList();
        var extras = extraCodes.Where(c => codebook.Find(c) is null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => (Code: c, Label: c, Definition: "A local theme, not in the built-in codebook."));
        var codes = known.Concat(extras).Select(c => new XElement(ns + "Code",
            new XAttribute("guid", CodeGuid(c.Code)),
            new XAttribute("name", c.Code),
            new XAttribute("isCodable", "true"),
            new XElement(ns + "Description", $"{c.Label}: {c.Definition}")));
        return new XElement(ns + "Codes",
            new XElement(ns + "Code",
                new XAttribute("guid", RefiQdaSchemas.StableGuid("code-group:themes")),
                new XAttribute("name", "Practice themes"),
                new XAttribute("isCodable", "false"),
                new XElement(ns + "Description", $"{codebook.Name} (version {codebook.Version})"),
                codes));
    }

    private static string CaseDescription(ExportReview review)
    {
        var r = review.Review;
        var parts = new[]
        {
            r.Type?.Value, r.Year?.Value.ToString(CultureInfo.InvariantCulture), review.Publisher,
            r.Child.AgeBand?.Value is { } band ? "age " + band : null, r.Outcome?.Value,
        };
        return string.Join("; ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private static void Save(XDocument document, Stream output)
    {
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        document.Save(writer);
    }

    /// <summary>Maps UTF-16 offsets to code point offsets (a surrogate pair is one code point).</summary>
    private sealed class CodePointIndex(string text)
    {
        private readonly int[] _prefix = Build(text);

        public int ToCodePoints(int utf16Offset) => _prefix[Math.Clamp(utf16Offset, 0, _prefix.Length - 1)];

        private static int[] Build(string text)
        {
            var prefix = new int[text.Length + 1];
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                prefix[i] = count;
                if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                {
                    count++;
                }
            }

            prefix[text.Length] = count;
            return prefix;
        }
    }
}
