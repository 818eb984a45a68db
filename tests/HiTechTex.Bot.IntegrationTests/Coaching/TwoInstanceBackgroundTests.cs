using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>
/// The background work with two real hosts on one PostgreSQL database and one fake clock: every reminder and every
/// promotion notice goes out once, whichever instance gets there first.
/// </summary>
[Collection(CoachingPostgreSqlCollection.Name)]
public sealed class TwoInstanceBackgroundTests : IDisposable
{
    private readonly PostgreSqlHostDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingMessenger messenger = new();

    [SkippableFact]
    public async Task ReminderProcessors_TwoInstancesRacing_EachReminderOnceAndNoneAfterCancel()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await CreateSessionAsync(first, capacity: 40, startsIn: TimeSpan.FromHours(30));
        for (var i = 0; i < 40; i++)
        {
            await BookingAsync(i % 2 == 0 ? first : second, b => b.RegisterAsync(session.Id, Participant(i), CancellationToken.None));
        }

        for (var i = 0; i < 5; i++)
        {
            await BookingAsync(first, b => b.CancelAsync(session.Id, $"user-{i:D2}", CancellationToken.None));
        }

        time.SetUtcNow(session.StartsAt.AddHours(-24).AddMinutes(1));
        await RaceAsync(first.Services.GetRequiredService<CoachingReminderProcessor>(), second.Services.GetRequiredService<CoachingReminderProcessor>());
        Assert.Equal(35, messenger.Sent.Count);
        time.SetUtcNow(session.StartsAt.AddMinutes(-59));
        await RaceAsync(first.Services.GetRequiredService<CoachingReminderProcessor>(), second.Services.GetRequiredService<CoachingReminderProcessor>());

        var perConversation = messenger.Sent.GroupBy(s => s.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(35, perConversation.Count);
        Assert.All(perConversation.Values, count => Assert.Equal(2, count));
        Assert.DoesNotContain(perConversation.Keys, c => string.CompareOrdinal(c, "conv-user-05") < 0);
    }

