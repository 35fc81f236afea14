namespace Lantern.Core.Model;

/// <summary>An extracted value together with the spans of normalised text it was read from.</summary>
public sealed record Evidence<T>(T Value, IReadOnlyList<SourceSpan> Spans)
{
    public Evidence(T value, SourceSpan span) : this(value, [span]) { }
}

/// <summary>One item of a text list (a learning point, an action…) with where it stands in the text.</summary>
/// <param name="Text">The document's own words, list marker and surrounding whitespace removed, whitespace collapsed.</param>
/// <param name="Span">The span of normalised text the item covers.</param>
public sealed record TextItem(string Text, SourceSpan Span);

/// <summary>
/// A label from a controlled vocabulary (a harm type, a risk factor, an agency or a theme)
/// with the sentence spans that triggered it and a confidence score in [0, 1].
/// </summary>
public sealed record CodedLabel(string Code, double Score, IReadOnlyList<SourceSpan> Spans);
