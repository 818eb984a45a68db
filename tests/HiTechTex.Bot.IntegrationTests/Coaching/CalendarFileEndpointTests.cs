using System.Net;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Support;
using Ical.Net;
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
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            session = (await scope.ServiceProvider.GetRequiredService<CatalogService>().UpcomingAsync(SessionFilter.Any, CancellationToken.None))[0];
        }

        using var response = await client.GetAsync($"/coaching/calendar/{session.Session.Id:D}.ics");

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
