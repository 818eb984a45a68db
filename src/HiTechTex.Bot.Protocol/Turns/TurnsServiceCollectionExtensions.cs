using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>DI registration of the turn pipeline.</summary>
public static class TurnsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CloudAdapter"/> (scoped: one per request), the <see cref="ConversationReferenceMiddleware"/>
    /// and the <see cref="IBackgroundTurnQueue"/>. Middleware runs in registration order: register any middleware that
    /// must run outside the conversation-reference one before calling this. The host must also register an
    /// <see cref="IBot"/>, an <c>IBotAuthenticator</c>, an <c>IConnectorClient</c>, an <c>ITrustedServiceUrls</c> and an
    /// <c>IConversationReferenceStore</c>.
    /// </summary>
    public static IServiceCollection AddBotTurns(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CloudAdapterOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversationReferenceCache>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMiddleware, ConversationReferenceMiddleware>());
        services.TryAddScoped<CloudAdapter>();
        services.TryAddSingleton<BackgroundTurnQueue>();
        services.TryAddSingleton<IBackgroundTurnQueue>(sp => sp.GetRequiredService<BackgroundTurnQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurnQueue>());
        return services;
    }
}
