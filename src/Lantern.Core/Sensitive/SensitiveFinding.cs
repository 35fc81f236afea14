using Lantern.Core.Model;

namespace Lantern.Core.Sensitive;

/// <summary>What kind of personal data a finding looks like.</summary>
public enum SensitiveKind
{
    /// <summary>A real-looking personal name next to a family word ("mother, Sarah Jones"), not a pseudonym ("Child A").</summary>
    FamilyName,

    /// <summary>A date of birth: "DOB", "date of birth" or "born on" followed by a date.</summary>
    DateOfBirth,

    /// <summary>A full UK postcode ("LS1 4AP").</summary>
    Postcode,

    /// <summary>A street address: a house number, a name and Road/Street/Lane/….</summary>
    StreetAddress,

    /// <summary>A UK telephone number (national or +44 form).</summary>
    PhoneNumber,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>Ten digits that pass the NHS number's modulus-11 check digit.</summary>
    NhsNumber,
}

/// <summary>One piece of text that looks like personal data: its kind and where it is in the normalised text.</summary>
public sealed record SensitiveFinding(SensitiveKind Kind, SourceSpan Span)
{
    /// <summary>The stable lower-case name of a kind, as stored and printed ("family-name", "nhs-number").</summary>
    public static string KindName(SensitiveKind kind) => kind switch
    {
        SensitiveKind.FamilyName => "family-name",
        SensitiveKind.DateOfBirth => "date-of-birth",
        SensitiveKind.Postcode => "postcode",
        SensitiveKind.StreetAddress => "street-address",
        SensitiveKind.PhoneNumber => "phone-number",
        SensitiveKind.Email => "email",
        SensitiveKind.NhsNumber => "nhs-number",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind a stored name stands for; null for an unknown name.</summary>
    public static SensitiveKind? ParseKind(string name) =>
        Enum.GetValues<SensitiveKind>().Select(k => (SensitiveKind?)k).FirstOrDefault(k => KindName(k!.Value) == name);

    /// <summary>A label for people: "family name", "NHS number".</summary>
    public static string KindLabel(SensitiveKind kind) => kind switch
    {
        SensitiveKind.NhsNumber => "NHS number",
        SensitiveKind.Email => "e-mail address",
        _ => KindName(kind).Replace('-', ' '),
    };
}
