using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>Registers the partner directory, its search index and the start-up index check.</summary>
public static class PartnerSearchExtensions
{
    public static IServiceCollection AddPartnerSearch(this IServiceCollection services)
    {
        services.AddOptions<PartnersOptions>()
            .BindConfiguration(PartnersOptions.SectionName)
            .Validate(o => o.DemoOrganisationCount >= 0, "Partners:DemoOrganisationCount must be zero or more.")
            .ValidateOnStart();
        services.AddSingleton<PartnerSearchIndex>();
        // In memory until the database-backed directory lands; both keep the index consistent on every change.
        services.AddSingleton<IPartnerDirectory>(sp => new InMemoryPartnerDirectory(
            sp.GetRequiredService<PartnerSearchIndex>(),
            PartnerSeedData.Create(sp.GetRequiredService<IOptions<PartnersOptions>>().Value)));
        services.AddHostedService<PartnerIndexStartup>();
        return services;
    }
}
