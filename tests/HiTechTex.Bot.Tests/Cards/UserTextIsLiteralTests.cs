using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Cards;

/// <summary>
/// Text that users typed (an introduction's message, an application's objectives, a manager's comment, a directory
/// or session description) is shown literally on the cards others receive: in a <c>TextRun</c>, which Teams does not
/// read as Markdown, never in a <c>TextBlock</c> or a fact, where "[Verify your account](https://…)" would become a
/// link in a cluster manager's or a partner's card.
/// </summary>
public sealed class UserTextIsLiteralTests
{
    private const string Injected = "[Verify your account](https://phish.example/login) **now** _please_";

    private static readonly CardRenderer Renderer = new(new CardTemplateStore(CardTestFiles.CardsDirectory));

    public static TheoryData<string, string> UserTextFields() => new()
    {
        { "partner-introduction", "message" },
        { "partner-detail", "description" },
        { "partner-card", "description" },
        { "session-details", "description" },
        { "exchange-application", "objectives" },
        { "exchange-application", "outcomes" },
        { "exchange-application", "reportOutcomes" },
        { "exchange-application", "reportEvidence" },
        { "exchange-application", "audit[1].comment" },
        { "exchange-application", "notice" },
        { "exchange-keep", "current" },   // an application's answer, shown to keep when it is edited step by step
        { "continue-privately", "note" },   // names a partner from the directory
    };

    [Theory]
    [MemberData(nameof(UserTextFields))]
    public void UserText_IsOnlyEverTheTextOfATextRun(string template, string field)
    {
        var data = CardTestFiles.ReadSampleData(template)!.AsObject();
        Set(data, field, Injected);

        var card = Renderer.Render(template, data).Content!.Value;

        var holders = Holders(card).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, type => Assert.Equal("TextRun", type));
    }

    /// <summary>
    /// People's names on exchange cards (the applicant, who did what in the history, who asked for changes) and on the
    /// coordinator's session details (its participants): a name stored before the name rules forbade formatting is shown
    /// literally too.
    /// </summary>
    public static TheoryData<string, string> PersonNameFields() => new()
    {
        { "exchange-application", "applicant" },
        { "exchange-application", "audit[0].actor" },
        { "exchange-application", "audit[1].actor" },
        { "exchange-form", "requestedChanges" },
        { "session-details", "participants[0].name" },   // the coordinator's participant list
    };

    [Theory]
    [MemberData(nameof(PersonNameFields))]
    public void PersonName_IsOnlyEverTheTextOfATextRun(string template, string field)
    {
        var data = CardTestFiles.ReadSampleData(template)!.AsObject();
        Set(data, field, Injected);

        var card = Renderer.Render(template, data).Content!.Value;

        var holders = Holders(card).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, type => Assert.Equal("TextRun", type));
    }

    /// <summary>
    /// Directory text on exchange cards — the organisations' names in an application's title and its visiting and host
    /// rows, in a list's entries (the coordinator's stuck applications too) and in the coordinator's progress rows (a partner's name): an entry stored before the
    /// directory refused formatting is shown literally too.
    /// </summary>
    public static TheoryData<string, string> ExchangeDirectoryTextFields() => new()
    {
        { "exchange-application", "title" },
        { "exchange-application", "visiting" },
        { "exchange-application", "host" },
        { "exchange-list", "items[0].route" },
        { "exchange-stuck", "items[0].route" },
        // The names of who a stuck entry did not reach: people's own text.
        { "exchange-stuck", "items[0].notReached" },
        { "exchange-progress", "sections[0].rows[0].name" },
    };

    [Theory]
    [MemberData(nameof(ExchangeDirectoryTextFields))]
    public void ExchangeDirectoryText_IsOnlyEverTheTextOfATextRun(string template, string field)
    {
        var data = CardTestFiles.ReadSampleData(template)!.AsObject();
        Set(data, field, Injected);

        var card = Renderer.Render(template, data).Content!.Value;

        var holders = Holders(card).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, type => Assert.Equal("TextRun", type));
    }

    [Fact]
    public void PersonName_InTheReassignList_IsOnlyEverAChoiceTitle()
    {
        // A choice's title is plain text to Teams (no Markdown), and a choice cannot hold a TextRun.
        var data = CardTestFiles.ReadSampleData("exchange-application")!.AsObject();
        Set(data, "reassignChoices[0].title", Injected);

        var card = Renderer.Render("exchange-application", data).Content!.Value;

        var choiceSet = Assert.Single(HiTechTex.Bot.Testing.Cards.CardJson.Elements(card), e => e.GetProperty("type").GetString() == "Input.ChoiceSet"
            && e.GetProperty("id").GetString() == "reassignTo");
        Assert.Equal(Injected, Assert.Single(choiceSet.GetProperty("choices").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(["Fact.title"], Holders(card).ToList());   // a choice has no type: the walker calls it a Fact
    }

    [Theory]
    [InlineData("short text", "short text")]
    [InlineData("one two three four five", "one two…")]
    [InlineData("abcdefghijklmnop", "abcdefghi…")]
    public void Shorten_CutsAtASpaceWithAnEllipsis(string text, string expected)
    {
        Assert.Equal(expected, PartnerCards.Shorten(text, 10));
    }

    /// <summary>The type of every element whose text (or fact value) holds the injected string.</summary>
    private static IEnumerable<string> Holders(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "Fact";
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Contains("phish.example", StringComparison.Ordinal))
                    {
                        yield return property.Name is "text" or "value" ? type! : $"{type}.{property.Name}";
                    }
                    else
                    {
                        foreach (var inner in Holders(property.Value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Holders(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static void Set(JsonObject data, string path, string value)
    {
        JsonNode node = data;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = part.EndsWith(']') ? node[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        var last = parts[^1];
        if (last.EndsWith(']'))
        {
            node[last[..last.IndexOf('[')]]![int.Parse(last[(last.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[last] = value;
        }
    }
}
