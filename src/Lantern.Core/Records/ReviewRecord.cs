using System.Text.Json.Serialization;

namespace Lantern.Core.Records;

/// <summary>A document in exactly the shape of the record schema (spec/record-schema.md), without evidence.</summary>
public sealed record DocumentRecord
{
    [JsonPropertyName("document")] public string Document { get; init; } = "";
    [JsonPropertyName("publisher")] public string? Publisher { get; init; }
    [JsonPropertyName("reviews")] public IReadOnlyList<ReviewRecord> Reviews { get; init; } = [];
}

/// <summary>A review in the record schema's shape.</summary>
public sealed record ReviewRecord
{
    [JsonPropertyName("reference")] public string? Reference { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("year")] public int? Year { get; init; }
    [JsonPropertyName("child")] public ChildRecord Child { get; init; } = new();
    [JsonPropertyName("outcome")] public string? Outcome { get; init; }
    [JsonPropertyName("harm")] public IReadOnlyList<string> Harm { get; init; } = [];
    [JsonPropertyName("riskFactors")] public IReadOnlyList<string> RiskFactors { get; init; } = [];
    [JsonPropertyName("agencies")] public IReadOnlyList<string> Agencies { get; init; } = [];
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("learning")] public IReadOnlyList<string> Learning { get; init; } = [];
    [JsonPropertyName("goodPractice")] public IReadOnlyList<string> GoodPractice { get; init; } = [];
    [JsonPropertyName("actions")] public IReadOnlyList<string> Actions { get; init; } = [];
    [JsonPropertyName("panelFeedback")] public IReadOnlyList<string> PanelFeedback { get; init; } = [];
    [JsonPropertyName("themes")] public IReadOnlyList<string> Themes { get; init; } = [];
}

/// <summary>The subject child in the record schema's shape.</summary>
public sealed record ChildRecord
{
    [JsonPropertyName("ageMonths")] public int? AgeMonths { get; init; }
    [JsonPropertyName("ageBand")] public string? AgeBand { get; init; }
    [JsonPropertyName("sex")] public string? Sex { get; init; }
}
