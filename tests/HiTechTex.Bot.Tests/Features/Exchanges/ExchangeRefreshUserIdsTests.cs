using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// Who the approval card refreshes itself for (<c>refresh.userIds</c>, Teams' maximum 60): the applicant, the people
/// who must act now, and whoever else holds a card they may still see — never more than 60, never leaving out the
/// approver who must decide.
/// </summary>
public sealed class ExchangeRefreshUserIdsTests : IDisposable
{
    private const string Tenant = "tenant";
    private static readonly string[] Managers = [.. Enumerable.Range(0, 70).Select(i => $"00000000-0000-0000-0001-{i:D12}")];
    private readonly ExchangeDialogTestHost host = new(Managers.ToDictionary(m => $"Roles:ClusterManagers:{m}:0", _ => (string?)HiTechTexPartners.CiteveId));

    public ExchangeRefreshUserIdsTests() =>
        host.References.Setup(r => r.FindPersonalAsync(It.IsAny<string>(), Tenant, It.IsAny<CancellationToken>()))
            .ReturnsAsync((string aad, string _, CancellationToken _) => new StoredConversationReference(
                new ConversationReference { ChannelId = "msteams", User = new() { Id = "29:" + aad }, Conversation = new() { Id = "a:" + aad } }, true, DateTimeOffset.UnixEpoch));

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task SeventyManagers_AtMostSixtyAndTheApplicantAndTheAssignedApproverAlwaysAmongThem()
    {
        // The stage was reassigned to the manager who would come last: the one who must decide is listed all the same.
        var assigned = Managers[^1];
        var application = await StoreAsync(ExchangeStatus.Stage1, assigned);

        var ids = await RefreshUserIdsAsync(application);

        Assert.Equal(ExchangeNotifier.MaxRefreshUserIds, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["29:applicant", "29:" + assigned], ids.Take(2));
    }

    [Fact]
    public async Task StageTwo_TheVisitingManagerWhoHadACardStaysListedAStrangerWithACardIsNot()
    {
        // Before: at stage 2 only the host side was listed, so the stage-1 approver's card stopped refreshing itself.
        var application = await StoreAsync(ExchangeStatus.Stage2, null);
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
            await store.AddCardAsync(application.Id, Managers[3], "a:" + Managers[3], "activity-3", CancellationToken.None);
            await store.AddCardAsync(application.Id, "stranger-aad", "a:stranger", "activity-9", CancellationToken.None);
        }

        var ids = await RefreshUserIdsAsync(application);

        Assert.Contains("29:" + Managers[3], ids);
        Assert.DoesNotContain("29:stranger-aad", ids);
        Assert.DoesNotContain("29:" + Managers[4], ids);   // a manager of the visiting side without a card: nothing to refresh
    }

    private async Task<IReadOnlyList<string>> RefreshUserIdsAsync(ExchangeApplication application)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeNotifier>().RefreshUserIdsAsync(application, CancellationToken.None);
    }

    private async Task<ExchangeApplication> StoreAsync(ExchangeStatus status, string? assigned)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = "applicant-aad", ApplicantUserId = "29:applicant", ApplicantName = "Ana", TenantId = Tenant,
            ApplicantLanguage = "en", ApplicantConversationId = "a:applicant", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.Networking, Objectives = "o", Agenda = "a", ExpectedOutcomes = "x",
        };
        // Stored as a draft (its cards are recorded against it); the notifier is given it in the status under test.
        await store.CreateAsync(application, CancellationToken.None);
        application.Status = status;
        application.AssignedApproverAadObjectId = assigned;
        return application;
    }
}
