using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Tests.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// A page of the "sessions" catalogue holds ten sessions, each with a title of up to 200 characters, a topic of 100 and
/// a place of 300, beside a topic filter listing every topic: at those lengths a page was about 36 KB, over the 28 KB
/// limit (<see cref="CardRenderer.MaxCardBytes"/>), and everyone asking for the sessions got the turn's error. A page
/// shows the sessions that fit, and Next / Previous go on from the first not shown and back to the one before the
/// first shown: every session is on exactly one page, whichever way the reader pages.
/// </summary>
public sealed class SessionCatalogueCardSizeTests : IDisposable
{
    private const int Scheduled = 25;

    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [MemberData(nameof(ExchangeTextsTests.Languages), MemberType = typeof(ExchangeTextsTests))]
    public async Task Sessions_PagesOfLongSessions_EachCardFitsAndNextThenPreviousShowEverySessionOnce(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        await SeedLongSessionsAsync();

        var forward = new List<List<int>>();
        var replies = await host.SayAsync(texts.ListCommands[0]);
        while (true)
        {
            forward.Add(Listed(replies));
            if (ButtonData(replies, texts.NextPage) is not { } next)
            {
                break;
            }

            replies = await host.SubmitAsync(WithFilters(next));
        }

        var backward = new List<List<int>> { Listed(replies) };
        while (ButtonData(replies, texts.PreviousPage) is { } previous)
        {
            replies = await host.SubmitAsync(WithFilters(previous));
            backward.Add(Listed(replies));
        }

        Assert.Equal(Enumerable.Range(1, Scheduled), forward.SelectMany(page => page));
        Assert.Equal(Enumerable.Range(1, Scheduled), Enumerable.Reverse(backward).SelectMany(page => page));
        Assert.InRange(forward[0].Count, 1, CatalogService.PageSize - 1);
        Assert.All(forward.Concat(backward), page => Assert.NotEmpty(page));
    }

    [Fact]
    public async Task Sessions_PageNumberOfACardSentBeforeTheChange_ShowsThatPagesSessions()
    {
        await host.Conversation.SeedProfileAsync("en");
        for (var i = 1; i <= 12; i++)
        {
            await host.CreateSessionAsync(CoachingTestHost.Draft(title: $"Session #{i:00}", inDays: 2 + i));
        }

        var text = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.list", page = "1", topic = "any", language = "any", month = "any" }));

        Assert.Contains("Sessions 11–12 of 12", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Session #10", text, StringComparison.Ordinal);
    }

    private async Task SeedLongSessionsAsync()
    {
        for (var i = 1; i <= Scheduled; i++)
        {
            var draft = CoachingTestHost.Draft(title: $"S{i:00} " + new string('t', 196), topic: $"Topic {i % 10} " + new string('p', 92), inDays: 2 + i) with
            {
                Mode = SessionMode.OnSite,
                Location = new string('l', 300),
            };
            await host.CreateSessionAsync(draft);
        }
    }

    /// <summary>The sessions of the card, by their number, after checking it fits.</summary>
    private static List<int> Listed(IReadOnlyList<HiTechTex.Bot.Protocol.Schema.Activity> replies)
    {
        var card = CoachingTestHost.CardOf(replies);
        Assert.InRange(JsonNode.Parse(card.GetRawText())!.ToJsonString(new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).Length * 2, 1, CardRenderer.MaxCardBytes);
        return [.. Regex.Matches(CoachingTestHost.CardText(replies), @"^S(\d\d) t", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>What the card's button with this title submits, or null when the card has none.</summary>
    private static JsonObject? ButtonData(IReadOnlyList<HiTechTex.Bot.Protocol.Schema.Activity> replies, string title)
    {
        JsonObject? found = null;
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o["type"]?.GetValue<string>() == "Action.Submit" && o["title"]?.GetValue<string>() == title:
                    found = (JsonObject)o["data"]!.DeepClone();
                    break;
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(JsonNode.Parse(CoachingTestHost.CardOf(replies).GetRawText()));
        return found;
    }

    /// <summary>The button's data with the filter inputs, as Teams submits it.</summary>
    private static JsonObject WithFilters(JsonObject data)
    {
        data["topic"] = "any";
        data["language"] = "any";
        data["month"] = "any";
        return data;
    }
}
