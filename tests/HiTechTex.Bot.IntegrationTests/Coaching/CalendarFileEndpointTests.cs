using System.Net;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>The calendar file through the real host pipeline (the feature's startup filter maps the route).</summary>
public sealed class CalendarFileEndpointTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task Get_SeededDemoSession_IcsThatParsesBack()
    {
        using var factory = new BotHostFactory(databasePath);
        factory.Settings["Coaching:SeedDemoCatalog"] = "true";
        var client = factory.CreateClient();
        SessionSummary session;
        string link;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            session = (await scope.ServiceProvider.GetRequiredService<CatalogService>().UpcomingAsync(SessionFilter.Any, CancellationToken.None))[0];
            await scope.ServiceProvider.GetRequiredService<BookingService>().RegisterAsync(
                session.Session.Id, new Participant("aad-ics", "Ana Ics", "tenant", null, "a:ics", "en"), CancellationToken.None);
            var registration = await scope.ServiceProvider.GetRequiredService<BotDbContext>().Registrations().SingleAsync(r => r.UserAadObjectId == "aad-ics");
            link = scope.ServiceProvider.GetRequiredService<CalendarLinks>().For(registration)!;
        }

        // Only the signed link of a registration opens the file; the session id alone (in every session card) does not.
        using var unsigned = await client.GetAsync($"/coaching/calendar/{session.Session.Id:D}.ics");
        Assert.Equal(HttpStatusCode.NotFound, unsigned.StatusCode);
        using var response = await client.GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(session.Session.Title, Assert.Single(calendar.Events).Summary);
        Assert.Equal(6, (await ListAsync(factory)).Count);
        using var missing = await client.GetAsync($"/coaching/calendar/{Guid.NewGuid():D}.ics");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private static async Task<IReadOnlyList<SessionSummary>> ListAsync(BotHostFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogService>().UpcomingAsync(SessionFilter.Any, CancellationToken.None);
    }
}
