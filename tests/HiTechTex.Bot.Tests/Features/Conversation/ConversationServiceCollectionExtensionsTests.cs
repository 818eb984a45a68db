using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class ConversationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddConversation_NothingRegisteredBefore_UsesMemoryStorageAndKeywordFallback()
    {
        using var provider = Build(_ => { });

        Assert.IsType<MemoryStorage>(provider.GetRequiredService<IStorage>());
        Assert.IsType<KeywordFallbackRecognizer>(provider.GetRequiredService<IIntentRecognizer>());
        using var scope = provider.CreateScope();
        Assert.IsType<HiTechTexBot>(scope.ServiceProvider.GetRequiredService<IBot>());
    }

    [Fact]
    public void AddConversation_StorageAndRecognizerRegisteredBefore_KeepsThem()
    {
        var storage = Mock.Of<IStorage>();
        var recognizer = Mock.Of<IIntentRecognizer>();

        using var provider = Build(services =>
        {
            services.AddSingleton(storage);
            services.AddSingleton(recognizer);
        });

        Assert.Same(storage, provider.GetRequiredService<IStorage>());
        Assert.Same(recognizer, provider.GetRequiredService<IIntentRecognizer>());
    }

    private static ServiceProvider Build(Action<IServiceCollection> before)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        before(services);
        services.AddCardTemplates();
        services.AddConversation();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
