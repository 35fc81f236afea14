using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.Publisher;

/// <summary>
/// Finds the board or partnership that published the document, as the text names it: a full name ("X Safeguarding
/// Children Partnership", "X LSCB", "X County Council") standing near the top, else the full name the text uses most,
/// else the acronym the text uses for itself (<c>NSCB</c>). Null when the text names none. The national Panel is never
/// the publisher.
/// </summary>
public sealed partial class PublisherExtractor : IDocumentExtractor
{
    /// <summary>How far into the text (in characters) a name counts as standing at the top. Default 400.</summary>
    public int TopLength { get; init; } = 400;

    /// <inheritdoc />
    public DocumentExtraction Extract(DocumentContext context, DocumentExtraction document)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        var text = context.Text;
        var names = FullName().Matches(text).Where(m => !Excluded(m.Value)).ToList();
        var top = names.FirstOrDefault(m => m.Index < TopLength);
        var chosen = top ?? names
            .GroupBy(m => m.Value.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().Index)
            .Select(g => g.First())
            .FirstOrDefault();
        if (chosen is null)
        {
            var councils = Council().Matches(text).ToList();
            chosen = councils.FirstOrDefault(m => m.Index < TopLength) ?? councils.FirstOrDefault();
        }

        if (chosen is null)
        {
            chosen = Acronym().Matches(text)
                .GroupBy(m => m.Value, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.First().Index)
                .Select(g => g.First())
                .FirstOrDefault();
        }

        if (chosen is null)
        {
            return document;
        }

        var value = Regex.Replace(chosen.Value.Trim(), @"\s+", " ");
        var start = chosen.Index;
        // "The LSCB should…": the article is not part of the name.
        if (value.StartsWith("The ", StringComparison.OrdinalIgnoreCase) && value.Length > 4)
        {
            value = value[4..];
            start += chosen.Value.IndexOf(value[0], 3);
        }

        return document with { Publisher = new Evidence<string>(value, new SourceSpan(start, value.Length)) };
    }

    private static bool Excluded(string name) => name.Contains("Panel", StringComparison.OrdinalIgnoreCase);

    // Capitalised place words (joined by "and", "&", "of", "the") ahead of the body's kind.
    [GeneratedRegex(@"\b(?:(?:[A-Z][\w'’.-]+|City of|of|and|&) ){0,5}?[A-Z][\w'’.-]+ (?:(?i:Safeguarding (?:Children|Childrens|Children's) (?:Partnership|Board)|Local Safeguarding Children(?:'s)? (?:Board|Partnership)|Safeguarding Partnership|Children(?:'s)? Safeguarding (?:Partnership|Board)|Safeguarding Board)|LSCB|LSCP|SCP|SCB)\b(?![sS])")]
    private static partial Regex FullName();

    [GeneratedRegex(@"\b(?:[A-Z][\w'’.-]+ (?:and |& )?){1,4}(?:County|City|Borough|District|Metropolitan Borough)? ?Council\b")]
    private static partial Regex Council();

    [GeneratedRegex(@"\b[A-Z]{0,5}(?:LSCB|SCB|SCP|SCPB|LSCP|SCPP|SCCP)\b")]
    private static partial Regex Acronym();
}
