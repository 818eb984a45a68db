using System.Text.Json;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// An application's card grows with its history: every decision adds an entry, and a comment of up to 500 characters.
/// Three full answers (2,000 characters each) and a few rounds of "changes requested" made it pass the 28 KB limit
/// (<see cref="CardRenderer.MaxCardBytes"/>): the card could no longer be shown to anyone — not on a refresh, not to the
/// manager who had to decide. The newest entries that fit are shown, under a line saying how many earlier ones are not.
/// </summary>
public sealed class ExchangeCardSizeTests : IDisposable
{
    private const int Rounds = 6;

    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [MemberData(nameof(ExchangeTextsTests.Languages), MemberType = typeof(ExchangeTextsTests))]
    public async Task ApplicationAsync_FullAnswersAndManyCommentedRounds_CardFitsWithTheNewestHistoryAndSaysHowManyEarlierAreNotShown(string language)
    {
        var application = await StoreWithLongHistoryAsync();
        var texts = ExchangeTexts.Resolve(language);
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var cards = scope.ServiceProvider.GetRequiredService<ExchangeCards>();

        var card = await cards.ApplicationAsync(application, ExchangeDialogTestHost.VisitingManagerId, texts, null, [], null, CancellationToken.None);

        var json = card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.InRange(json.Length * 2, 1, CardRenderer.MaxCardBytes);
        var shown = Texts(JsonDocument.Parse(json).RootElement);
        // The newest entry (the last submission) and the answers stay; the oldest round's comment goes.
        Assert.Contains(shown, t => t.Contains(texts.Actions[ExchangeAction.Submitted], StringComparison.Ordinal));
        Assert.Contains(shown, t => t.Contains("round 6", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, t => t.Contains("round 1 ", StringComparison.Ordinal));
        Assert.Contains(shown, t => t.StartsWith("Přízemní", StringComparison.Ordinal));
        var note = Assert.Single(shown, t => System.Text.RegularExpressions.Regex.IsMatch(t,
            "^" + System.Text.RegularExpressions.Regex.Escape(texts.EarlierHistoryFormat).Replace(@"\{0}", @"\d+", StringComparison.Ordinal) + "$"));
        var hidden = int.Parse(System.Text.RegularExpressions.Regex.Match(note, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        var entries = shown.Count(t => t.Contains(" · Vasco: ", StringComparison.Ordinal) || t.Contains(" · Ana: ", StringComparison.Ordinal));
        // Every entry is either shown or counted in the line: none is lost without a word.
        var all = (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().AuditAsync(application.Id, CancellationToken.None)).Count;
        Assert.InRange(hidden, 1, all - 1);
        Assert.Equal(all, hidden + entries);
    }

    [Fact]
    public async Task Refresh_ManagerOfALongApplication_GetsTheApplicationCardToDecideOn()
    {
        var application = await StoreWithLongHistoryAsync();
        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Vasco", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Adapter.MakeExecute(ExchangeVerbs.Refresh,
                JsonSerializer.SerializeToElement(new { exchangeId = application.Id.ToString(), v = application.Version })))
            .AssertInvokeResponse(response =>
            {
                var body = Assert.IsType<AdaptiveCardInvokeResponse>(response?.Body);
                Assert.Equal("application/vnd.microsoft.card.adaptive", body.Type);
                var card = JsonSerializer.SerializeToElement(body.Value);
                Assert.Contains(HiTechTex.Bot.Testing.Cards.CardJson.Elements(card),
                    e => e.TryGetProperty("verb", out var verb) && verb.GetString() == ExchangeVerbs.Approve);
            })
            .StartTestAsync();
    }

    private static List<string> Texts(JsonElement card) =>
        [.. HiTechTex.Bot.Testing.Cards.CardJson.Elements(card)
            .Where(e => e.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(e => e.GetProperty("text").GetString()!)];

    /// <summary>Submitted with three full answers, then six rounds of changes requested (a full comment) and submitted again.</summary>
    private async Task<ExchangeApplication> StoreWithLongHistoryAsync()
    {
        var answer = string.Concat(Enumerable.Repeat("Přízemní úprava textilií a zkoušky ", 80))[..ExchangeLimits.LongText];
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = ExchangeDialogTestHost.Application(answer, answer, answer);
        await store.CreateAsync(application, CancellationToken.None);
        var applicant = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Vasco", "29:manager", "tenant");
        var version = 1;
        Assert.True(await store.TransitionAsync(application.Id, version++, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, applicant, null, null, CancellationToken.None));
        for (var round = 1; round <= Rounds; round++)
        {
            var comment = $"round {round} " + string.Concat(Enumerable.Repeat("Žádáme o úpravy plánu výměny ", 20))[..(ExchangeLimits.Comment - 10)];
            Assert.True(await store.TransitionAsync(application.Id, version++, ExchangeStatus.Stage1, ExchangeStatus.ChangesRequested, ExchangeAction.ChangesRequested, manager, comment, null, CancellationToken.None));
            Assert.True(await store.TransitionAsync(application.Id, version++, ExchangeStatus.ChangesRequested, ExchangeStatus.Stage1, ExchangeAction.Submitted, applicant, null, null, CancellationToken.None));
        }

        return (await store.FindAsync(application.Id, CancellationToken.None))!;
    }
}
