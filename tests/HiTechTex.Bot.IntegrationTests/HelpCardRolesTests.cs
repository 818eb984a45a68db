using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// "help" lists what the reader can do: a cluster manager's and a coordinator's commands too ("manage members" was
/// understood but named nowhere), in their language, each one the bot understands — and nobody else sees them.
/// </summary>
public sealed class HelpCardRolesTests : IDisposable
{
    private const string ManagerAad = "6f1c2b4e-0000-4000-8000-00000000d0d1";
    private const string CoordinatorAad = "6f1c2b4e-0000-4000-8000-00000000d0d2";
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    public static TheoryData<string> Languages() => [.. ConversationTexts.All.Select(t => t.Language)];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Help_ForAClusterManagerAndACoordinator_ListsTheirCommandsInTheirLanguageAndEachIsUnderstood(string language)
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?>
        {
            [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId,
            ["Roles:Coordinators:0"] = CoordinatorAad,
        });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var texts = ConversationTexts.For(language);

        var manager = await HelpCommandsAsync(factory, client, "29:manager", ManagerAad, language);
        var coordinator = await HelpCommandsAsync(factory, client, "29:coordinator", CoordinatorAad, language);
        var member = await HelpCommandsAsync(factory, client, "29:member", "6f1c2b4e-0000-4000-8000-00000000d0d3", language);

        Assert.Equal(7, member.Count);
        Assert.Equal(9, manager.Count);
        Assert.Equal(12, coordinator.Count);
        Assert.Contains(ExchangeTexts.Resolve(language).StuckCommands[0], coordinator);
        Assert.Equal(member, manager.Take(7));
        Assert.Contains(PartnerTexts.Resolve(language).ManageMembersCommands[0], manager);
        Assert.DoesNotContain(PartnerTexts.Resolve(language).ManageMembersCommands[0], coordinator);
        using var scope = factory.Services.CreateScope();
        var main = scope.ServiceProvider.GetRequiredService<MainDialog>();
        Assert.All(manager.Skip(7).Concat(coordinator.Skip(7)), command =>
            Assert.True(main.CommandOf(command) is not null, $"{language}: the help card's '{command}' is not a command"));
        Assert.Contains(texts.HelpCommandManageMembers, await HelpCardAsync(factory, client, "29:manager", ManagerAad, language), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pt", "aprovações pendentes", "progresso dos intercâmbios")]
    [InlineData("tr", "bekleyen onaylar", "değişim ilerlemesi")]
    [InlineData("cs", "čekající schválení", "postup výměn")]
    public async Task Help_RoleCommands_AreWrittenWithTheirAccents(string language, string managerCommand, string coordinatorCommand)
    {
        // The command lists are matched without accents, but the card is read: "aprovacoes pendentes" looks broken.
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?>
        {
            [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId,
            ["Roles:Coordinators:0"] = ManagerAad,
        });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);

        var commands = await HelpCommandsAsync(factory, client, "29:manager", ManagerAad, language);

        Assert.Contains(managerCommand, commands);
        Assert.Contains(coordinatorCommand, commands);
    }

    private static async Task<List<string>> HelpCommandsAsync(BotHostFactory factory, HttpClient client, string userId, string aad, string language) =>
        [.. Regex.Matches(await HelpCardAsync(factory, client, userId, aad, language), @"\*\*(?<c>[^*]+)\*\*").Select(m => m.Groups["c"].Value)];

    private static async Task<string> HelpCardAsync(BotHostFactory factory, HttpClient client, string userId, string aad, string language)
    {
        await PartnerHost.SeedProfileAsync(factory, userId, "Petra Nováková", "CLUTEX", language);
        var chat = Activities.NewConversationId();
        await PartnerHost.MessageAsync(client, chat, PartnerHost.User(userId, aad, "Petra Nováková"), ConversationTexts.For(language).HelpWord);
        return PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
