using HiTechTex.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>
/// Boots the real host in memory: the given environment, the top-level appsettings files (content root = the
/// build output, as in production), a SQLite file of the test's own, and a fake connector.
/// </summary>
internal sealed class BotHostFactory(string databasePath, string environment = "Development") : WebApplicationFactory<Program>
{
    public FakeConnectorClient Connector { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public Dictionary<string, string?> Settings { get; } = [];

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>False to keep the real connector client (HTTP to the activity's serviceUrl).</summary>
    public bool UseFakeConnector { get; init; } = true;

    /// <summary>
    /// The exception a host fails to start with, or null when it starts. A host whose start-up throws can surface in
    /// <see cref="WebApplicationFactory{TEntryPoint}"/> as an <see cref="ObjectDisposedException"/> of the service
    /// provider instead (a race in its deferred host: the entry point disposed the host first, dotnet/aspnetcore#33494);
    /// that says nothing about our start-up, so the start is tried again with a fresh factory, up to five times.
    /// </summary>
    public static Exception? StartupFailure(Func<BotHostFactory> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        for (var attempt = 1; ; attempt++)
        {
            using var factory = create();
            try
            {
                factory.CreateClient().Dispose();
                return null;
            }
            catch (ObjectDisposedException) when (FailureTheHostLogged(factory) is { } logged)
            {
                return logged;
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
            }
            catch (Exception exception)
            {
                return exception;
            }
        }
    }

    /// <summary>
    /// The exception the host itself logged when its start failed ("Hosting failed to start"), or null. The host logs it
    /// before the entry point disposes it, so it is there even when the race above hid it behind an
    /// <see cref="ObjectDisposedException"/> — under load that race was lost five times running.
    /// </summary>
    private static Exception? FailureTheHostLogged(BotHostFactory factory) =>
        factory.Logs.Entries.FirstOrDefault(entry =>
            entry.Category == "Microsoft.Extensions.Hosting.Internal.Host"
            && entry.Level >= LogLevel.Error
            && entry.Exception is { } exception && exception is not ObjectDisposedException)?.Exception;

    /// <summary>A new SQLite file path in the temp folder.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"hitechtex-bot-test-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a test database (and SQLite's side files).</summary>
    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            // Settings win, so a test can point the host at another database (e.g. PostgreSQL).
            // No typing activities unless a test asks: a slow first turn (JIT, migrations) would add one to what a
            // test counts as sent. ShowTypingMiddlewareTests and the endpoint test below cover them.
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = $"Data Source={databasePath}", ["ShowTyping:Enabled"] = "false" };
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }

            configuration.AddInMemoryCollection(settings);
        });
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            if (UseFakeConnector)
            {
                services.AddSingleton<IConnectorClient>(Connector);
            }

            ConfigureServices?.Invoke(services);
        });
    }
}
