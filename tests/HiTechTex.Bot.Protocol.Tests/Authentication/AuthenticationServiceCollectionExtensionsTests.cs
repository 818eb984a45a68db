using HiTechTex.Bot.Protocol.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Protocol.Tests.Authentication;

public sealed class AuthenticationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotFrameworkAuthentication_DefaultServices_RegistersSingletonAuthenticatorAndSystemClock()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<BotOptions>().Configure(o => o.MicrosoftAppId = "app-id");

        services.AddBotFrameworkAuthentication();
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<IBotAuthenticator>();
        Assert.IsType<BotFrameworkAuthenticator>(first);
        Assert.Same(first, provider.GetRequiredService<IBotAuthenticator>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddBotFrameworkAuthentication_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(fake);
        services.AddOptions<BotOptions>();

        services.AddBotFrameworkAuthentication();
        using var provider = services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<BotFrameworkAuthenticator>(provider.GetRequiredService<IBotAuthenticator>());
    }
}
