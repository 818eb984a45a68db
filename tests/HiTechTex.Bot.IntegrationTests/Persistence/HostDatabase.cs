using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>
/// The database behind a test class's hosts: a SQLite file, or a database of its own (<c>htt_test_&lt;guid&gt;</c>,
/// empty, dropped on dispose) on the PostgreSQL server named by <c>HTT_TEST_POSTGRES</c>. Every host created with
/// <see cref="CreateHost"/> uses the same database, so state survives from one host to the next.
/// </summary>
public abstract class HostDatabase : IDisposable
{
    private protected HostDatabase()
    {
    }

    /// <summary>The EF Core provider the host must end up using.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Set when this provider cannot be tested here; the tests then report themselves skipped.</summary>
    public string? SkipReason { get; private protected init; }

    internal BotHostFactory CreateHost(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var factory = new BotHostFactory(SqlitePath) { ConfigureServices = configureServices };
        foreach (var (key, value) in Settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    public void Dispose()
    {
        DisposeDatabase();
        GC.SuppressFinalize(this);
    }

    private protected string SqlitePath { get; } = BotHostFactory.NewDatabasePath();

    private protected Dictionary<string, string?> Settings { get; } = [];

    private protected abstract void DisposeDatabase();
}
