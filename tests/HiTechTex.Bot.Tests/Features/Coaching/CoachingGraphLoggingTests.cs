using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Tests.Features.Exchanges;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// Graph's calendar URIs name the organizer's mailbox (<c>/users/{mailbox}/events</c>): the HttpClient factory's
/// request logging, at Information by default, wrote that address into the log on every calendar call ("Start
/// processing HTTP request POST …/users/organizer%40example.org/events").
/// </summary>
public sealed class CoachingGraphLoggingTests : IAsyncLifetime
{
    private const string Mailbox = "organizer@example.org";

    private readonly ExchangeLogCapture logs = new();
    private FakeGraphServer graph = null!;
    private CoachingTestHost host = null!;

    public async Task InitializeAsync()
    {
        graph = await FakeGraphServer.StartAsync();
        host = new CoachingTestHost(graph.Settings(), services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        await host.Conversation.SeedProfileAsync("en");
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await graph.DisposeAsync();
    }

    [Fact]
    public async Task CalendarEventCreated_TheOrganizerMailboxIsNotLogged()
    {
        await host.CreateSessionAsync();

        for (var pass = 0; pass < 50 && (await host.OutboxAsync()).Any(o => o.Status == OutboxStatus.Pending); pass++)
        {
            await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        }

        Assert.Contains(graph.GraphRequests, request => request.Path == $"/v1.0/users/{Mailbox}/events");
        // Kiota escapes the address in the path: organizer%40example.org.
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains(Mailbox, StringComparison.OrdinalIgnoreCase)
            || entry.Message.Contains(Uri.EscapeDataString(Mailbox), StringComparison.OrdinalIgnoreCase));
    }
}
