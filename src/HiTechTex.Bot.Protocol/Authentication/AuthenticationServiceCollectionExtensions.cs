using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>Registers inbound Bot Framework authentication.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BotFrameworkAuthenticator"/> as the singleton <see cref="IBotAuthenticator"/> (it caches
    /// the OpenID metadata), and <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered.
    /// <see cref="BotOptions"/> must be configured elsewhere (<c>services.AddOptions&lt;BotOptions&gt;()…</c>).
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBotAuthenticator, BotFrameworkAuthenticator>();
        return services;
    }
}
