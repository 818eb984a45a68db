using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A brand-new application form (no draft yet) saved twice — a double click on Save or Submit, at the same instant or
/// one after the other, on one instance or two —: one draft, the form's id (<see cref="ExchangeFormState.NewId"/>).
/// </summary>
public sealed class ExchangeNewFormSaveTests : IDisposable
{
    private const int Rounds = 10;
    private static readonly ExchangeActor Applicant = new(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant-1");
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task SaveAsync_SameNewFormTwiceAtOnce_OneDraftBothClicksGetIt()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var form = await NewFormAsync();
            Assert.NotNull(form.NewId);
            using var barrier = new Barrier(2);

            var saved = await Task.WhenAll(Task.Run(() => SaveAsync(form, barrier)), Task.Run(() => SaveAsync(form, barrier)));

            var drafts = (await host.ApplicationsAsync()).Where(a => a.Id == form.NewId).ToList();
            var draft = Assert.Single(drafts);
            Assert.Equal((ExchangeStatus.Draft, 1), (draft.Status, draft.Version));
            Assert.All(saved, s => Assert.Equal(form.NewId, s?.Id));
            Assert.Single(await host.AuditAsync(draft.Id));
        }

        Assert.Equal(Rounds, (await host.ApplicationsAsync()).Count);
    }

    [Fact]
    public async Task SaveAsync_SameNewFormAgainAfterItWasSubmitted_NothingCreatedTheCallerToldItChanged()
    {
        var form = await NewFormAsync();
        var first = await SaveAsync(form, null);
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var (result, _, _) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(Applicant, first!.Id, 1, CancellationToken.None);
            Assert.True(result.IsEligible);
        }

        var second = await SaveAsync(form, null);

        Assert.Null(second);
        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
    }

    [Fact]
    public async Task NewAsync_TwoForms_TwoIds()
    {
        var a = await NewFormAsync();
        var b = await NewFormAsync();

        Assert.NotEqual(a.NewId, b.NewId);
        Assert.NotEqual(a.NewId, (await SaveAsync(b, null))!.Id);
    }

    private static TurnContext Turn() => new(
        new Activity
        {
            Type = ActivityTypes.Message, Locale = "en", ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "a:chat-1", ConversationType = "personal" },
            From = new ChannelAccount { Id = "29:user-1", AadObjectId = ExchangeDialogTestHost.ApplicantId, Name = "Ana" },
        },
        new Mock<IConnectorClient>().Object);

    private async Task<ExchangeFormState> NewFormAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var form = await scope.ServiceProvider.GetRequiredService<ExchangeApplicationDrafts>().NewAsync(Turn(), CancellationToken.None);
        return form with
        {
            VisitingId = HiTechTexPartners.CiteveId, HostId = HiTechTexPartners.ClutexId,
            StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", Outcomes = "A joint project proposal.",
        };
    }

    private async Task<ExchangeApplication?> SaveAsync(ExchangeFormState form, Barrier? barrier)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<ExchangeApplicationDrafts>();
        barrier?.SignalAndWait(TimeSpan.FromSeconds(10));
        return await drafts.SaveAsync(form, Applicant, Turn(), CancellationToken.None);
    }
}
