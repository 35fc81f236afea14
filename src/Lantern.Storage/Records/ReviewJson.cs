using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Core.Model;

namespace Lantern.Storage.Records;

/// <summary>
/// Serialises a Core <see cref="Review"/> with all its evidence for the <c>reviews.record_json</c> column, and reads it back.
/// </summary>
public static class ReviewJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new EvidenceConverterFactory(), new SourceSpanConverter() },
    };

    public static string Serialize(Review review) => JsonSerializer.Serialize(review, Options);

    /// <exception cref="JsonException">The text is not a stored review.</exception>
    public static Review Deserialize(string json) =>
        JsonSerializer.Deserialize<Review>(json, Options) ?? throw new JsonException("the stored review is null");

    public static string SerializeSpans(IReadOnlyList<SourceSpan> spans) => JsonSerializer.Serialize(spans, Options);

    public static string SerializeDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => JsonSerializer.Serialize(diagnostics, Options);

    private sealed class SourceSpanConverter : JsonConverter<SourceSpan>
    {
        public override SourceSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            int start = 0, length = 0;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("a span is an object");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (string.Equals(name, "start", StringComparison.OrdinalIgnoreCase))
                {
                    start = reader.GetInt32();
                }
                else if (string.Equals(name, "length", StringComparison.OrdinalIgnoreCase))
                {
                    length = reader.GetInt32();
                }
                else
                {
                    reader.Skip();
                }
            }

            return new SourceSpan(start, length);
        }

        public override void Write(Utf8JsonWriter writer, SourceSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", value.Start);
            writer.WriteNumber("length", value.Length);
            writer.WriteEndObject();
        }
    }

    private sealed class EvidenceConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Evidence<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EvidenceConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    // Evidence<T> has two constructors, which System.Text.Json cannot choose between.
    private sealed class EvidenceConverter<T> : JsonConverter<Evidence<T>>
    {
        public override Evidence<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            var shape = JsonSerializer.Deserialize<EvidenceShape>(ref reader, options) ?? throw new JsonException("evidence is null");
            return new Evidence<T>(shape.Value is null ? default! : shape.Value.Value.Deserialize<T>(options)!, shape.Spans ?? []);
        }

        public override void Write(Utf8JsonWriter writer, Evidence<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value.Value, options);
            writer.WritePropertyName("spans");
            JsonSerializer.Serialize(writer, value.Spans, options);
            writer.WriteEndObject();
        }
    }

    private sealed record EvidenceShape(JsonElement? Value, IReadOnlyList<SourceSpan>? Spans);
}
