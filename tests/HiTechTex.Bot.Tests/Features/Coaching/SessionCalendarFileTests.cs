using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>The .ics of a confirmation, parsed back with Ical.Net.</summary>
public sealed class SessionCalendarFileTests : IDisposable
{
    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Create_ScheduledSession_ParsesBackWithTheSameMeetingData()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft() with { Mode = SessionMode.OnSite, Location = "CITEVE, Famalicão" });

        var calendar = Calendar.Load(SessionCalendarFile.Create(session, CoachingTexts.Resolve("en")))!;

        Assert.Equal("PUBLISH", calendar.Method);
        var parsed = Assert.Single(calendar.Events);
        Assert.Equal($"{session.Id:D}@coaching.hitechtex-bot", parsed.Uid);
        Assert.Equal("Circular economy", parsed.Summary);
        Assert.Equal("Closed loops", parsed.Description);
        Assert.Equal("CITEVE, Famalicão", parsed.Location);
        Assert.Equal(new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), parsed.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc), parsed.DtEnd!.AsUtc);
        Assert.Equal("mailto:organizer@example.org", parsed.Organizer!.Value!.ToString());
        Assert.Equal("CONFIRMED", parsed.Status);
        Assert.Equal(0, parsed.Sequence);
    }

    [Fact]
    public async Task Create_TextWithSeparatorsNewlinesAndLongMultiByteRuns_EscapedFoldedAt75OctetsAndParsedBack()
    {
        var title = "Têxteis, cores; e \"acabamentos\" \\ 2026 — ação €€€ 🧵🧵🧵 " + new string('ç', 40);
        var description = "Linha 1, com vírgula; e ponto e vírgula\nLinha 2: " + string.Concat(Enumerable.Repeat("🧶é€", 30));
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(title: title) with { Mode = SessionMode.OnSite, Location = "Rua 1, 4760; Famalicão", Description = description });

        var text = SessionCalendarFile.Create(session, CoachingTexts.Resolve("en"));

        var lines = text.Split("\r\n");
        Assert.DoesNotContain(lines, l => l.Contains('\n', StringComparison.Ordinal) || System.Text.Encoding.UTF8.GetByteCount(l) > 75);
        Assert.DoesNotContain(lines, l => l.Length > 0 && (char.IsLowSurrogate(l[0]) || char.IsHighSurrogate(l[^1])));
        var served = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));   // as the endpoint writes it
        var parsed = Assert.Single(Calendar.Load(served)!.Events);
        Assert.Equal((session.Title, description, "Rua 1, 4760; Famalicão"), (parsed.Summary, parsed.Description, parsed.Location));
    }

    [Fact]
    public async Task Create_EditedThenCancelled_HigherSequenceAndCancelStatus()
    {
        var session = await host.CreateSessionAsync();
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        var cancelled = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        var calendar = Calendar.Load(SessionCalendarFile.Create(cancelled.Session!, CoachingTexts.Resolve("en")))!;

        Assert.Equal("CANCEL", calendar.Method);
        var parsed = Assert.Single(calendar.Events);
        Assert.Equal(("Renamed", "CANCELLED", 2), (parsed.Summary, parsed.Status, parsed.Sequence));
    }

    [Fact]
    public async Task ServeAsync_SignedLinkOfAConfirmedRegistration_CalendarFileWithDownloadHeaders()
    {
        var session = await host.CreateSessionAsync();
        var registration = await RegisterAsync(session.Id, "aad-1");

        var context = await ServeAsync(await LinkAsync(registration));

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", context.Response.ContentType);
        Assert.Contains("attachment;", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.Equal("Circular economy", Assert.Single(Calendar.Load(Body(context))!.Events).Summary);
    }

    [Fact]
    public async Task ServeAsync_OnlineSessionWithoutMeetingForASpanishParticipant_LocationInSpanish()
    {
        var session = await host.CreateSessionAsync();
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(session.Id, new Participant("aad-es", "Lucía", "tenant", null, "conv-es", "es"), CancellationToken.None));
        var registration = (await host.RegistrationsAsync(session.Id)).Single();

        var context = await ServeAsync(await LinkAsync(registration));

        Assert.Equal("En línea", Assert.Single(Calendar.Load(Body(context))!.Events).Location);
    }

    [Fact]
    public async Task ServeAsync_SessionIdWithoutOrWithAForgedOrBorrowedSignature_NotFound()
    {
        var session = await host.CreateSessionAsync();
        var other = await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Other"));
        var registration = await RegisterAsync(session.Id, "aad-1");
        var link = new Uri(await LinkAsync(registration));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var (r, signature) = (query["r"].ToString(), query["s"].ToString());
        var forged = (signature[0] == 'A' ? "B" : "A") + signature[1..];

        // A session id alone (it is in every session card's data), a forged signature, the signature of one
        // registration with another, and a valid pair moved to another session all open nothing.
        Assert.Equal(404, (await ServeAsync($"https://x/coaching/calendar/{session.Id:D}.ics")).Response.StatusCode);
        Assert.Equal(404, (await ServeAsync($"https://x/coaching/calendar/{session.Id:D}.ics?r={r}&s={forged}")).Response.StatusCode);
        Assert.Equal(404, (await ServeAsync($"https://x/coaching/calendar/{session.Id:D}.ics?r={Guid.NewGuid():N}&s={signature}")).Response.StatusCode);
        Assert.Equal(404, (await ServeAsync($"https://x/coaching/calendar/{other.Id:D}.ics?r={r}&s={signature}")).Response.StatusCode);
        Assert.Equal(200, (await ServeAsync(link.ToString())).Response.StatusCode);
    }

    [Fact]
    public async Task ServeAsync_RegistrationCancelledOrWaitlisted_NotFound_SessionCancelled_NoticeWithoutJoinLink()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().Where(x => x.Id == session.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.JoinUrl, "https://teams.microsoft.com/l/meetup-join/abc")));
        var seated = await RegisterAsync(session.Id, "aad-1");
        var waiting = await RegisterAsync(session.Id, "aad-2");
        var seatedLink = await LinkAsync(seated);
        Assert.Equal("https://teams.microsoft.com/l/meetup-join/abc", Assert.Single(Calendar.Load(Body(await ServeAsync(seatedLink)))!.Events).Url?.ToString());
        Assert.Equal(RegistrationStatus.Waitlisted, waiting.Status);
        Assert.Equal(404, (await ServeAsync(await LinkAsync(waiting))).Response.StatusCode);

        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "aad-1", CancellationToken.None));
        Assert.Equal(404, (await ServeAsync(seatedLink)).Response.StatusCode);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));
        var notice = await ServeAsync(seatedLink);
        Assert.Equal(200, notice.Response.StatusCode);
        var calendar = Calendar.Load(Body(notice))!;
        Assert.Equal("CANCEL", calendar.Method);
        var cancelledEvent = Assert.Single(calendar.Events);
        Assert.Null(cancelledEvent.Url);
        Assert.DoesNotContain("meetup-join", Body(notice), StringComparison.Ordinal);
    }

    private Task<CoachingRegistration> RegisterAsync(Guid sessionId, string user) => host.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<BookingService>().RegisterAsync(sessionId, new Participant(user, "User " + user, "tenant", null, "conv-" + user, "en"), CancellationToken.None);
        return (await host.RegistrationsAsync(sessionId)).Single(r => r.UserAadObjectId == user);
    });

    private Task<string> LinkAsync(CoachingRegistration registration) =>
        host.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<CalendarLinks>().For(registration) ?? throw new InvalidOperationException("no link")));

    private async Task<Microsoft.AspNetCore.Http.DefaultHttpContext> ServeAsync(string link)
    {
        var uri = new Uri(link.Contains("://", StringComparison.Ordinal) ? link : "https://x" + link);
        await using var scope = host.Services.CreateAsyncScope();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = uri.AbsolutePath[(CalendarLinks.PathPrefix.Length - 1)..];
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(uri.Query);
        context.Response.Body = new MemoryStream();
        await CalendarFileEndpoint.ServeAsync(context);
        return context;
    }

    private static string Body(Microsoft.AspNetCore.Http.DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    [Theory]
    [InlineData("/not-a-guid.ics")]
    [InlineData("/7d1c2b0e-0000-4000-8000-000000000000.ics")]
    [InlineData("/7d1c2b0e-0000-4000-8000-000000000000")]
    public async Task ServeAsync_UnknownOrMalformed_NotFound(string path)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = path;

        await CalendarFileEndpoint.ServeAsync(context);

        Assert.Equal(404, context.Response.StatusCode);
    }
}
