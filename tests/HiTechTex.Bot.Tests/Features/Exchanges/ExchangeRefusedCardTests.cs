using System.Globalization;
using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A new approval card refused by Teams (403/404: the chat gone, the bot blocked) — here the "submitted again" card of a
/// resubmission to the manager who had the first one. Before: the follow-up tried it again at every pass, for ever, and
/// the coordinator's "stuck applications" never listed it (the manager has a card of the application, so the step did
/// not count as reaching nobody). Now the refusals are bounded — tried with a growing wait (30 min, 1 h, 2 h, 4 h, 8 h),
/// six times in all — then the follow-up stops (warning 2397, once) and the list names the approver with the reason;
/// Retry now sends the card again, once.
/// </summary>
public sealed class ExchangeRefusedCardTests : IDisposable
{
    /// <summary>The test adapter's user: the coordinator.</summary>
    private const string Me = ExchangeDialogTestHost.ApplicantId;

    private readonly ExchangeRetryTestHost fixture = new(new Dictionary<string, string?> { ["Roles:Coordinators:0"] = Me }, "33333333-3333-3333-3333-333333333333", "29:user-3");
    private readonly ExchangeDialogTestHost host;

    public ExchangeRefusedCardTests() => host = fixture.Host;

    public void Dispose() => fixture.Dispose();

    public static TheoryData<string> Failures => ["403", "404"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task ResubmittedCardRefused_TriedABoundedNumberOfTimesThenListedAndRetryNowSendsItOnce(string failure)
    {
        // Arrange: the manager had the first card; changes requested; their chat refuses every message since.
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        var reference = await fixture.ReferenceAsync(id);
        await fixture.DecideAsync(id, ExchangeVerbs.RequestChanges, "Add the agenda of day 3.");
        fixture.ManagerSend = _ => throw new ConnectorException(failure == "403" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, null, "Refused");
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var (_, resubmitted) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(fixture.Applicant, id, 3, CancellationToken.None);
            Assert.Equal(ExchangeStatus.Stage1, resubmitted?.Status);
        }

        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        // Act: a day and a half of hourly passes.
        for (var hour = 0; hour < 36; hour++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        // Assert: tried six times in all (the turn's and five passes'), then left; warned once; listed with whom and why.
        Assert.Equal(1 + ExchangeDeliveryClaim.RefusalAttempts, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2397 && e.Level == LogLevel.Warning);
        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.CardRefused, entry.Reason);
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], entry.Recipients);
        Assert.True(entry.CanRetry);
        await host.Conversation.Flow()
            .Send(ExchangeTexts.English.StuckCommands[0])
            .AssertReply(r =>
            {
                var card = ExchangeRetryTestHost.CardJson(r);
                Assert.Contains(reference, card, StringComparison.Ordinal);
                Assert.Contains(ExchangeTexts.English.StuckCardRefused, card, StringComparison.Ordinal);
                Assert.Contains(ExchangeTexts.English.StuckCardAdvice, card, StringComparison.Ordinal);
            }, "the stuck applications")
            .StartTestAsync();

        // Retry now, the manager reachable again: the "submitted again" card, once; a second click sends nothing.
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Sent, "a:chat", "activity-resent");
        Assert.Equal(ExchangeRetryOutcome.Delivered, await RetryAsync(id, entry.Round));
        Assert.NotEqual(ExchangeRetryOutcome.Delivered, await RetryAsync(id, entry.Round));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();

        var cards = fixture.SentTo(ExchangeDialogTestHost.VisitingManagerId).Where(a => a.Attachments is { Count: > 0 }).ToList();
        Assert.Equal(2 + ExchangeDeliveryClaim.RefusalAttempts, cards.Count);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, ExchangeTexts.English.ResubmittedFormat, reference), ExchangeRetryTestHost.CardJson(cards[^1]), StringComparison.Ordinal);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task CardRefusedThenTheApproverInstallsTheBot_DeliveredAtTheNextTryOnce()
    {
        // The manager's first card refused at the submission (no conversation with the bot yet).
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.NoReference);
        var id = await fixture.SubmitAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();
        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        // Installed: the next try after the wait (1 h after the second refusal) delivers it, once.
        fixture.ManagerSend = _ => ExchangeRetryTestHost.Delivered;
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();

        Assert.Equal(3, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task CardRefusedThenTheDirectorySpellsTheApproversIdInUpperCase_RetryNowSendsTheCardOnce()
    {
        // Arrange: CLUTEX's two contacts decide stage 2; the directory wrote Jana's Entra object id in lower case, and her
        // card is refused (the bot not installed) until the follow-up stops trying and the coordinator's list names her
        // (Petr has his card).
        const string contact = "abcdef01-2345-6789-abcd-ef0123456789";
        var reachable = false;
        host.Messenger.Setup(m => m.SendToUserAsync(It.Is<string>(s => AadObjectIds.Same(s, contact)), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => reachable ? ExchangeRetryTestHost.Delivered : new ProactiveSendResult(ProactiveSendStatus.NoReference));
        await SetClutexContactAsync(contact);
        await host.Conversation.SeedProfileAsync("en");
        var id = await fixture.SubmitAsync();
        await fixture.DecideAsync(id, ExchangeVerbs.Approve);
        Assert.Equal(ExchangeStatus.Stage2, (await fixture.FindAsync(id)).Status);
        Assert.Equal(1, fixture.CardsTo("44444444-4444-4444-4444-444444444444"));
        for (var hour = 0; hour < 36; hour++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        var entry = Assert.Single(await ListAsync());
        Assert.Equal(ExchangeStuckReason.CardRefused, entry.Reason);
        Assert.Equal([contact], entry.Recipients);

        // The coordinator imports CLUTEX again from a system that writes ids in upper case; the contact installs the bot.
        await SetClutexContactAsync(contact.ToUpperInvariant());
        reachable = true;

        // Act: Retry now.
        var outcome = await RetryAsync(id, entry.Round);
        await fixture.RunFollowUpAsync();

        // Assert: the card sent (before: its refusals, recorded under the id as it was spelled, were not forgotten — the
        // card was not tried, "still failing" at every click), once.
        Assert.Equal(ExchangeRetryOutcome.Delivered, outcome);
        var cards = host.Messenger.Invocations.Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync)
            && AadObjectIds.Same(i.Arguments[0] as string, contact) && i.Arguments[2] is Activity { Attachments.Count: > 0 }).ToList();
        Assert.Equal(ExchangeDeliveryClaim.RefusalAttempts + 1, cards.Count);
        Assert.Empty(await ListAsync());
    }

    private async Task SetClutexContactAsync(string entraObjectId)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<HiTechTex.Bot.Features.Partners.IPartnerDirectory>();
        var clutex = (await directory.FindAsync(HiTechTex.Bot.Features.Partners.HiTechTexPartners.ClutexId))!;
        await directory.UpsertAsync(clutex with
        {
            Contacts = [new("Petr", "petr@clutex.example", "44444444-4444-4444-4444-444444444444"), new("Jana", "jana@clutex.example", entraObjectId)],
        });
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
