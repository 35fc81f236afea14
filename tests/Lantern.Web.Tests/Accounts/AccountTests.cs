using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Accounts;
using Lantern.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Accounts;

/// <summary>Sign-in, lockout, tokens, cookies and headers, CSRF and hostile input, against the real app.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class AccountTests(LanternServer server)
{
    private async Task<string> NewUserAsync(string role)
    {
        var name = $"user-{Guid.NewGuid():N}"[..16];
        await using var scope = server.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AccountStore>().AddAsync(name, LanternServer.Password, role, "tests", null)).Succeeded.ShouldBeTrue();
        return name;
    }

    private static async Task<string> TokenFromAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return AntiforgeryToken().Match(html).Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password) =>
        await client.PostAsync("/account/sign-in", Form(("__RequestVerificationToken", await TokenFromAsync(client, "/account/sign-in")), ("UserName", name), ("Password", password)));

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsAStrictHttpOnlyCookie_AndSignsTheEditorIn()
    {
        using var client = server.NewClient(null, cookies: true);
        using var response = await SignInAsync(client, "test-editor", LanternServer.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lantern-auth=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        using var upload = await client.GetAsync("/upload");
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/")).ShouldContain("Sign out");
    }

    [Fact]
    public async Task CookieSession_AccountDisabledOrDemoted_EndsAtTheNextRequest()
    {
        var disabled = await NewUserAsync(LanternRoles.Editor);
        var demoted = await NewUserAsync(LanternRoles.Editor);
        using var first = server.NewClient(null, cookies: true);
        using var second = server.NewClient(null, cookies: true);
        (await SignInAsync(first, disabled, LanternServer.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInAsync(second, demoted, LanternServer.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await first.GetAsync("/upload")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.GetAsync("/upload")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
            (await accounts.SetDisabledAsync(disabled, true, "tests", null)).Succeeded.ShouldBeTrue();
            (await accounts.SetRoleAsync(demoted, LanternRoles.Reader, "tests", null)).Succeeded.ShouldBeTrue();
        }

        using var refused = await first.GetAsync("/upload");
        refused.StatusCode.ShouldBeOneOf([HttpStatusCode.Redirect, HttpStatusCode.Forbidden], "the disabled account's cookie no longer signs it in");
        (await first.GetStringAsync("/")).ShouldNotContain("Sign out");
        (await second.GetAsync("/upload")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the demoted account is a reader from its next request");
        (await second.GetAsync("/search?q=neglect")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WithoutAnAntiforgeryToken_IsRefusedWith400()
    {
        using var client = server.NewClient(null, cookies: true);
        using var response = await client.PostAsync("/account/sign-in", Form(("UserName", "test-editor"), ("Password", LanternServer.Password)));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task EditorForms_WithoutAnAntiforgeryToken_AreRefusedWith400()
    {
        using var response = await server.Client.PostAsync("/reviews/1/actions/new", Form(("text", "Do something")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BruteForce_LocksTheAccountOut_AfterFiveFailures_AndIsAudited()
    {
        var name = await NewUserAsync(LanternRoles.Reader);
        using var client = server.NewClient(null, cookies: true);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(client, name, "not the password " + i);
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var right = await SignInAsync(client, name, LanternServer.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).ShouldContain("locked");

        var library = server.Services.GetRequiredService<IReviewLibrary>();
        var log = await library.GetAuditLogAsync(Viewer.LocalOperator, new AuditQuery { User = name });
        log.Count(e => e.Action == "sign-in-failed").ShouldBeGreaterThanOrEqualTo(4);
        log.ShouldContain(e => e.Action == "sign-in-locked-out" && e.Address == "127.0.0.1");
        log.ShouldNotContain(e => e.Action == "sign-in");
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders()
    {
        using var response = await server.AnonymousClient.GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.Contains("Referrer-Policy").ShouldBeTrue();
    }

    [Fact]
    public async Task AccessToken_OnceRevoked_OrItsAccountDisabled_NoLongerWorks()
    {
        var name = await NewUserAsync(LanternRoles.Editor);
        AccountResult created;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<AccountStore>().CreateTokenAsync(name, "ci", "tests", null);
        }

        using var client = server.NewClient(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);
        (await client.GetAsync("/upload")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
            await accounts.SetDisabledAsync(name, true, "tests", null);
            (await client.GetAsync("/upload")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            await accounts.SetDisabledAsync(name, false, "tests", null);
            (await client.GetAsync("/upload")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var id = (await accounts.ListTokensAsync(name)).Single().Id;
            (await accounts.RevokeTokenAsync(id, "tests", null)).Succeeded.ShouldBeTrue();
        }

        (await client.GetAsync("/upload")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var api = await client.GetAsync("/api/v1/search?q=neglect");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reader_CannotUpload_OrOpenAdminPages()
    {
        using var reader = server.NewClient(LanternRoles.Reader);
        using var upload = await reader.PostAsync("/api/v1/documents", new MultipartFormDataContent { { new ByteArrayContent("Rapid review"u8.ToArray()), "files", "a.txt" } });
        upload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = server.NewClient(null);
        using var redirect = await anonymous.GetAsync("/admin/audit");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Theory]
    [InlineData("' OR 1=1; DROP TABLE reviews; --")]
    [InlineData("\"; DELETE FROM audit_log; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public async Task HostileSearches_AreAnsweredSafely(string query)
    {
        using var page = await server.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        using var api = await server.Client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query));
        ((int)api.StatusCode).ShouldBeLessThan(500);
        (await server.Client.GetAsync("/api/v1/search?q=neglect")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HostileUploadNames_AreMadeSafe_AndShownEncoded()
    {
        var name = $"../../<script>alert(1)</script>{Guid.NewGuid():N}.txt";
        using var upload = await server.Client.PostAsync("/api/v1/documents", new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Rapid review: Child Q\n\nLearning\n- The {Guid.NewGuid():N} protocol was not followed when the family moved.\n")), "files", name },
        });
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var outcome = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement[0];
        var stored = outcome.GetProperty("fileName").GetString()!;
        stored.ShouldNotContain("..");
        stored.ShouldNotContain("/");
        var id = outcome.GetProperty("documentId").GetInt64();
        (await server.Client.GetStringAsync($"/documents/{id}")).ShouldNotContain("<script>alert");
        using var original = await server.Client.GetAsync($"/documents/{id}/original");
        var disposition = original.Content.Headers.ContentDisposition!;
        (disposition.FileNameStar ?? disposition.FileName ?? "").ShouldNotContain("/");
    }

    [Theory]
    [InlineData("/documents/..%2F..%2Fetc%2Fpasswd/original")]
    [InlineData("/api/v1/documents/..%2F..%2Flantern.db/original")]
    [InlineData("/documents/1/original/..%2F..%2F..%2Flantern.db")]
    [InlineData("/vendor/..%2F..%2Flantern.db")]
    public async Task PathTraversal_InDownloadNames_FindsNothing(string path)
    {
        using var response = await server.Client.GetAsync(path);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OversizedUpload_IsRefusedWith413()
    {
        var big = new byte[6 * 1024 * 1024];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(big), "files", "big.txt" } },
        };

        // Expect: 100-continue lets the server refuse before the body is sent, as a browser's would be cut short.
        request.Headers.ExpectContinue = true;
        using var response = await server.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Admin_AddsAUserFromTheUsersPage_WithHostileNameEncoded_AndTheChangeIsAudited()
    {
        using var admin = server.NewClient(LanternRoles.Admin);
        var hostile = $"<b>x{Guid.NewGuid():N}"[..20];
        using var refused = await admin.PostAsync("/admin/users?handler=create", Form(
            ("__RequestVerificationToken", await TokenFromAsync(admin, "/admin/users")), ("name", hostile), ("password", LanternServer.Password), ("role", "editor")));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldNotContain(hostile);

        var name = $"ed-{Guid.NewGuid():N}"[..16];
        using var response = await admin.PostAsync("/admin/users?handler=create", Form(
            ("__RequestVerificationToken", await TokenFromAsync(admin, "/admin/users")), ("name", name), ("password", LanternServer.Password), ("role", "editor")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"Added {name} as editor");

        using var csv = await admin.GetAsync("/admin/audit?format=csv&action=user-add");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldStartWith("id,at,actor,address,action");
        text.ShouldContain("test-admin,127.0.0.1,user-add");
    }

    [Fact]
    public async Task AuditLog_RefusesUpdateAndDelete()
    {
        var library = server.Services.GetRequiredService<IReviewLibrary>();
        await library.AppendAuditAsync("tests", "sign-in", "127.0.0.1", null);
        using System.Data.Common.DbConnection connection = Lantern.Tests.Shared.Database.TestStore.ConnectionStringFor(server.DataFolder) is { } db
            ? new Npgsql.NpgsqlConnection(db)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(server.DataFolder, "lantern.db")}");
        await connection.OpenAsync();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit_log SET actor = 'someone else'";
        Should.Throw<System.Data.Common.DbException>(() => update.ExecuteNonQuery()).Message.ShouldContain("append-only");
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_log";
        Should.Throw<System.Data.Common.DbException>(() => delete.ExecuteNonQuery()).Message.ShouldContain("append-only");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
