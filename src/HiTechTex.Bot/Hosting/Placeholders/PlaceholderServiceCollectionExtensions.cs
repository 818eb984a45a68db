using HiTechTex.Bot.Protocol.Authentication;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiTechTex.Bot.Hosting.Placeholders;

/// <summary>
/// TEMPORARY: registers fail-closed stand-ins for the protocol services built on other branches. TryAdd, so a real
/// implementation registered first wins. Delete this folder once <c>AddBotFrameworkAuthentication()</c> and
/// <c>AddBotConnector()</c> are merged.
/// </summary>
internal static class PlaceholderServiceCollectionExtensions
{
    public static IServiceCollection AddTemporaryProtocolPlaceholders(this IServiceCollection services)
    {
        services.TryAddSingleton<IBotAuthenticator, PlaceholderBotAuthenticator>();
        services.TryAddSingleton<IConnectorClient, PlaceholderConnectorClient>();
        services.TryAddSingleton<ITrustedServiceUrls, PlaceholderTrustedServiceUrls>();
        return services;
    }
}
