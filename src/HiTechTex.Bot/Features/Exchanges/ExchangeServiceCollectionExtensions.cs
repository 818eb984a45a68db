using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Registration of the ClusterXchange feature (section <c>Exchanges</c>). Needs persistence, the proactive messenger, cards and the conversation.</summary>
internal static class ExchangeServiceCollectionExtensions
{
    public static IServiceCollection AddExchanges(this IServiceCollection services)
    {
        services.AddOptions<ExchangeOptions>().BindConfiguration(ExchangeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExchangeOptions>, ExchangeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Until the partners feature registers its database-backed directory (AddPartners): the six partners in memory.
        // TryAdd, so the directory registered by the partners feature wins when its line comes first.
        services.TryAddSingleton<IPartnerDirectory>(sp => new InMemoryPartnerDirectory(
            new PartnerSearchIndex(path: null, sp.GetRequiredService<ILogger<PartnerSearchIndex>>()), HiTechTexPartners.All));

        services.AddSingleton<ExchangeClock>();
        services.AddSingleton<ExchangeEligibility>();
        services.AddScoped<ExchangeApprovers>();
        services.AddScoped<ExchangeStore>();
        services.AddScoped<IPersonalRecords, ExchangePersonalRecords>();   // "delete my data" keeps the chat's address while applications need it
        services.AddScoped<ExchangeViews>();
        services.AddScoped<ExchangeCards>();
        services.AddScoped<ExchangeNotifier>();
        services.TryAddScoped<RecipientLanguages>();
        services.AddScoped<ExchangeWorkflow>();
        services.AddScoped<ExchangeReports>();
        services.AddSingleton<ExchangeExportLinks>();
        services.AddTransient<IStartupFilter, ExchangeExportEndpoint>();
        services.AddScoped<ExchangeFollowUp>();
        services.AddScoped<ExchangeStuckApplications>();
        services.AddScoped<IEndedFormResponder, ExchangeSavedForms>();
        services.AddScoped<ExchangeApplicationDrafts>();
        services.AddScoped<ExchangeApplicantName>();
        services.AddScoped<ExchangeStepByStepDialog>();
        services.AddScoped<ExchangeApplyDialog>();
        services.AddScoped<ExchangeTrackingDialog>();
        services.AddScoped<IJourney, ExchangeApplyJourney>();
        services.AddScoped<IJourney, ExchangeStepByStepJourney>();
        services.AddScoped<IJourney, ExchangeTrackingJourney>();
        services.AddScoped<ICardActionHandler, ExchangeCardActionHandler>();
        services.AddHostedService<ExchangeFollowUpService>();
        return services;
    }
}
