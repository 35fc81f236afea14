namespace Lantern.Bench.Harness;

/// <summary>
/// One query of the fixed mix: how a user types it into Lantern, and the ripgrep patterns that find the same
/// words by a linear scan (case-insensitive; several patterns are OR-ed, as a scan cannot rank or intersect).
/// </summary>
internal sealed record MixQuery(string Kind, string Query, string[] RgPatterns, bool FixedStrings);

internal static class QueryMix
{
    public static readonly MixQuery[] All =
    [
        new("word", "neglect", ["neglect"], true),
        new("word", "bruising", ["bruising"], true),
        new("word", "supervision", ["supervision"], true),
        new("word", "housing", ["housing"], true),
        new("phrase", "\"information sharing\"", ["information sharing"], true),
        new("phrase", "\"disguised compliance\"", ["disguised compliance"], true),
        new("phrase", "\"was not brought\"", ["was not brought"], true),
        new("prefix", "escalat*", [@"\bescalat\w*"], false),
        new("prefix", "exploit*", [@"\bexploit\w*"], false),
        new("prefix", "curio*", [@"\bcurio\w*"], false),
        new("boolean", "neglect AND housing", ["neglect", "housing"], true),
        new("boolean", "\"safer sleep\" OR co-sleeping", ["safer sleep", "co-sleeping"], true),
        new("boolean", "strategy NOT police", ["strategy"], true),
        new("synonym", "DA", [@"\bDA\b", "domestic abuse"], false),
        new("synonym", "CSE", [@"\bCSE\b", "sexual exploitation"], false),
        new("synonym", "MASH", [@"\bMASH\b", "multi-agency safeguarding hub"], false),
        new("synonym", "SUDI", [@"\bSUDI\b", "sudden unexpected death"], false),
        new("synonym", "\"toxic trio\"", ["toxic trio", "domestic abuse", "mental health", "substance misuse"], true),
    ];
}
