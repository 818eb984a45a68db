using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The coordinator's Retry now of an approval card that may not have arrived, while a follow-up pass runs. Before: the
/// click gave the card's claim back and then claimed it again to send; a pass running in between found the approver
/// without a card and the claim free, and sent the card itself — the one thing the follow-up must never do for a card
/// that may have arrived — while the click, its claim now taken, told the coordinator it was still failing (and a second
/// instance's reminder could add the card once more). Now the click takes the claim over by a conditional update (the
/// claim's time as its version) and sends under it: the pass finds it held, and the card goes out once, from the click.
/// Driven without sleeps: the click is held inside its try (while it reads the approvers' chats) until the pass is over.
/// </summary>
public sealed class ExchangeRetryNowRaceTests : IDisposable
{
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;

    public ExchangeRetryNowRaceTests() => host = fixture.Host;

    public void Dispose() => fixture.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RetryNow_FollowUpPassRunsDuringTheTry_CardSentOnceFromTheClick(bool stoppedOnTheWire)
    {
        // Arrange: the manager's card claimed by a send that never told how it ended — stopped on the wire by a restart,
        // or the process killed — and listed as "may not have arrived" once older than any send.
        var id = await fixture.CreateAsync();
        var step = new ExchangeApplication { Status = ExchangeStatus.Stage1, Version = 2 };
        var card = ExchangeDeliveryClaim.Card(step);
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
            Assert.True(await store.TryClaimReminderAsync(id, card.Kind, ExchangeDialogTestHost.VisitingManagerId, CancellationToken.None));
            if (stoppedOnTheWire)
            {
                Assert.True(await store.TryClaimReminderAsync(id, card.OnTheWireKind, ExchangeDialogTestHost.VisitingManagerId, CancellationToken.None));
            }
        }

        await fixture.SubmitAsync(id, CancellationToken.None);
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.CardMayNotHaveArrived, entry.Reason);
        Assert.Equal(0, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        // The click's try is held the first time it reads an approver's chat (after it took the card, before it sends).
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = 0;
        host.References.Setup(r => r.FindPersonalAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string _, CancellationToken _) =>
            {
                if (Interlocked.Exchange(ref first, 1) == 0)
                {
                    entered.SetResult();
                    await release.Task;
                }

                return (StoredConversationReference?)null;
            });

        // Act: Retry now, and a follow-up pass while its try is under way.
        var retry = RetryAsync(id, entry.Round);
        await entered.Task;
        var pass = await fixture.RunFollowUpAsync();
        release.SetResult();
        var outcome = await retry;

        // Assert: one card, from the click, which says so; the pass sent nothing; nothing listed any more.
        Assert.Equal(ExchangeRetryOutcome.Delivered, outcome);
        Assert.Equal(0, pass.LateCards);
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        await fixture.RunFollowUpAsync();
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Empty(await ListAsync());
    }

    private async Task<IReadOnlyList<ExchangeStuckEntry>> ListAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStuckApplications>().ListAsync(CancellationToken.None);
    }

    private async Task<ExchangeRetryOutcome> RetryAsync(Guid id, int round)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStuckApplications>().RetryAsync(id, round, CancellationToken.None)).Outcome;
    }
}
