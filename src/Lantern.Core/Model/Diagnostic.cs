namespace Lantern.Core.Model;

public enum DiagnosticSeverity { Info, Warning, Error }

/// <summary>
/// Something the pipeline noticed about its input. Malformed text never throws: it becomes a diagnostic.
/// An <see cref="DiagnosticSeverity.Error"/> means the document could not be read at all.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceSpan? Span = null)
{
    public static Diagnostic Error(string code, string message) => new(DiagnosticSeverity.Error, code, message);
    public static Diagnostic Warning(string code, string message, SourceSpan? span = null) => new(DiagnosticSeverity.Warning, code, message, span);
    public static Diagnostic Info(string code, string message, SourceSpan? span = null) => new(DiagnosticSeverity.Info, code, message, span);
}
