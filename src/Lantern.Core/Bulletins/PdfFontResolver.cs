using PdfSharp.Fonts;

namespace Lantern.Core.Bulletins;

/// <summary>
/// Gives PDFsharp the DejaVu Sans regular and bold faces embedded in Lantern.Core, so a PDF can be written on a machine
/// with no fonts installed. Every family name resolves to DejaVu Sans; italic is simulated.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly PdfFontResolver Instance = new();
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Prepares PDFsharp once per process: installs this resolver (another resolver already installed is kept, and
    /// this one becomes the fallback).
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            // PDFsharp is pinned at 6.2.4, the last release under the MIT licence (6.5 moved to the AGPL, which would
            // bind every deployment of Lantern); see Directory.Packages.props.
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance) && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (!Faces.TryGetValue(faceName, out var bytes))
            {
                using var stream = typeof(PdfFontResolver).Assembly.GetManifestResourceStream($"Lantern.Core.Data.Fonts.{faceName}.ttf");
                if (stream is null)
                {
                    return null;
                }

                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
                Faces[faceName] = bytes;
            }

            return bytes;
        }
    }
}
