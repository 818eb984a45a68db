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

        // Options are built from the resolved settings at first use, so test and environment overrides apply.
        services.AddDbContext<BotDbContext>((sp, options) => sp.GetRequiredService<BotDatabase>().Configure(options));
        services.AddHostedService<DatabaseMigrator>();
        services.AddScoped<IConversationReferenceStore, EfConversationReferenceStore>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.ReadyTag]);
        return builder;
    }
}
