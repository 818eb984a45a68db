using HiTechTex.Bot.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// EF Core persistence: <c>Database:Provider</c> (<c>Sqlite</c> default, <c>PostgreSql</c>) and
/// <c>ConnectionStrings:Bot</c> (default: <c>hitechtex-bot.db</c> in the per-user data folder, see
/// <see cref="BotDatabase"/>). Migrations are applied at start-up.
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
        services.AddHostedService<DatabaseSettingsWarning>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddLinkKeys();

        // The per-turn stores run plain ADO.NET over pooled open connections (a scope + DbContext per call cost more
        // CPU than the SQL); singletons, so singleton ConversationState/UserState can be built over IStorage.
        // Their SQLite writes share transactions (group commit, SqliteGroupCommit) under the process's write gate.
        services.AddSingleton(sp => new SqlSessionPool(sp.GetRequiredService<BotDatabase>(), sp.GetRequiredService<DatabaseWriteGate>()));
        services.AddSingleton<IStorage>(sp => new SqlStorage(sp.GetRequiredService<SqlSessionPool>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqlStorage>>()));
        services.AddSingleton(sp => new SqlConversationReferenceStore(
            sp.GetRequiredService<SqlSessionPool>(), sp.GetRequiredService<ITrustedServiceUrls>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<SqlConversationReferenceStore>());

        // The mark of a conversation's first activity also stores its reference (one write instead of two).
        services.AddSingleton<IProcessedActivityStore>(sp => new SqlProcessedActivityStore(
            sp.GetRequiredService<SqlSessionPool>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SqlConversationReferenceStore>(),
            sp.GetService<ILogger<SqlProcessedActivityStore>>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The keys of the bot's links (<see cref="LinkKeys"/>) over the key stored in the database (<see cref="StoredSigningKey"/>),
    /// loaded at start-up: call after the migrator is registered (hosted services start in order), so the table exists.
    /// </summary>
    internal static IServiceCollection AddLinkKeys(this IServiceCollection services)
    {
        services.AddSingleton<StoredSigningKey>();
        services.AddHostedService(sp => sp.GetRequiredService<StoredSigningKey>());
        services.AddSingleton(sp => new LinkKeys(() => sp.GetRequiredService<StoredSigningKey>().Key));
        return services;
    }

    /// <summary>
    /// The options of a context, built once per host: the provider and the host's <see cref="ILoggerFactory"/>, so EF
    /// Core's warnings and errors (a failed migration, a query warning) reach the host's loggers — the options are not
    /// built by <c>AddDbContext</c>, which would pass them on itself, and without a logger factory EF Core logs nowhere.
    /// Its categories (<c>Microsoft.EntityFrameworkCore</c>) are at Warning in appsettings.json: no SQL at Information
    /// per query. Sensitive-data logging stays off: parameter values are never logged, at any level. A failed command
    /// and a failed SaveChanges are logged at Warning, not EF Core's Error: the features catch the unique-key violation
    /// of a lost insert race between instances (a reminder claim, a seed row, an introduction slot) as the expected
    /// answer, which must not raise an Error with a stack trace; a failure nobody catches is logged at Error by whoever
    /// sees it fail (the turn's error boundary, the background service, the host when a migration fails).
    /// </summary>
    internal static DbContextOptions<TContext> BuildOptions<TContext>(IServiceProvider services)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        services.GetRequiredService<BotDatabase>().Configure(builder);
        builder.UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Warning), (CoreEventId.SaveChangesFailed, LogLevel.Warning)));
        return builder.Options;
    }
}
