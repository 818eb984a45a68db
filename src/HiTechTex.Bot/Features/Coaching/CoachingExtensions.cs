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
        services.AddScoped<IPersonalRecords, CoachingPersonalRecords>();   // "delete my data" keeps the chat's address while registrations need it
        services.AddSingleton<BookingThrottle>();
        services.AddSingleton<CalendarLinks>();
        services.AddScoped<CoachingCards>();
        services.AddScoped<CoachingDialog>();
        services.AddScoped<IJourney, CoachingJourney>();
        services.AddScoped<ITimeZoneListener, CoachingTimeZoneListener>();
        services.AddScoped<CoachingNotifier>();
        services.TryAddScoped<RecipientLanguages>();

        // Graph (spec §8): the gateway is built on first use only, so a host without the Graph section never
        // touches it; the organizer's schedule falls back to the catalog.
        services.AddHttpClient(GraphTokenProvider.HttpClientName);

        // No HttpClient timeout: the outbox's per-call timeout runs on the TimeProvider (testable, restart-safe).
        // No request logging: the factory's logs every URI at Information, and Graph's name the organizer's mailbox
        // (/users/{mailbox}/events); the outbox logs each call's failure itself.
        services.AddHttpClient(GraphCalendarGateway.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<GraphTokenProvider>();
        services.AddSingleton<ICalendarGateway, GraphCalendarGateway>();
        services.AddScoped<IOrganizerSchedule>(sp => sp.GetRequiredService<IOptions<GraphOptions>>().Value.IsConfigured
            ? new GraphOrganizerSchedule(sp.GetRequiredService<ICalendarGateway>())
            : new CatalogOrganizerSchedule(sp.GetRequiredService<CatalogService>()));
        services.AddSingleton<CoachingOutboxProcessor>();
        services.AddHostedService<CoachingOutboxService>();
        services.AddTransient<IStartupFilter, CalendarFileEndpoint>();
        services.AddSingleton<CoachingReminderProcessor>();
        services.AddHostedService<CoachingReminderService>();
        services.AddHostedService<CoachingCatalogSeeder>();
        return services;
    }
}
