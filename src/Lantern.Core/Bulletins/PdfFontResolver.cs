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
    private static bool _licenceChosen;
    private static readonly Dictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Prepares PDFsharp once per process: chooses its licence and installs this resolver (another resolver already
    /// installed is kept, and this one becomes the fallback).
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            // PDFsharp 6.5 refuses to write until a licence is chosen: AGPL for open-source use, or a commercial key.
            // Lantern is open source, so it takes the AGPL option.
            if (!_licenceChosen)
            {
                PdfSharp.PdfSharpLicense.SetAgplLicense();
                _licenceChosen = true;
            }

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
