using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Lantern.Core.Exports.RefiQda;

/// <summary>The REFI-QDA namespaces, the embedded schemas, validation, and stable GUIDs for exported elements.</summary>
public static class RefiQdaSchemas
{
    public static readonly XNamespace ProjectNamespace = "urn:QDA-XML:project:1.0";
    public static readonly XNamespace CodebookNamespace = "urn:QDA-XML:codebook:1.0";

    private static readonly Lazy<XmlSchemaSet> ProjectSet = new(() => Load("Project.xsd"));
    private static readonly Lazy<XmlSchemaSet> CodebookSet = new(() => Load("Codebook.xsd"));

    /// <summary>Schema errors of a project document (project.qde) against Project.xsd; empty when valid.</summary>
    public static IReadOnlyList<string> ValidateProject(XDocument document) => Validate(document, ProjectSet.Value);

    /// <summary>Schema errors of a codebook document (.qdc) against Codebook.xsd; empty when valid.</summary>
    public static IReadOnlyList<string> ValidateCodebook(XDocument document) => Validate(document, CodebookSet.Value);

    /// <summary>
    /// A GUID that depends only on <paramref name="key"/> (first 16 bytes of its SHA-256, marked as a version-5-style
    /// name-based UUID), so exporting the same library twice gives the same GUIDs.
    /// </summary>
    public static string StableGuid(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D").ToUpperInvariant();
    }

    private static List<string> Validate(XDocument document, XmlSchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    private static XmlSchemaSet Load(string name)
    {
        using var stream = typeof(RefiQdaSchemas).Assembly.GetManifestResourceStream("Lantern.Core.Exports.RefiQda." + name)
            ?? throw new InvalidOperationException($"embedded schema {name} is missing");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
