using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Protocol.Authentication;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Observability;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Turns;
using IMiddleware = HiTechTex.Bot.Protocol.Turns.IMiddleware;

namespace HiTechTex.Bot.Hosting;

/// <summary>The Teams / Bot Framework protocol: turn pipeline, authentication, connector.</summary>
internal static class ProtocolExtensions
{
    // Below 16 KB an ordinary Teams message with a few entities would be refused; above Kestrel's default 30 MB the
    // server refuses first anyway.
    private const long MinActivityBytes = 16 * 1024;
    private const long MaxActivityBytes = 30_000_000;

    public static WebApplicationBuilder AddBotProtocol(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Middleware runs in registration order: telemetry first, so its span covers the whole turn.
        services.AddSingleton<IMiddleware, TurnTelemetryMiddleware>();
        services.AddSingleton<IMiddleware, ActivityDeduplicationMiddleware>();   // Teams redeliveries run the bot once
        services.AddSingleton<IMiddleware, ConversationSerializationMiddleware>(); // one turn at a time per conversation
        services.AddSingleton<IMiddleware, ShowTypingMiddleware>();               // "typing…" while a message takes long
        services.AddOptions<ShowTypingOptions>()
            .BindConfiguration("ShowTyping")
            .Validate(o => o.Delay >= TimeSpan.Zero && o.Period >= TimeSpan.FromSeconds(1), "ShowTyping:Delay must not be negative and ShowTyping:Period must be at least one second.")
            .ValidateOnStart();
        services.AddBotTurns();
        services.AddOptions<CloudAdapterOptions>()
            .BindConfiguration("Messaging")
            // The bot's own settings as configured, not IOptions<BotOptions>: its validation failing at start-up is reported once, by itself.
            .PostConfigure<IConfiguration>((o, configuration) => o.AllowedTenantIds = AllowedTenants(o.AllowedTenantIds, configuration.Get<BotOptions>() ?? new BotOptions()))
            .Validate(o => o.MaxActivityBytes is >= MinActivityBytes and <= MaxActivityBytes, $"Messaging:MaxActivityBytes must be between {MinActivityBytes} and {MaxActivityBytes}.")
            .Validate(o => o.AllowedTenantIds.All(t => Guid.TryParse(t, out _)), $"Messaging:AllowedTenantIds must be tenant ids (GUIDs), or \"{AnyTenant}\" alone for every tenant.")
            .ValidateOnStart();

        services.AddBotFrameworkAuthentication();   // IBotAuthenticator: JWT validation (spec §2)
        services.AddBotConnector();                 // IConnectorClient, ITrustedServiceUrls, IProactiveMessenger (spec §3)
        services.AddCardTemplates();                // cards/*.json templates and the renderer
        return builder;
    }

    /// <summary>The <c>Messaging:AllowedTenantIds</c> entry that lets every tenant's activities in.</summary>
    internal const string AnyTenant = "*";

    /// <summary>
    /// The tenants whose activities the bot takes (<see cref="CloudAdapterOptions.AllowedTenantIds"/>): those configured;
    /// none configured, the bot's own (<c>MicrosoftAppTenantId</c>) for a single-tenant bot with an app id — a partner's
    /// people are guests of it, so their chats are its chats — and every tenant otherwise (a multi-tenant bot, local
    /// runs without an app id). <see cref="AnyTenant"/> alone: every tenant.
    /// </summary>
    internal static List<string> AllowedTenants(IEnumerable<string> configured, BotOptions bot)
    {
        // Compared as text with the activity's tenant id, which Teams sends as Entra writes it: "{…}" or 32 digits would
        // never match (every activity refused), so each GUID is written that way here.
        var tenants = configured.Select(t => t.Trim()).Where(t => t.Length > 0).Select(EntraForm).ToList();
        if (tenants is [AnyTenant])
        {
            return [];
        }

        return tenants.Count == 0
            && bot.IsAuthenticationConfigured
            && string.Equals(bot.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase)
            // An id that is no GUID is the bot settings' own start-up failure (MicrosoftAppTenantId), not said twice.
            && Guid.TryParse(bot.MicrosoftAppTenantId, out _)
            ? [EntraForm(bot.MicrosoftAppTenantId!)]
            : tenants;
    }

    /// <summary>A GUID as Entra writes it (8-4-4-4-12, lower case); anything else as it is (the validation names it).</summary>
    private static string EntraForm(string id) => Guid.TryParse(id, out var guid) ? guid.ToString("D") : id;
}
