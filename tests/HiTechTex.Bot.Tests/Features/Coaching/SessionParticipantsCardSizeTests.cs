using System.Text.RegularExpressions;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Tests.Features.Exchanges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// The coordinator's session details list every participant, one line each; a session may have 1,000 seats. Past about
/// 110 participants the card passed the 28 KB limit (<see cref="CardRenderer.MaxCardBytes"/>): the coordinator got the
/// turn's error instead of the session — and with it its Edit, Cancel session and Retry buttons. The first participants
/// that fit are listed, then a line saying how many more there are.
/// </summary>
public sealed class SessionParticipantsCardSizeTests : IDisposable
{
    private const int Seated = 300;

    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [MemberData(nameof(ExchangeTextsTests.Languages), MemberType = typeof(ExchangeTextsTests))]
    public async Task Details_CoordinatorOfAFullLargeSession_CardFitsListingTheFirstParticipantsAndHowManyMore(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: Seated));
        await host.SeatConfirmedAsync(session.Id, Seated);

        var replies = await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId);

        var card = CoachingTestHost.CardOf(replies);
        Assert.InRange(System.Text.Json.Nodes.JsonNode.Parse(card.GetRawText())!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).Length * 2, 1, CardRenderer.MaxCardBytes);
        var text = CoachingTestHost.CardText(replies);
        Assert.Contains($"1. User p1 ({texts.StatusConfirmed})", text, StringComparison.Ordinal);
        Assert.Contains(texts.CancelSession, text, StringComparison.Ordinal);
        var listed = text.Split('\n').Count(line => Regex.IsMatch(line, @"^\d+\. User p\d+ \("));
        Assert.InRange(listed, 50, Seated - 1);
        Assert.Contains(texts.Format(texts.MoreParticipantsFormat, Seated - listed), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_CoordinatorOfASessionThatFits_EveryParticipantAndNoLineAboutMore()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 20));
        await host.SeatConfirmedAsync(session.Id, 20);

        var text = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));

        Assert.Contains("20. User p20 (", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(Regex.Escape(CoachingTexts.English.MoreParticipantsFormat).Replace(@"\{0}", @"\d+", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task Details_ParticipantNameWithMarkdownAndABidiOverride_ShownAsTypedInATextRunOnTheCoordinatorsCard()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 5));
        await host.SeatConfirmedAsync(session.Id, 1);
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HiTechTex.Bot.Persistence.BotDbContext>();
            var registration = await db.Registrations().SingleAsync(r => r.SessionId == session.Id);
            registration.UserName = "Eve **Admin** [verify](https://phish.example)\u202E";
            return await db.SaveChangesAsync();
        });

        var card = CoachingTestHost.CardOf(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));

        var runs = HiTechTex.Bot.Testing.Cards.CardJson.Elements(card)
            .Where(e => e.TryGetProperty("text", out var t) && t.GetString()!.Contains("Eve", StringComparison.Ordinal))
            .ToList();
        var run = Assert.Single(runs);
        Assert.Equal("TextRun", run.GetProperty("type").GetString());
        Assert.Equal($"1. Eve **Admin** [verify](https://phish.example) ({CoachingTexts.English.StatusConfirmed})", run.GetProperty("text").GetString());
    }
}
