using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Client;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>Registration of the outbound connector (spec §3).</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/>, <see cref="IProactiveMessenger"/> (scoped), the MSAL token provider,
    /// <see cref="ITrustedServiceUrls"/> and <see cref="SendThrottle"/> (singletons), the named HttpClients
    /// <see cref="ConnectorClient.HttpClientName"/> and <c>BotConnectorToken</c>, and <see cref="TimeProvider.System"/>
    /// unless one is registered. <see cref="BotOptions"/> and <c>IConversationReferenceStore</c> come from the host.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, Action<ConnectorOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<ConnectorOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddOptions<BotOptions>();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ConnectorClient.HttpClientName);
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.TryAddSingleton<ITrustedServiceUrls, TrustedServiceUrls>();
        services.TryAddSingleton<SendThrottle>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.TryAddScoped<IProactiveMessenger, ProactiveMessenger>();
        return services;
    }
}
