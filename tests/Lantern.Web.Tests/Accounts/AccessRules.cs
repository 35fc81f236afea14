namespace Lantern.Web.Tests.Accounts;

/// <summary>Who may use a route: anyone (public material only for anonymous and readers), editors, admins, or it is about signing in.</summary>
public enum Access
{
    /// <summary>Everyone; restricted material only for editors and admins.</summary>
    Public,

    /// <summary>Editors and admins; anonymous visitors and readers are refused.</summary>
    Editor,

    /// <summary>Admins only.</summary>
    Admin,

    /// <summary>No account: whoever holds the link's secret token (a team's feedback form); shows nothing else.</summary>
    Link,

    /// <summary>Sign-in, sign-out, health, the OpenAPI document, the error page: no library material.</summary>
    Infrastructure,
}

/// <summary>A route's rule: its access and the GET requests to try ({doc}, {review}, {activity} and {period} are filled in by the matrix).</summary>
public sealed record AccessRule(Access Access, params string[] Requests);

/// <summary>
/// The expected access of every route in the app's route table. A route the app has but this table lacks fails
/// <see cref="AuthorisationMatrixTests.EveryRoute_HasARule"/>: a new page or endpoint must say who may use it.
/// </summary>
public static class AccessRules
{
    public static readonly IReadOnlyDictionary<string, AccessRule> ByRoute = new Dictionary<string, AccessRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = new(Access.Public, "/"),
        ["/search"] = new(Access.Public, "/search", "/search?q=neglect", "/search?q=information+sharing", "/search?q=zephyrquill", "/search?q=LCSPR-ZQ-4471", "/search?q=marrowvale"),
        ["/documents"] = new(Access.Public, "/documents"),
        ["/documents/{id:long}"] = new(Access.Public, "/documents/{doc}"),
        ["/documents/{id:long}/original"] = new(Access.Public, "/documents/{doc}/original"),
        ["/reviews/{id:long}"] = new(Access.Public, "/reviews/{review}"),
        ["/reviews/{id:long}/bulletin"] = new(Access.Public, "/reviews/{review}/bulletin?format=md", "/reviews/{review}/bulletin?format=html"),
        ["/reviews/{id:long}/dates"] = new(Access.Public, "/reviews/{review}/dates"),
        ["/reviews/{id:long}/actions/new"] = new(Access.Editor, "/reviews/{review}/actions/new"),
        ["/reviews/{id:long}/track-actions"] = new(Access.Editor),
        ["/themes"] = new(Access.Public, "/themes"),
        ["/themes/{code}/resources"] = new(Access.Public, "/themes/information-sharing/resources", "/themes/neglect/resources"),
        ["/themes/{code}/briefing"] = new(Access.Public, "/themes/information-sharing/briefing?format=md", "/themes/neglect/briefing?format=md"),
        ["/analysis"] = new(Access.Public, "/analysis"),
        ["/analysis/co-occurrence"] = new(Access.Public, "/analysis/co-occurrence"),
        ["/analysis/recurring"] = new(Access.Public, "/analysis/recurring"),
        ["/analysis/trends"] = new(Access.Public, "/analysis/trends"),
        ["/actions"] = new(Access.Public, "/actions", "/actions?handler=csv"),
        ["/actions/{id:long}"] = new(Access.Public, "/actions/1"),
        ["/codebook"] = new(Access.Public, "/codebook"),
        ["/timeline"] = new(Access.Public, "/timeline"),
        ["/activities"] = new(Access.Public, "/activities", "/activities?{period}", "/activities?handler=csv"),
        ["/activities/{id:long}"] = new(Access.Public, "/activities/{activity}"),
        ["/report"] = new(Access.Public, "/report", "/report?{period}", "/report?handler=download&format=md&{period}", "/report?handler=download&format=html&{period}"),
        ["/feedback/{token}"] = new(Access.Link, "/feedback/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        ["/upload"] = new(Access.Editor, "/upload"),
        ["/admin/users"] = new(Access.Admin, "/admin/users"),
        ["/admin/tokens"] = new(Access.Admin, "/admin/tokens"),
        ["/admin/audit"] = new(Access.Admin, "/admin/audit", "/admin/audit?format=csv"),
        ["/account/sign-in"] = new(Access.Infrastructure, "/account/sign-in"),
        ["/account/sign-out"] = new(Access.Infrastructure, "/account/sign-out"),
        ["/error"] = new(Access.Infrastructure),
        ["/healthz"] = new(Access.Infrastructure, "/healthz"),
        ["/openapi/{documentName}.json"] = new(Access.Infrastructure, "/openapi/v1.json"),
        ["/api/v1/search"] = new(Access.Public, "/api/v1/search?q=neglect", "/api/v1/search?q=zephyrquill", "/api/v1/search?q=LCSPR-ZQ-4471", "/api/v1/search"),
        ["/api/v1/reviews/{id:long}"] = new(Access.Public, "/api/v1/reviews/{review}"),
        ["/api/v1/documents/"] = new(Access.Public, "/api/v1/documents/", "/api/v1/documents/?take=200"),
        ["/api/v1/documents/{id:long}"] = new(Access.Public, "/api/v1/documents/{doc}"),
        ["/api/v1/documents/{id:long}/original"] = new(Access.Public, "/api/v1/documents/{doc}/original"),
        ["/api/v1/themes"] = new(Access.Public, "/api/v1/themes"),
        ["/api/v1/analysis/recurring"] = new(Access.Public, "/api/v1/analysis/recurring"),
        ["/api/v1/analysis/trends"] = new(Access.Public, "/api/v1/analysis/trends"),
        ["/api/v1/analysis/co-occurrence"] = new(Access.Public, "/api/v1/analysis/co-occurrence"),
        ["/api/v1/analysis/profile"] = new(Access.Public, "/api/v1/analysis/profile"),
        ["/api/v1/analysis/export/{format}"] = new(Access.Public, "/api/v1/analysis/export/json", "/api/v1/analysis/export/csv", "/api/v1/analysis/export/qdc"),
        ["/api/v1/activities"] = new(Access.Public, "/api/v1/activities", "/api/v1/activities?{period}"),
        ["/api/v1/activities/{id:long}"] = new(Access.Public, "/api/v1/activities/{activity}"),
        ["/api/v1/activities/{id:long}/feedback.csv"] = new(Access.Public, "/api/v1/activities/{activity}/feedback.csv"),
        ["/api/v1/report"] = new(Access.Public, "/api/v1/report", "/api/v1/report?{period}"),
    };
}
