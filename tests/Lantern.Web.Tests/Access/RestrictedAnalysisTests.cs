using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Access;

/// <summary>Recurring learning and exports cover only what the viewer may see: restricted learning never reaches a reader.</summary>
[Collection(ServerCollection.Name)]
public sealed class RestrictedAnalysisTests(LanternServer server)
{
    private const string Marker = "wombatquandary";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool anonymous, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        // Anonymous: a client without an access token (the host name no longer decides who is signed in).
        return await (anonymous ? server.AnonymousClient : server.Client).SendAsync(request);
    }

    private async Task<string> GetStringAsync(string path, bool anonymous)
    {
        using var response = await SendAsync(HttpMethod.Get, path, anonymous);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }

    // The documents are longer than 100 bytes because other tests of the shared server open the newest document.
    [Fact]
    public async Task RestrictedRecurringLearning_IsGroupedForTheEditor_AndNeverShownOrExportedToAReader()
    {
        foreach (var learning in new[] { $"The {Marker} protocol was not followed when the family moved house.", $"Follow the {Marker} protocol whenever a family moves house." })
        {
            using var upload = await SendAsync(HttpMethod.Post, "/api/v1/documents?restricted=true", anonymous: false, new MultipartFormDataContent
            {
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Rapid review: Child W\n\nSummary\nA restricted review that checks recurring learning and exports respect what each viewer may see.\n\nLearning\n- {learning}\n")), "files", $"restricted-{Guid.NewGuid():N}.txt" },
            });
            JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement[0].GetProperty("status").GetString().ShouldBe("Added");
        }

        var editor = await GetStringAsync($"/api/v1/analysis/recurring?q={Marker}", anonymous: false);
        using (var doc = JsonDocument.Parse(editor))
        {
            var group = doc.RootElement.GetProperty("groups").EnumerateArray().ShouldHaveSingleItem();
            group.GetProperty("reviewIds").GetArrayLength().ShouldBe(2);
        }

        (await GetStringAsync("/api/v1/analysis/recurring", anonymous: true)).ShouldNotContain(Marker, Case.Insensitive);
        (await GetStringAsync("/analysis/recurring", anonymous: true)).ShouldNotContain(Marker, Case.Insensitive);
        using (var filtered = JsonDocument.Parse(await GetStringAsync($"/api/v1/analysis/recurring?q={Marker}", anonymous: true)))
        {
            filtered.RootElement.GetProperty("reviewCount").GetInt32().ShouldBe(0);
        }

        (await GetStringAsync("/api/v1/analysis/export/json", anonymous: true)).ShouldNotContain(Marker, Case.Insensitive);
        using var csv = await SendAsync(HttpMethod.Get, "/api/v1/analysis/export/csv", anonymous: true);
        using var zip = new ZipArchive(await csv.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            (await reader.ReadToEndAsync()).ShouldNotContain(Marker, Case.Insensitive, entry.FullName);
        }
    }
}
