using HiTechTex.Bot.Features.Coaching;
using Ical.Net;
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

        var calendar = Calendar.Load(SessionCalendarFile.Create(session))!;

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
    public async Task Create_EditedThenCancelled_HigherSequenceAndCancelStatus()
    {
        var session = await host.CreateSessionAsync();
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        var cancelled = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        var calendar = Calendar.Load(SessionCalendarFile.Create(cancelled!))!;

        Assert.Equal("CANCEL", calendar.Method);
        var parsed = Assert.Single(calendar.Events);
        Assert.Equal(("Renamed", "CANCELLED", 2), (parsed.Summary, parsed.Status, parsed.Sequence));
    }

    [Fact]
    public async Task ServeAsync_KnownSession_CalendarFileWithDownloadHeaders()
    {
        var session = await host.CreateSessionAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = $"/{session.Id:D}.ics";
        context.Response.Body = new MemoryStream();

        await CalendarFileEndpoint.ServeAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", context.Response.ContentType);
        Assert.Contains("attachment;", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        var calendar = Calendar.Load(await new StreamReader(context.Response.Body).ReadToEndAsync())!;
        Assert.Equal("Circular economy", Assert.Single(calendar.Events).Summary);
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
