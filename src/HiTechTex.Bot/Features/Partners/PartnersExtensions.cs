using HiTechTex.Bot.Features.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>Registers the find-partners feature on the bot's database: directory, index, journey, introductions, message extension.</summary>
internal static class PartnersExtensions
{
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.AddOptions<PartnersOptions>()
            .BindConfiguration(PartnersOptions.SectionName)
            .Validate(o => o.DemoOrganisationCount >= 0, "Partners:DemoOrganisationCount must be zero or more.")
            .Validate(o => o.IndexSyncInterval > TimeSpan.Zero, "Partners:IndexSyncInterval must be positive (e.g. 00:00:10).")
            .Validate(o => o.DailyIntroductionLimit >= 0, "Partners:DailyIntroductionLimit must be zero or more.")
            .Validate(o => o.PageSize is >= 1 and <= 10, "Partners:PageSize must be between 1 and 10.")
            .Validate(o => o.IntroductionExpiryDays is >= 1 and <= 365, "Partners:IntroductionExpiryDays must be between 1 and 365 (days).")
            .Validate(o => o.IntroductionExpirySweepInterval > TimeSpan.Zero, "Partners:IntroductionExpirySweepInterval must be positive (e.g. 00:30:00).")
            .ValidateOnStart();
        services.AddSingleton<PartnerSearchIndex>();
        services.AddSingleton<EfPartnerDirectory>();
        services.AddSingleton<IPartnerDirectory>(sp => sp.GetRequiredService<EfPartnerDirectory>());
        services.AddSingleton<PartnerDirectoryReadiness>();
        services.AddHostedService<PartnerDirectoryStartup>();
        services.Replace(ServiceDescriptor.Singleton<IOrganisationLookup, DirectoryOrganisationLookup>());   // the profile's organisation question
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<PartnerCards>();
        services.AddScoped<IntroductionService>();
        services.AddScoped<IPersonalRecords, IntroductionPersonalRecords>();   // "delete my data" keeps the chat's address while requests wait
        services.AddScoped<IPersonalRecords, IntroductionAddresseeRecords>();  // … while requests sent to them wait for their answer
        services.AddScoped<IPersonalRecords, DirectoryContactRecords>();       // … while they are a partner's Teams contact
        services.AddHostedService<IntroductionExpiryService>();
        services.TryAddScoped<RecipientLanguages>();
        services.AddScoped<PartnerMemberEditor>();
        services.AddScoped<FindPartnersDialog>();
        services.AddScoped<IJourney, FindPartnersJourney>();
        services.AddScoped<ICardActionHandler, IntroductionCardActionHandler>();
        services.AddScoped<IComposeExtensionHandler, PartnerSearchComposeExtension>();
        return services;
    }
}
