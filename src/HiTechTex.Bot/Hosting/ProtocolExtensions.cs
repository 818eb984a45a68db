using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Protocol.Authentication;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Observability;
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
            .Validate(o => o.MaxActivityBytes is >= MinActivityBytes and <= MaxActivityBytes, $"Messaging:MaxActivityBytes must be between {MinActivityBytes} and {MaxActivityBytes}.")
            .ValidateOnStart();

        services.AddBotFrameworkAuthentication();   // IBotAuthenticator: JWT validation (spec §2)
        services.AddBotConnector();                 // IConnectorClient, ITrustedServiceUrls, IProactiveMessenger (spec §3)
        services.AddCardTemplates();                // cards/*.json templates and the renderer
        return builder;
    }
}
