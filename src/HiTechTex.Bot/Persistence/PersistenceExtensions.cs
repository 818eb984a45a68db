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

        // Options are built from the resolved settings at first use, so test and environment overrides apply. Each
        // provider has its own context type (and so its own migration set); BotDbContext is the configured one.
        services.AddDbContext<SqliteBotDbContext>((sp, options) => sp.GetRequiredService<BotDatabase>().Configure(options));
        services.AddDbContext<PostgreSqlBotDbContext>((sp, options) => sp.GetRequiredService<BotDatabase>().Configure(options));
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
}
