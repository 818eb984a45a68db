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
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(session.Session.Title, Assert.Single(calendar.Events).Summary);
        Assert.Equal(6, (await ListAsync(factory)).Count);
        using var missing = await client.GetAsync($"/coaching/calendar/{Guid.NewGuid():D}.ics");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Get_RefusedLinks_PageInTheBrowsersLanguageNoInputReflected()
    {
        using var factory = new BotHostFactory(databasePath);
        factory.Settings["Coaching:SeedDemoCatalog"] = "true";
        var client = factory.CreateClient();
        string link;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = (await scope.ServiceProvider.GetRequiredService<CatalogService>().UpcomingAsync(SessionFilter.Any, CancellationToken.None))[0];
            var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
            await booking.RegisterAsync(session.Session.Id, new Participant("aad-gone", "Gil Gone", "tenant", null, "a:gone", "pt"), CancellationToken.None);
            var registration = await scope.ServiceProvider.GetRequiredService<BotDbContext>().Registrations().SingleAsync(r => r.UserAadObjectId == "aad-gone");
            link = new Uri(scope.ServiceProvider.GetRequiredService<CalendarLinks>().For(registration)!).PathAndQuery;
            await booking.CancelAsync(session.Session.Id, "aad-gone", CancellationToken.None);
        }

        // Tampered (one character of the signature changed): "not valid", in the browser's language.
        var signature = link[(link.IndexOf("&s=", StringComparison.Ordinal) + 3)..];
        var tampered = link.Replace("&s=" + signature, "&s=" + (signature[0] == 'A' ? "B" : "A") + signature[1..], StringComparison.Ordinal);
        var (status, page) = await GetPageAsync(client, HttpMethod.Get, tampered + "&x=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "pt-PT,pt;q=0.9");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<html lang=\"pt\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Esta ligação não é válida</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(signature, page, StringComparison.Ordinal);

        // Correctly signed, but the registration was cancelled: still 404, saying why to the one person who has the link.
        (status, page) = await GetPageAsync(client, HttpMethod.Get, link, "it-IT");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>Questo link al calendario non apre più un invito</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VCALENDAR", page, StringComparison.Ordinal);

        // Not a calendar file name at all, with markup in it; no Accept-Language: English.
        (status, page) = await GetPageAsync(client, HttpMethod.Get, "/coaching/calendar/%3Cscript%3Ealert(1)%3C%2Fscript%3E.ics?r=%3Cb%3E", null);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>This link is not valid</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);

        // HEAD: status and headers, no body; another method: 405 with Allow.
        (status, page) = await GetPageAsync(client, HttpMethod.Head, tampered, "cs");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(page);
        using var delete = await client.DeleteAsync(link);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(["GET", "HEAD"], delete.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private static async Task<(HttpStatusCode Status, string Page)> GetPageAsync(HttpClient client, HttpMethod method, string pathAndQuery, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline';", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("Accept-Language", Assert.Single(response.Headers.Vary));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<IReadOnlyList<SessionSummary>> ListAsync(BotHostFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogService>().UpcomingAsync(SessionFilter.Any, CancellationToken.None);
    }
}
