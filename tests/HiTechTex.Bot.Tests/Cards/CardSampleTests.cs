using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;

namespace HiTechTex.Bot.Tests.Cards;

/// <summary>
/// Every template in cards/ bound with its sample data through the C# engine: it must equal what the official engine
/// produces (Oracle/expected/card-&lt;name&gt;.json) and follow the Teams card rules, so that dotnet test alone catches
/// what tools/cards/validate-cards.js does (except the official renderer's own schema validation).
/// </summary>
public sealed class CardSampleTests
{
    private readonly CardTemplateStore _store = new(CardTestFiles.CardsDirectory);

    public static TheoryData<string> Cards() => new(CardTestFiles.CardNames());

    [Fact]
    public void CardsFolder_RequiredTemplates_ArePresentWithSamplesAndOracleOutputs()
    {
        var names = CardTestFiles.CardNames().ToList();

        Assert.Superset(new HashSet<string> { "welcome", "help", "error", "approval" }, names.ToHashSet());
        Assert.All(names, n =>
        {
            Assert.True(File.Exists(Path.Combine(CardTestFiles.CardsDirectory, "samples", n + ".data.json")), $"no sample data for {n}");
            Assert.True(File.Exists(Path.Combine(CardTestFiles.OracleDirectory, "expected", $"card-{n}.json")), $"no oracle output for {n}: run npm run oracle");
        });
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Expand_CardWithSampleData_MatchesOfficialEngine(string name)
    {
        var expected = CardTestFiles.ReadExpected($"card-{name}");

        var actual = _store.Get(name).Expand(CardTestFiles.ReadSampleData(name));

        Assert.Null(expected["error"]);
        CardTemplateOracleTests.AssertJsonEqual(expected["output"], actual);
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Expand_CardWithSampleData_FollowsTeamsCardRules(string name)
    {
        var card = Assert.IsType<JsonObject>(_store.Get(name).Expand(CardTestFiles.ReadSampleData(name)));

        var problems = CardRules.Check(card);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Render_CardWithSampleData_FitsTheSizeLimit(string name)
    {
        var renderer = new CardRenderer(_store);

        var attachment = renderer.Render(name, CardTestFiles.ReadSampleData(name));

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("1.5", attachment.Content!.Value.GetProperty("version").GetString());
    }

    [Fact]
    public void Expand_WelcomeCard_HasOneSubmitButtonPerJourney()
    {
        var card = _store.Get("welcome").Expand(CardTestFiles.ReadSampleData("welcome"))!;

        var actions = card["actions"]!.AsArray().Select(a => (Type: a!["type"]!.GetValue<string>(), Action: a["data"]!["action"]!.GetValue<string>()));

        Assert.Equal(
            [("Action.Submit", "findPartners"), ("Action.Submit", "applyExchange"), ("Action.Submit", "bookSession")],
            actions);
    }

    [Fact]
    public void CardRules_BrokenCard_ReportsEveryRule()
    {
        var card = JsonNode.Parse("""
            {
              "type": "AdaptiveCard", "version": "1.4",
              "refresh": { "action": { "type": "Action.Execute", "verb": "r" }, "userIds": [ RANGE ] },
              "body": [ { "type": "Input.Text", "id": "a", "isRequired": true } ],
              "actions": [ { "type": "Action.Execute", "title": "Go" } ]
            }
            """.Replace("RANGE", string.Join(",", Enumerable.Range(0, 61).Select(i => $"\"29:{i}\"")), StringComparison.Ordinal))!.AsObject();

        var problems = CardRules.Check(card);

        Assert.Equal(6, problems.Count);
    }
}
