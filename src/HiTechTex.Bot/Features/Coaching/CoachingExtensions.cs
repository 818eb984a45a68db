using HiTechTex.Bot.Features.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Registration of the coaching feature: catalog, booking journey, calendar sync, reminders.</summary>
internal static class CoachingExtensions
{
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        services.AddOptions<CoachingOptions>().BindConfiguration(CoachingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoachingOptions>, CoachingOptionsValidator>());
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<CatalogService>();
        services.AddScoped<BookingService>();
        services.AddSingleton<CalendarLinks>();
        services.AddScoped<CoachingCards>();
        services.AddScoped<CoachingDialog>();
        services.AddScoped<IJourney, CoachingJourney>();
        services.AddScoped<IOrganizerSchedule, CatalogOrganizerSchedule>();
        services.AddHostedService<CoachingCatalogSeeder>();
        return services;
    }
}
