using HiTechTex.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>
/// A migrated database of one provider, shared by one test class, with a service provider that resolves
/// <see cref="BotDbContext"/> the way the host does. <see cref="SkipReason"/> is set when the provider is not
/// available here; the tests then report themselves skipped.
/// </summary>
public abstract class DatabaseFixture : IDisposable
{
    internal string? SkipReason { get; init; }

    internal ServiceProvider Services { get; private protected set; } = new ServiceCollection().BuildServiceProvider();

    internal IServiceScopeFactory ScopeFactory => Services.GetRequiredService<IServiceScopeFactory>();

    /// <summary>The connections the per-turn stores use, as in the host (one pool per process).</summary>
    internal SqlSessionPool Pool => pool ??= CreatePool();

    private readonly List<SqlSessionPool> pools = [];
    private SqlSessionPool? pool;

    /// <summary>Connections of their own, as another bot instance would have; disposed with the fixture.</summary>
    internal SqlSessionPool CreatePool()
    {
        var created = NewPool();
        lock (pools)
        {
            pools.Add(created);
        }

        return created;
    }

    private protected abstract SqlSessionPool NewPool();

    public void Dispose()
    {
        foreach (var created in pools)
        {
            created.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Services.Dispose();
        DisposeDatabase();
        GC.SuppressFinalize(this);
    }

    private protected abstract void DisposeDatabase();
}