    [SkippableFact]
    public async Task OutboxProcessors_TwoInstancesRacing_EachPromotionNoticeOnce()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await CreateSessionAsync(first, capacity: 10, startsIn: TimeSpan.FromDays(7));
        for (var i = 0; i < 30; i++)
        {
            await BookingAsync(first, b => b.RegisterAsync(session.Id, Participant(i), CancellationToken.None));
        }

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            BookingAsync(i % 2 == 0 ? first : second, b => b.CancelAsync(session.Id, $"user-{i:D2}", CancellationToken.None)))));
        var processors = new[] { first, second }.Select(h => h.Services.GetRequiredService<CoachingOutboxProcessor>()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => processors[i % 2].RunOnceAsync(CancellationToken.None))));

        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"conv-user-{i:D2}"), messenger.Sent.Select(s => s.ConversationId).Order());
        Assert.All(messenger.Sent, s => Assert.StartsWith("Good news", s.Text, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SessionMovedIntoTheDayBefore_MoveNoticeRefusedOrNot_EachPersonToldTheNewTimeOnceBeforeTheOneHourReminder(bool refused)
    {
        // The move claimed the 24 h reminder (the notice says the new time); a notice the connector refused for good
        // left people with neither.
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await CreateSessionAsync(first, capacity: 10, startsIn: TimeSpan.FromDays(7));
        for (var i = 0; i < 4; i++)
        {
            await BookingAsync(i % 2 == 0 ? first : second, b => b.RegisterAsync(session.Id, Participant(i), CancellationToken.None));
        }

        if (refused)
        {
            messenger.Refuse = a => a.Text!.Contains("has moved", StringComparison.Ordinal)
                ? new ConnectorException(System.Net.HttpStatusCode.NotFound, null, "conversation not found")
                : null;
        }

        time.Advance(TimeSpan.FromDays(5));   // registered days before the move: the 24 h reminder is theirs
        var newStart = time.GetUtcNow().AddHours(20);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var draft = new SessionDraft("Reminder test", "", "Testing", "Trainer", "EN", newStart, newStart.AddHours(1), "Europe/Prague",
                10, SessionMode.Online, null, time.GetUtcNow(), newStart, "organizer@example.org");
            await scope.ServiceProvider.GetRequiredService<CatalogService>().UpdateAsync(session.Id, draft, CancellationToken.None);
        }

        var outboxes = new[] { first, second }.Select(h => h.Services.GetRequiredService<CoachingOutboxProcessor>()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => outboxes[i % 2].RunOnceAsync(CancellationToken.None))));
        await RaceAsync(first.Services.GetRequiredService<CoachingReminderProcessor>(), second.Services.GetRequiredService<CoachingReminderProcessor>());
        var rightAfterTheMove = messenger.Sent.ToList();
        time.SetUtcNow(newStart.AddMinutes(-59));
        await RaceAsync(first.Services.GetRequiredService<CoachingReminderProcessor>(), second.Services.GetRequiredService<CoachingReminderProcessor>());

        // Right after the move, each person got one message with the new time: the notice, or (refused) the 24 h reminder.
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"conv-user-{i:D2}"), rightAfterTheMove.Select(s => s.ConversationId).Order());
        Assert.All(rightAfterTheMove, s => Assert.StartsWith(refused ? "Reminder: Reminder test starts" : "Reminder test has moved", s.Text, StringComparison.Ordinal));
        var newTime = TimeZoneInfo.ConvertTime(newStart, TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague")).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(rightAfterTheMove, s => Assert.Contains(newTime, s.Text, StringComparison.Ordinal));
        // Then the 1 h reminder, once each.
        var later = messenger.Sent.Skip(rightAfterTheMove.Count).ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"conv-user-{i:D2}"), later.Select(s => s.ConversationId).Order());
        Assert.All(later, s => Assert.StartsWith("Reminder: Reminder test starts", s.Text, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task SessionMovedIntoTheDayBefore_ConnectorAnswers503ToTheNoticeForever_NoticeGivenUpAfterTheMaxAgeAndEachPersonGetsTheReminderOnce()
    {
        // The notice is retried by both instances, never delivered late: after Coaching:OutboxNoticeMaxAge it is failed
        // as too late, which gives back the 24 h reminder the move claimed, and that reminder says the new time.
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost(noticeMaxAge: "06:00:00");
        using var second = StartHost(noticeMaxAge: "06:00:00");
        var session = await CreateSessionAsync(first, capacity: 10, startsIn: TimeSpan.FromDays(7));
        for (var i = 0; i < 4; i++)
        {
            await BookingAsync(i % 2 == 0 ? first : second, b => b.RegisterAsync(session.Id, Participant(i), CancellationToken.None));
        }

        var refusals = 0;
        messenger.Refuse = a =>
        {
            if (!a.Text!.Contains("has moved", StringComparison.Ordinal))
            {
                return null;
            }

            Interlocked.Increment(ref refusals);
            return new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "down");
        };
        time.Advance(TimeSpan.FromDays(5));
        var moved = time.GetUtcNow();
        var newStart = moved.AddHours(20);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var draft = new SessionDraft("Reminder test", "", "Testing", "Trainer", "EN", newStart, newStart.AddHours(1), "Europe/Prague",
                10, SessionMode.Online, null, time.GetUtcNow(), newStart, "organizer@example.org");
            await scope.ServiceProvider.GetRequiredService<CatalogService>().UpdateAsync(session.Id, draft, CancellationToken.None);
        }

        var outboxes = new[] { first, second }.Select(h => h.Services.GetRequiredService<CoachingOutboxProcessor>()).ToArray();
        var reminders = new[] { first, second }.Select(h => h.Services.GetRequiredService<CoachingReminderProcessor>()).ToArray();
        while (time.GetUtcNow() < moved.AddHours(7))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => outboxes[i % 2].RunOnceAsync(CancellationToken.None))));
            await RaceAsync(reminders);
            Assert.True(messenger.Sent.IsEmpty || time.GetUtcNow() >= moved.AddHours(6), "a reminder went while the notice was still being retried");
            time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.True(refusals > 4 * 10, $"only {refusals} attempts");
        var afterTheMaxAge = messenger.Sent.ToList();
        time.SetUtcNow(newStart.AddMinutes(-59));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => outboxes[i % 2].RunOnceAsync(CancellationToken.None))));
        await RaceAsync(reminders);

        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"conv-user-{i:D2}"), afterTheMaxAge.Select(s => s.ConversationId).Order());
        var newTime = TimeZoneInfo.ConvertTime(newStart, TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague")).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(afterTheMaxAge, s => Assert.StartsWith("Reminder: Reminder test starts", s.Text, StringComparison.Ordinal));
        Assert.All(afterTheMaxAge, s => Assert.Contains(newTime, s.Text, StringComparison.Ordinal));
        var later = messenger.Sent.Skip(afterTheMaxAge.Count).ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"conv-user-{i:D2}"), later.Select(s => s.ConversationId).Order());
        Assert.DoesNotContain(messenger.Sent, s => s.Text!.Contains("has moved", StringComparison.Ordinal));
    }

    public void Dispose() => database.Dispose();

    private static Participant Participant(int i) => new($"user-{i:D2}", $"User {i}", "tenant", null, $"conv-user-{i:D2}", "en");

    private static async Task RaceAsync(params CoachingReminderProcessor[] processors) =>
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => processors[i % processors.Length].RunOnceAsync(CancellationToken.None))));

    private BotHostFactory StartHost(string? noticeMaxAge = null)
    {
        var host = database.CreateHost(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IProactiveMessenger>(messenger);
        });
        host.Settings["Coaching:SeedDemoCatalog"] = "false";

        // The hosted loops would race the test's own passes; their first tick is beyond the test's clock moves.
        host.Settings["Coaching:ReminderInterval"] = "14.00:00:00";
        host.Settings["Coaching:OutboxInterval"] = "14.00:00:00";
        if (noticeMaxAge is not null)
        {
            host.Settings["Coaching:OutboxNoticeMaxAge"] = noticeMaxAge;
        }

        _ = host.Services;
        return host;
    }

    private async Task<CoachingSession> CreateSessionAsync(BotHostFactory host, int capacity, TimeSpan startsIn)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var now = time.GetUtcNow();
        var start = now + startsIn;
        var draft = new SessionDraft("Reminder test", "", "Testing", "Trainer", "EN", start, start.AddHours(1), "Europe/Prague",
            capacity, SessionMode.Online, null, now, start, "organizer@example.org");
        return await scope.ServiceProvider.GetRequiredService<CatalogService>().CreateAsync(draft, "coordinator", CancellationToken.None);
    }

    private static async Task<T> BookingAsync<T>(BotHostFactory host, Func<BookingService, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BookingService>());
    }
}
