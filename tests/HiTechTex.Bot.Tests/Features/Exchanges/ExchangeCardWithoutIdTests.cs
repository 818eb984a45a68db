using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A connector that accepts an approval card (HTTP 200/201) but answers with no activity id (an empty body, or one
/// without "id"). Before: the card was delivered but never recorded, so after 15 minutes the coordinator's "stuck
/// applications" listed it as "may not have arrived" (its claim held, no card recorded since), and no later transition
/// could update it. Now it counts as delivered — recorded as a card that cannot be replaced in place — and a later
/// update sends the recipient's current view as a new card instead of a PUT.
/// </summary>
public sealed class ExchangeCardWithoutIdTests : IDisposable
{
    private const string ManagerChat = "a:manager-chat";
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;

    public ExchangeCardWithoutIdTests()
    {
        host = fixture.Host;
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Sent, ManagerChat, null);
    }

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task CardAcceptedWithoutId_NotListedAsMayNotHaveArrived()
    {
        var id = await fixture.SubmitAsync();
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();

        Assert.Empty(await StuckAsync());
        var card = Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        Assert.Equal(ManagerChat, card.ConversationId);
        Assert.False(card.IsUpdatable);

        // Nor sent again by the follow-up: it was delivered.
        await fixture.RunFollowUpAsync();
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
    }

    [Fact]
    public async Task CardWithoutId_UpdatedAfterADecision_SentAsANewCardThatTakesItsPlace()
    {
        var id = await fixture.SubmitAsync();
        var posted = new List<(string ConversationId, Activity Activity)>();
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string conversationId, Activity activity, CancellationToken _) =>
            {
                posted.Add((conversationId, activity));
                return new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId, "activity-new");
            });

        await fixture.DecideAsync(id, ExchangeVerbs.Approve);

        // No PUT with an id the connector never gave; the current view went out as a new card into the same chat.
        Assert.DoesNotContain(host.Messenger.Invocations, i => i.Method.Name == nameof(IProactiveMessenger.UpdateInConversationAsync)
            && ((string)i.Arguments[1]!).StartsWith(ExchangeCardReference.NoActivityIdPrefix, StringComparison.Ordinal));
        var (conversation, activity) = Assert.Single(posted);
        Assert.Equal(ManagerChat, conversation);
        Assert.NotNull(Assert.Single(activity.Attachments ?? []).Content);
        var card = Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        Assert.Equal("activity-new", card.ActivityId);
        Assert.True(card.IsUpdatable);

        // Nothing owed any more: the follow-up sends nothing.
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        Assert.Single(posted);
    }

    /// <summary>
    /// Before: the host stopping while the new card that replaces one without an id was on the wire gave the update's claim
    /// back, and the follow-up replaced the card again after the restart — a second new card when the first had arrived.
    /// Now the claim stays (warning 2333): never two.
    /// </summary>
    [Fact]
    public async Task CardWithoutId_ReplacementStoppedOnTheWire_NotPostedASecondTime()
    {
        var id = await fixture.SubmitAsync();
        using var stopping = new CancellationTokenSource();
        var posted = 0;
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns((string conversationId, Activity _, CancellationToken _) =>
            {
                if (++posted == 1)
                {
                    // The host stops with the new card on the wire.
                    stopping.Cancel();
                    return Task.FromException<ProactiveSendResult>(new OperationCanceledException(stopping.Token));
                }

                return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId, "activity-new"));
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.DecideAsync(id, ExchangeVerbs.Reject, "Out of scope.", stopping.Token));
        Assert.Equal(ExchangeStatus.Rejected, (await fixture.FindAsync(id)).Status);
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(2));
        await fixture.RunFollowUpAsync();
        await fixture.RunFollowUpAsync();

        Assert.Equal(1, posted);
        Assert.Single(host.Logs.Entries, e => e.EventId == 2333);
    }

    private async Task<IReadOnlyList<ExchangeStuckEntry>> StuckAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStuckApplications>().ListAsync(CancellationToken.None);
    }
}
