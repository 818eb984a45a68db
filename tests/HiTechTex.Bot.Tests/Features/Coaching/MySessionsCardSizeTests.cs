using System.Text.RegularExpressions;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Tests.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// "my sessions" lists every upcoming session the person is registered for, about 1.8 KB each: someone registered for a
/// programme of weekly sessions (fifteen or more) got the turn's error instead of the list — and "cancel my registration",
/// which opens it, too. The soonest sessions that fit the 28 KB (<see cref="CardRenderer.MaxCardBytes"/>) are listed, with
/// the list's own line "Sessions 1–N of M".
/// </summary>
public sealed class MySessionsCardSizeTests : IDisposable
{
    private const int Registered = 30;

    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [MemberData(nameof(ExchangeTextsTests.Languages), MemberType = typeof(ExchangeTextsTests))]
    public async Task MySessions_RegisteredForThirtySessions_CardFitsListingTheSoonestAndHowManyOfAll(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        for (var week = 1; week <= Registered; week++)
        {
            var session = await host.CreateSessionAsync(CoachingTestHost.Draft(title: $"Week {week:00} of the circular economy programme", inDays: 7 * week));
            await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });
        }

        var replies = await host.SayAsync(texts.MineCommands[0]);

        var card = CoachingTestHost.CardOf(replies);
        Assert.InRange(System.Text.Json.Nodes.JsonNode.Parse(card.GetRawText())!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).Length * 2, 1, CardRenderer.MaxCardBytes);
        var text = CoachingTestHost.CardText(replies);
        var listed = Regex.Matches(text, @"Week (\d\d) of the").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.InRange(listed.Count, 5, Registered - 1);
        Assert.Equal(Enumerable.Range(1, listed.Count).Select(w => w.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), listed);
        Assert.Contains(texts.Format(texts.PagingFormat, 1, listed.Count, Registered), text, StringComparison.Ordinal);
    }
}
