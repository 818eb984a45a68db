using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>
/// EF Core logs through the host's loggers (its options are built by hand, not by AddDbContext), at Warning by default,
/// and never with the values of the parameters.
/// </summary>
public sealed class EfCoreLoggingTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task Query_FirstWithoutOrderBy_EfCoreWarningReachesTheHostsLoggers()
    {
        using var factory = new BotHostFactory(databasePath, environment: "Production");
        factory.CreateClient().Dispose();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();

        // A shape of its own (the anonymous type), so no other test has compiled it: EF Core warns when it compiles.
        _ = await db.Sessions().Select(s => new { s.Id, s.Trainer, Probe = nameof(EfCoreLoggingTests) }).FirstOrDefaultAsync();

        var warning = Assert.Single(factory.Logs.Entries, e => e.EventId == CoreEventId.FirstWithoutOrderByAndFilterWarning.Id);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("Microsoft.EntityFrameworkCore.Query", warning.Category);

        // Warning by default (appsettings.json): no SQL per query at Information or below.
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
    }

    [Fact]
    public async Task Commands_EfCoreCategoriesAtDebug_SqlLoggedParameterValuesNever()
    {
        using var factory = new BotHostFactory(databasePath);
        factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug";
        factory.CreateClient().Dispose();
        var title = $"title-{Guid.NewGuid():N}";
        var description = $"description-{Guid.NewGuid():N}";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            _ = await db.Sessions().Where(s => s.Title == title).ToListAsync();
            _ = await db.Sessions().Where(s => s.Title == title).ExecuteUpdateAsync(u => u.SetProperty(s => s.Description, description));
        }

        var commands = factory.Logs.Entries.Where(e => e.EventId == RelationalEventId.CommandExecuted.Id).Select(e => e.Message).ToList();
        Assert.Contains(commands, m => m.Contains("\"Title\" = @", StringComparison.Ordinal) && m.Contains("='?'", StringComparison.Ordinal));
        Assert.Contains(commands, m => m.Contains("UPDATE \"CoachingSessions\"", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(title, StringComparison.Ordinal) || e.Message.Contains(description, StringComparison.Ordinal));

        // No switch turns it on: the options the host builds have it off.
        var options = factory.Services.GetRequiredService<DbContextOptions<SqliteBotDbContext>>().FindExtension<CoreOptionsExtension>()!;
        Assert.False(options.IsSensitiveDataLoggingEnabled);
        Assert.Same(factory.Services.GetRequiredService<ILoggerFactory>(), options.LoggerFactory);
    }

    [Fact]
    public async Task SaveChanges_LostInsertRaceTheCodeCatches_LoggedAsWarningNotErrorWithoutValues()
    {
        using var factory = new BotHostFactory(databasePath, environment: "Production");
        factory.CreateClient().Dispose();
        var name = $"race-{Guid.NewGuid():N}";
        var caught = 0;

        // Two instances inserting the same key: the second loses, as the features expect (and catch).
        for (var instance = 0; instance < 2; instance++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.Set<SigningKeyEntity>().Add(new SigningKeyEntity { Name = name, Key = [1, 2, 3] });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                caught++;
            }
        }

        Assert.Equal(1, caught);
        var ef = factory.Logs.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        Assert.Contains(ef, e => e.EventId == RelationalEventId.CommandError.Id && e.Level == LogLevel.Warning && e.Message.Contains("INSERT INTO \"SigningKeys\"", StringComparison.Ordinal));
        Assert.Contains(ef, e => e.EventId == CoreEventId.SaveChangesFailed.Id && e.Level == LogLevel.Warning && e.Exception is DbUpdateException);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(name, StringComparison.Ordinal));
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
