using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIntentRecognizer"/>: the Azure OpenAI recognizer (falling back to the local one) when
    /// <c>AzureOpenAI:Endpoint</c>, <c>:Deployment</c> and <c>:ApiKey</c> are set, otherwise the local recognizer; and
    /// the date prompts' reading of month names in the six languages (<see cref="DateTextRecognizer"/>).
    /// </summary>
    public static IServiceCollection AddLanguageUnderstanding(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalIntentRecognizer>();
        services.TryAddSingleton<HiTechTex.Bot.Protocol.Dialogs.Prompts.IDateRecognizer, DateTextRecognizer>();

        var section = configuration.GetSection(AzureOpenAIOptions.SectionName);
        services.AddOptions<AzureOpenAIOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureOpenAIOptions>, AzureOpenAIOptionsValidator>());

        // Which recognizer answers is decided from the options when it is first asked for, not from the configuration as it
        // is while services are registered: a host's later configuration sources (a test host's settings, applied when
        // the host is built) switch it too.
        services.TryAddSingleton<AzureOpenAIIntentRecognizer>();
        services.AddSingleton<IIntentRecognizer>(sp => sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.IsConfigured
            ? sp.GetRequiredService<AzureOpenAIIntentRecognizer>()
            : sp.GetRequiredService<LocalIntentRecognizer>());

        return services;
    }
}
