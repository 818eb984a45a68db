using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>Registration of the main conversation.</summary>
internal static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bot, its dialogs, the profile and role services. Needs <c>AddCardTemplates()</c>. Uses the
    /// <see cref="IStorage"/> and <see cref="IIntentRecognizer"/> registered before it, else in-memory storage and
    /// the English keyword fallback.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.TryAddSingleton<IStorage, MemoryStorage>();
        services.TryAddSingleton<IIntentRecognizer, KeywordFallbackRecognizer>();
        services.TryAddSingleton<IOrganisationLookup, TypedOrganisationLookup>();
        services.TryAddSingleton<HiTechTex.Bot.Protocol.Dialogs.Prompts.IDateRecognizer, DateTextRecognizer>();   // also AddLanguageUnderstanding's

        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // For protocol code that runs before the turn has a language: a redelivered click's "Already done" (de-duplication).
        services.TryAddSingleton<HiTechTex.Bot.Protocol.Dialogs.IDialogMessages, ClientLocaleDialogMessages>();
        services.AddOptions<RoleOptions>().BindConfiguration(RoleOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoleOptions>, RoleOptionsValidator>());
        services.TryAddSingleton<IRoleService, RoleService>();

        // Per turn (the host resolves IBot in the request scope): the states hold the turn's deferred writes.
        services.AddScoped<ConversationStates>();
        services.AddScoped<ConversationCards>();
        services.AddScoped<ProfileDialog>();
        services.AddScoped<EditProfileDialog>();
        services.AddScoped<IJourney, ProfileJourney>();   // "my profile", "language", the help card's button
        services.AddSingleton<TeamConversations>();
        services.AddScoped<DeleteDataDialog>();
        services.AddScoped<IJourney, DeleteDataJourney>();   // "delete my data"
        services.AddScoped<MainDialog>();
        services.AddScoped<IBot, HiTechTexBot>();
        return services;
    }
}
