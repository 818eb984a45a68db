using HiTechTex.Bot.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Tests.Language;

public sealed class LanguageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLanguageUnderstanding_NoAzureOpenAISettings_UsesLocalRecognizer()
    {
        using var provider = Build([]);

        Assert.IsType<LocalIntentRecognizer>(provider.GetRequiredService<IIntentRecognizer>());
    }

    [Fact]
    public void AddLanguageUnderstanding_PartialAzureOpenAISettings_UsesLocalRecognizer()
    {
        using var provider = Build(new() { ["AzureOpenAI:Endpoint"] = "https://x.openai.azure.com/", ["AzureOpenAI:Deployment"] = "d" });

        Assert.IsType<LocalIntentRecognizer>(provider.GetRequiredService<IIntentRecognizer>());
    }

    [Fact]
    public void AddLanguageUnderstanding_AzureOpenAIConfigured_UsesAzureRecognizer()
    {
        using var provider = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = "https://x.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ApiKey"] = "key",
        });

        Assert.IsType<AzureOpenAIIntentRecognizer>(provider.GetRequiredService<IIntentRecognizer>());
        Assert.Equal(5, provider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.TimeoutSeconds);
    }

    /// <summary>
    /// Settings that arrive after the services are registered (a host's later configuration sources, as a test host's
    /// settings are) still switch the recognizer: it was chosen from the configuration as it was at registration.
    /// </summary>
    [Fact]
    public void AddLanguageUnderstanding_AzureOpenAIConfiguredAfterRegistration_UsesAzureRecognizer()
    {
        var configuration = new ConfigurationManager();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLanguageUnderstanding(configuration);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = "https://x.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ApiKey"] = "key",
        });

        using var provider = services.BuildServiceProvider();

        Assert.IsType<AzureOpenAIIntentRecognizer>(provider.GetRequiredService<IIntentRecognizer>());
    }

    [Theory]
    [InlineData("not a uri", "3", "AzureOpenAI:Endpoint")]
    [InlineData("/relative/path", "3", "AzureOpenAI:Endpoint")]
    [InlineData("http://x.openai.azure.com/", "3", "AzureOpenAI:Endpoint")]   // the api-key header would cross the network in clear
    [InlineData("ftp://x.openai.azure.com/", "3", "AzureOpenAI:Endpoint")]
    [InlineData("https://x.openai.azure.com/", "0", "AzureOpenAI:TimeoutSeconds")]
    public void AddLanguageUnderstanding_InvalidSettings_FailValidationNamingTheKey(string endpoint, string timeout, string key)
    {
        using var provider = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = endpoint,
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ApiKey"] = "key",
            ["AzureOpenAI:TimeoutSeconds"] = timeout,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value);
        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLanguageUnderstanding_LoopbackHttpEndpoint_IsAccepted()
    {
        using var provider = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = "http://127.0.0.1:5005/",
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ApiKey"] = "key",
        });

        Assert.Equal("http://127.0.0.1:5005/", provider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.Endpoint);
    }

    [Fact]
    public void AddLanguageUnderstanding_KeyPastedAsTheEndpoint_IsNotEchoedInTheFailure()
    {
        const string Key = "3f9a1c0e5b7d4e2f8a6c9b1d0e4f7a2c";
        using var provider = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = Key,
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ApiKey"] = Key,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value);
        Assert.Contains("AzureOpenAI:Endpoint", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLanguageUnderstanding(configuration);
        return services.BuildServiceProvider();
    }
}
