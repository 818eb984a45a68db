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

    public void Dispose()
    {
        Services.Dispose();
        DisposeDatabase();
        GC.SuppressFinalize(this);
    }

    private protected abstract void DisposeDatabase();
}
