using Microsoft.EntityFrameworkCore;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// EF Core persistence: <c>Database:Provider</c> (<c>Sqlite</c> default, <c>PostgreSql</c>) and
/// <c>ConnectionStrings:Bot</c> (default <c>Data Source=data/hitechtex-bot.db</c> under the content root).
/// Migrations are applied at start-up.
/// </summary>
internal static class PersistenceExtensions
{
    public static WebApplicationBuilder AddBotPersistence(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<BotDatabase>();
        services.AddSingleton(sp => new DatabaseWriteGate(sp.GetRequiredService<BotDatabase>().IsSqlite));

        // Each provider has its own context type (and so its own migration set); BotDbContext is the configured one.
        // The options are built once, at first use, from the resolved settings (so test and environment overrides
        // apply): building them per context cost ~10 % of a turn's CPU under load.
        services.AddSingleton(sp => BuildOptions<SqliteBotDbContext>(sp));
        services.AddSingleton(sp => BuildOptions<PostgreSqlBotDbContext>(sp));
        services.AddScoped<SqliteBotDbContext>();
        services.AddScoped<PostgreSqlBotDbContext>();
        services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<BotDatabase>().IsSqlite
            ? sp.GetRequiredService<SqliteBotDbContext>()
            : sp.GetRequiredService<PostgreSqlBotDbContext>());
        services.AddHostedService<DatabaseMigrator>();
        services.AddScoped<IConversationReferenceStore, EfConversationReferenceStore>();

        // Singletons with a context per call, so singleton ConversationState/UserState can be built over IStorage.
        services.AddSingleton<IStorage, EfStorage>();
        services.AddSingleton<IProcessedActivityStore, EfProcessedActivityStore>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.ReadyTag]);
        return builder;
    }

    private static DbContextOptions<TContext> BuildOptions<TContext>(IServiceProvider services)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        services.GetRequiredService<BotDatabase>().Configure(builder);
        return builder.Options;
    }
}
