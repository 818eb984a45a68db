using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>"Delete my data": whether a participant's registrations still need a message (their chat's address is kept).</summary>
public sealed class CoachingPersonalRecordsTests : IDisposable
{
    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task AwaitNoticesAsync_RegisteredWithTheIdInUpperCaseAskedInLowerCase_TheRegistrationStillNeedsTheChat()
    {
        // Before: the id was compared case-exactly — the one person, the id spelt in another case (as the rest of the
        // product allows, AadObjectIds), was told nothing waited, and their chat's address was deleted although their
        // session's reminders and changes still had to reach them.
        var session = await host.CreateSessionAsync();
        var stored = ("ABCDEF00" + Guid.NewGuid().ToString("D")[8..]).ToUpperInvariant();
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant(stored, "Ana", "tenant", null, "conv-ana", "en"), CancellationToken.None));

        var (asked, other) = await host.WithScopeAsync(async sp =>
        {
            var records = new CoachingPersonalRecords(sp.GetRequiredService<BotDbContext>(), host.Time);
            return (await records.AwaitNoticesAsync(stored.ToLowerInvariant(), "29:ana", CancellationToken.None),
                await records.AwaitNoticesAsync(Guid.NewGuid().ToString("D"), "29:someone", CancellationToken.None));
        });

        Assert.True(asked);
        Assert.False(other);
    }
}
