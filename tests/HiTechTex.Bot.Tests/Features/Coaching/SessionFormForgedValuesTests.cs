using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Testing.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// Forged submissions of the session form: a value of a type no card input sends was read as "not given" (an edit
/// cleared the session's description), and a field far beyond its input's maxLength, echoed whole into the form that
/// named it, made a card over 28 KB and the turn's error.
/// </summary>
public sealed class SessionFormForgedValuesTests : IDisposable
{
    private const string Coordinator = CoachingTestHost.CoordinatorId;
    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "description", "true")]
    [InlineData("pt", "description", "[]")]
    [InlineData("es", "location", "{}")]
    [InlineData("it", "description", "false")]
    [InlineData("tr", "location", "[\"x\"]")]
    [InlineData("cs", "description", "{\"a\":1}")]
    // A number too (before, read as its digits: a forged "title": 42 was saved as "42"), in every text field.
    [InlineData("en", "title", "42")]
    [InlineData("pt", "description", "7")]
    [InlineData("es", "topic", "3.5")]
    [InlineData("it", "trainer", "-1")]
    [InlineData("tr", "location", "0")]
    [InlineData("cs", "title", "1e3")]
    public async Task Save_EditWithAFieldOfAWrongType_FormNamesTheFieldAndTheSessionKeepsIt(string language, string field, string forged)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var created = CoachingTestHost.SessionForm();
        created["mode"] = "OnSite";
        created["location"] = "CITEVE";
        await host.SubmitAsync(created, Coordinator);
        var session = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        var form = CoachingTestHost.SessionForm();
        form["sessionId"] = session.Id.ToString();
        form["mode"] = "Online";
        form["title"] = "Smart textiles lab (edited)";
        form[field] = JsonNode.Parse(forged);

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains(texts.Format(texts.FormInvalidFormat, Label(texts, field)), CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        Assert.Equal(("Smart textiles lab", "Sensors and prototypes", "Smart textiles", "Lucía", "CITEVE"),
            (stored.Title, stored.Description, stored.Topic, stored.Trainer, stored.Location));
    }

    [Theory]
    [InlineData("timeZone")]
    [InlineData("organizer")]
    [InlineData("date")]
    [InlineData("start")]
    [InlineData("language")]
    [InlineData("mode")]
    public async Task Save_NewSessionWithAnotherFieldSentAsANumber_FormAsksToCheckAndNothingIsSaved(string field)
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = CoachingTestHost.SessionForm();
        form[field] = 20270315;

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Please check: ", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_ACapacitySentAsANumber_StillSaved()
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = CoachingTestHost.SessionForm();
        form["capacity"] = 20;

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Session saved: Smart textiles lab.", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "title", 200)]
    [InlineData("pt", "description", 4000)]
    [InlineData("es", "topic", 100)]
    [InlineData("it", "trainer", 200)]
    [InlineData("tr", "location", 300)]
    [InlineData("cs", "title", 200)]
    public async Task Save_AFieldOf100000Characters_FormNamesItWithTheValueCutToTheInputsMaxLength(string language, string field, int maxLength)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var form = CoachingTestHost.SessionForm();
        // An emoji across the cut: never half of it.
        form[field] = new string('a', maxLength - 1) + "🧵" + new string('b', 100_000);

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains(texts.Format(texts.FormInvalidFormat, Label(texts, field)), CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(new string('a', maxLength - 1), CardJson.InputValue(CoachingTestHost.CardOf(replies), field));
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Theory]
    [InlineData("date")]
    [InlineData("start")]
    [InlineData("capacity")]
    [InlineData("mode")]
    [InlineData("language")]
    public async Task Save_AnInputWithoutMaxLengthOf100000Characters_FormNamesItAndIsNoTurnError(string field)
    {
        await host.Conversation.SeedProfileAsync("en");
        var form = CoachingTestHost.SessionForm();
        form[field] = new string('9', 100_000);

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Please check: ", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        // Nothing the input can hold (no date, time, number within 1–1000, or choice): the input shows empty.
        Assert.Null(CardJson.InputValue(CoachingTestHost.CardOf(replies), field));
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    private static string Label(CoachingTexts texts, string field) => field switch
    {
        "title" => texts.FieldTitle,
        "description" => texts.FieldDescription,
        "topic" => texts.FilterTopic,
        "trainer" => texts.Trainer,
        _ => texts.FieldLocation,
    };
}
