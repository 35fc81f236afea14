using Lantern.Storage.Abstractions;
using Lantern.Web.Accounts;
using Lantern.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;

namespace Lantern.Web.Tests.Support;

/// <summary>
/// The real app on a free loopback port over a library in a fresh temporary data folder, with the repository's
/// sample corpus loaded on start exactly as <c>lantern serve</c> does on first run.
/// </summary>
public sealed class LanternServer : IAsyncLifetime
{
    private readonly Func<string, IReviewLibrary>? _openLibrary;
    private WebApplication? _app;

    public LanternServer() : this(null) { }

    internal LanternServer(Func<string, IReviewLibrary>? openLibrary) => _openLibrary = openLibrary;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "lantern-web-tests-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client signed in as an editor (by access token): sees restricted material, uploads, codes.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client that is not signed in.</summary>
    public HttpClient AnonymousClient { get; private set; } = null!;

    /// <summary>Access tokens of the test accounts, by role (reader, editor, admin).</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; private set; } = new Dictionary<string, string>();

    /// <summary>The password of every test account (test-reader, test-editor, test-admin).</summary>
    public const string Password = "correct horse battery staple";

    public string EditorToken => Tokens[LanternRoles.Editor];

    public bool RequireSignIn { get; init; }

    /// <summary>A client with the given role's access token, or none for null (anonymous).</summary>
    public HttpClient NewClient(string? role, bool cookies = true)
    {
        var handler = new HttpClientHandler { UseCookies = cookies, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens[role]);
        }

        return client;
    }

    public IServiceProvider Services => _app!.Services;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Lantern.slnx not found above the test binaries");
        }
    }

    public async Task InitializeAsync()
    {
        _app = LanternWebApp.Create(new LanternWebOptions
        {
            DataFolder = DataFolder,
            Database = Lantern.Tests.Shared.Database.TestStore.ConnectionStringFor(DataFolder),
            Urls = "http://127.0.0.1:0",
            SamplesFolder = Path.Combine(RepositoryRoot, "samples"),
            ConsoleLogging = false,
            MaxUploadBytes = 1024 * 1024,
            OpenLibrary = _openLibrary ?? TestLibrary.Open,
            RequireSignIn = RequireSignIn,
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        var tokens = new Dictionary<string, string>();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
            foreach (var role in LanternRoles.All)
            {
                // A data folder copied from another test server already has the accounts.
                if ((await accounts.ListAsync()).All(u => u.UserName != "test-" + role))
                {
                    (await accounts.AddAsync("test-" + role, Password, role, "tests", null)).Succeeded.ShouldBeTrue();
                }

                tokens[role] = (await accounts.CreateTokenAsync("test-" + role, "tests", "tests", null)).Token!;
            }
        }

        Tokens = tokens;
        Client = new HttpClient(new BearerHandler(EditorToken)) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        AnonymousClient = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        AnonymousClient?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Lantern.Tests.Shared.Database.TestStore.Release(DataFolder);

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>
/// Sends an access token with every request, following redirects itself: HttpClient drops the Authorization header
/// on a redirect, which would turn the editor into an anonymous visitor after every form post.
/// </summary>
internal sealed class BearerHandler(string token) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        for (var hops = 0; hops < 5 && (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location; hops++)
        {
            var next = new HttpRequestMessage(
                (int)response.StatusCode is 307 or 308 ? request.Method : HttpMethod.Get,
                location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location));
            next.Headers.Authorization = request.Headers.Authorization;
            response.Dispose();
            response = await base.SendAsync(next, cancellationToken);
        }

        return response;
    }
}
