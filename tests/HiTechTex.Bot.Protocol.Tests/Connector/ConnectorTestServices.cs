using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>The real <see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/> graph with test doubles for time, token and store.</summary>
internal static class ConnectorTestServices
{
    public const string AppId = "00000000-0000-0000-0000-0000000000b0";

    public static ServiceProvider Build(
        TimeProvider time,
        IConnectorTokenProvider? tokenProvider = null,
        Action<ConnectorOptions>? configure = null,
        IConversationReferenceStore? store = null,
        BotOptions? botOptions = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(Options.Create(botOptions ?? new BotOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppTenantId = "tenant-1" }));
        if (tokenProvider is not null)
        {
            services.AddSingleton(tokenProvider);
        }

        services.AddSingleton(store ?? new InMemoryConversationReferenceStore());

        services.AddBotConnector(configure);
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
