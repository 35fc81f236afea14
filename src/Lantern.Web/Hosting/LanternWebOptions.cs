using Lantern.Storage.Abstractions;

namespace Lantern.Web.Hosting;

/// <summary>How to start the web app: where the library lives, where to listen and what to load on first run.</summary>
public sealed record LanternWebOptions
{
    /// <summary>The default address: loopback only, so a local install is not exposed to the network.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The data folder holding the SQLite library, or only the saved codebook when the library is on PostgreSQL (created when missing).</summary>
    public required string DataFolder { get; init; }

    /// <summary>
    /// A PostgreSQL connection string (<c>Host=...;Database=...</c>) to keep the library on a shared server; null reads
    /// the configuration key <c>Lantern:Db</c> (environment <c>Lantern__Db</c>), else SQLite in the data folder.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>Addresses to listen on, separated by ';'. Port 0 picks a free port (tests read the bound address).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Folder of sample documents ingested when the library is empty; null or missing means none.</summary>
    public string? SamplesFolder { get; init; }

    /// <summary>ASP.NET Core environment name; Production unless told otherwise.</summary>
    public string EnvironmentName { get; init; } = "Production";

    /// <summary>Largest upload accepted per file, in bytes (default 20 MiB).</summary>
    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Largest request body, in bytes: room for several files at once (default five times <see cref="MaxUploadBytes"/>).</summary>
    public long MaxRequestBytes => MaxUploadBytes * 5;

    /// <summary>Opens the library in a data folder; null opens the library at the data folder and <see cref="Database"/>.</summary>
    public Func<string, IReviewLibrary>? OpenLibrary { get; init; }

    /// <summary>Where today's date comes from (statutory timelines, due soon/overdue); the system clock unless told otherwise.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Whether the whole site needs a signed-in account (<c>serve --require-sign-in</c>, config <c>Lantern:RequireSignIn</c>).</summary>
    public bool RequireSignIn { get; init; }

    /// <summary>Whether cookies are sent over HTTPS only (<c>serve --secure-cookies</c>); otherwise only when the request was HTTPS.</summary>
    public bool SecureCookies { get; init; }

    /// <summary>Whether to write request logs to the console (off in tests).</summary>
    public bool ConsoleLogging { get; init; } = true;

    /// <summary>
    /// Requests to the teams' feedback form (<c>/feedback/{token}</c>, open without an account) one address may make per
    /// minute; more are answered 429. Default 30: a team fills the form in a few requests, a token-guessing or flooding
    /// client is slowed to a crawl.
    /// </summary>
    public int FeedbackRequestsPerMinute { get; init; } = 30;
}
