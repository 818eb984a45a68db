using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

public sealed class ConnectorServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddBotConnector_HostRegistersStore_ResolvesEveryServiceWithSharedSingletons()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new BotOptions()));
        services.AddScoped<IConversationReferenceStore, InMemoryConversationReferenceStore>();

        services.AddBotConnector(o => o.MaxRetries = 5);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        Assert.IsType<ConnectorClient>(provider.GetRequiredService<IConnectorClient>());
        Assert.IsType<MsalConnectorTokenProvider>(provider.GetRequiredService<IConnectorTokenProvider>());
        Assert.IsType<ProactiveMessenger>(scope.ServiceProvider.GetRequiredService<IProactiveMessenger>());
        Assert.Same(provider.GetRequiredService<ITrustedServiceUrls>(), provider.GetRequiredService<ITrustedServiceUrls>());
        Assert.Same(provider.GetRequiredService<SendThrottle>(), provider.GetRequiredService<SendThrottle>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(5, provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.MaxRetries);
        Assert.NotNull(provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient.HttpClientName));
    }
}
