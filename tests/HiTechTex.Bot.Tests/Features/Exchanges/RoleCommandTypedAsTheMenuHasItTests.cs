using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A role's command typed as the menu has it — "pending approvals", "stuck applications", "exchange progress", "export
/// exchanges", in each of the six languages — by someone the configuration gives no such role: whom it is for, that roles
/// come from the partnership's configuration and what to type instead, then the help card. Before: "pending approvals"
/// showed an empty "waiting for you" list, and the coordinator's commands a bare "Only the programme coordinator can see
/// this." Those who have the role (a cluster manager, a host organisation's contact who decides its second stage, a
/// coordinator) get the list as before. Through the real main dialog and exchange journeys, turn by turn.
/// </summary>
public sealed class RoleCommandTypedAsTheMenuHasItTests : IDisposable
{
    private const string Coordinator = "44444444-4444-4444-4444-444444444444";

    private ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string> Languages => ["en", "pt", "es", "it", "tr", "cs"];

    public static TheoryData<string, string> CoordinatorCommands()
    {
        var data = new TheoryData<string, string>();
        foreach (var texts in ExchangeTexts.All)
        {
            data.Add(texts.Language, texts.StuckCommands[0]);
            data.Add(texts.Language, texts.ProgressCommands[0]);
            data.Add(texts.Language, texts.ExportCommands[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PendingApprovals_ByNoClusterManager_WhomItIsForThenTheHelpCardNoList(string language)
    {
        var texts = ConversationTexts.For(language);
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send(ExchangeTexts.Resolve(language).PendingApprovalsCommands[0])
            .AssertReply(texts.OnlyForClusterManagers)
            .AssertReply(r => AssertHelpCard(r, texts), "the help card")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains(host.Logs.Entries, e => e.EventId == 1533);
    }

    [Theory]
    [MemberData(nameof(CoordinatorCommands))]
    public async Task ACoordinatorsCommand_ByNoCoordinator_WhomItIsForThenTheHelpCard(string language, string command)
    {
        var texts = ConversationTexts.For(language);
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(texts.OnlyForCoordinators)
            .AssertReply(r => AssertHelpCard(r, texts), "the help card")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TheRefusals_SayWhereRolesComeFromAndQuoteTheirOwnApplicationsCommand(string language)
    {
        var texts = ConversationTexts.For(language);
        var mine = ExchangeTexts.Resolve(language).MyApplicationsCommands;

        Assert.All([texts.OnlyForClusterManagers, texts.OnlyForCoordinators], text =>
        {
            Assert.Contains($"\"{mine[0]}\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("(", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task PendingApprovals_TypedInCapitalsWithASlash_StillTheRefusal()
    {
        await host.Conversation.SeedProfileAsync("pt");

        await host.Conversation.Flow()
            .Send(" /Aprovações Pendentes ")
            .AssertReply(ConversationTexts.For("pt").OnlyForClusterManagers)
            .AssertReply(r => AssertHelpCard(r, ConversationTexts.For("pt")), "the help card")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task PendingApprovals_ByAHostOrganisationsContact_TheirListNotARefusal()
    {
        // A host's contact with an Entra id decides the second stage without being a cluster manager: their list stays.
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IPartnerDirectory>();
            var clutex = await directory.FindAsync("hitechtex-clutex");
            Assert.NotNull(clutex);
            await directory.UpsertAsync(clutex with { Contacts = [new PartnerContact("Ana", "ana@clutex.example", ExchangeDialogTestHost.ApplicantId)] });
        }

        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("pending approvals")
            .AssertReply(r => Assert.Contains(ExchangeTexts.English.PendingApprovalsTitle, Json(r), StringComparison.Ordinal), "the pending approvals")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ExchangeProgress_ByTheCoordinator_TheProgressCard()
    {
        host.Dispose();
        host = new ExchangeDialogTestHost(new Dictionary<string, string?> { ["Roles:Coordinators:0"] = ExchangeDialogTestHost.ApplicantId });
        await host.Conversation.SeedProfileAsync("it");

        await host.Conversation.Flow()
            .Send(ExchangeTexts.Resolve("it").ProgressCommands[0])
            .AssertReply(r =>
            {
                Assert.NotEqual(ConversationTexts.For("it").OnlyForCoordinators, r.Text);
                Assert.Single(r.Attachments!);
            }, "the progress card")
            .AssertNoReply()
            .StartTestAsync();
    }

    /// <summary>
    /// "pending approvals" typed, or a forged "Retry now" clicked, by someone without the role while a step-by-step
    /// question waits: the role refusal on top, with the help card, and the question asked again.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RoleRequest_ByNoRoleWhileAStepByStepQuestionWaits_RefusedOnTopAndTheQuestionAskedAgain(bool retryButton)
    {
        var en = ExchangeTexts.English;
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(en.AskHost)
            .Send(() => retryButton
                ? host.Conversation.Submit(new { action = ExchangeVerbs.RetryDelivery, exchangeId = Guid.NewGuid().ToString("D"), round = "0" })
                : host.Conversation.Adapter.MakeMessage("pending approvals"))
            .AssertReply(retryButton ? ConversationTexts.En.OnlyForCoordinators : ConversationTexts.En.OnlyForClusterManagers)
            .AssertReply(r => AssertHelpCard(r, ConversationTexts.En), "the help card")
            .AssertReply(en.AskHost)
            .Send("Clutex")
            .AssertReplyContains(en.HostOrganisation)
            .AssertReply(en.AskStartDate)
            .StartTestAsync();
    }

    private static void AssertHelpCard(Activity reply, ConversationTexts texts)
    {
        var card = Assert.Single(reply.Attachments!).Content!.Value;
        Assert.Contains(texts.HelpTitle, CardJson.Texts(card));

        // Nobody without a role is shown a role's command on it.
        Assert.DoesNotContain(ExchangeTexts.Resolve(texts.Language).PendingApprovalsCommands[0], card.GetRawText(), StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(Activity reply) => string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content, Readable)));
}
