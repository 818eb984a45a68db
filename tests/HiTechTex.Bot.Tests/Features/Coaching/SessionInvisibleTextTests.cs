using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// Exploratory report 22, finding 2 (coaching): a session saved with a title, topic and trainer of one zero-width space
/// each was published as "Sesión guardada: ." with empty facts; a bidi override was stored and shown as typed.
/// </summary>
public sealed class SessionInvisibleTextTests : IDisposable
{
    private const string Coordinator = CoachingTestHost.CoordinatorId;
    private static readonly DateTimeOffset Now = CoachingTestHost.Now;
    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task Save_TitleTopicAndTrainerOfAZeroWidthSpace_FormAgainNamingThemAndNothingSaved(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var form = ValidForm();
        form["title"] = "\u200B";
        form["topic"] = "\u2060\u202E";
        form["trainer"] = "\uFEFF \u2066\u2069";

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains(texts.Format(texts.FormInvalidFormat, string.Join("; ", texts.FieldTitle, texts.FilterTopic, texts.Trainer)),
            CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Equal(0, await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().CountAsync()));
    }

    [Fact]
    public async Task Save_TextsWithBidiControls_SavedAndPublishedWithoutThem()
    {
        await host.Conversation.SeedProfileAsync("es");
        var form = ValidForm();
        form["title"] = "Laboratorio \u202Eabc 123";
        form["topic"] = "\u2067Smart textiles\u2069";
        form["trainer"] = "Lucía\u200B";
        form["description"] = "Día 1\u200F: sensores";

        var replies = await host.SubmitAsync(form, Coordinator);

        Assert.Contains("Sesión guardada: Laboratorio abc 123.", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        var created = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        Assert.Equal("Laboratorio abc 123", created.Title);
        Assert.Equal("Smart textiles", created.Topic);
        Assert.Equal("Lucía", created.Trainer);
        Assert.Equal("Día 1: sensores", created.Description);
    }

    [Theory]
    [InlineData("title", "\u200B")]
    [InlineData("topic", "\u3164")]
    [InlineData("trainer", "\u200D")]
    public void TryParse_RequiredTextOfOnlyInvisibleCharacters_NamedAsMissing(string field, string value)
    {
        var texts = CoachingTexts.Resolve("en");
        var values = field switch
        {
            "title" => Valid with { Title = value },
            "topic" => Valid with { Topic = value },
            _ => Valid with { Trainer = value },
        };

        var (draft, invalid) = values.TryParse(texts, Now, Now);

        Assert.Null(draft);
        Assert.Equal([field switch { "title" => texts.FieldTitle, "topic" => texts.FilterTopic, _ => texts.Trainer }], invalid);
    }

    [Fact]
    public void TryParse_OnSiteLocationOfOnlyInvisibleCharacters_NamedAsMissing()
    {
        var texts = CoachingTexts.Resolve("en");

        var (draft, invalid) = (Valid with { Mode = "OnSite", Location = "\u200B\u202E" }).TryParse(texts, Now, Now);

        Assert.Null(draft);
        Assert.Equal([texts.FieldLocation], invalid);
    }

    private static readonly SessionFormValues Valid = new("Recycled fibres", "", "Recycling", "Ana", "EN", "2026-12-10", "09:00", "11:00",
        "Europe/Lisbon", "20", "Online", "CITEVE", "2026-12-09", "coaching@example.org");

    private static System.Text.Json.Nodes.JsonObject ValidForm() => CoachingTestHost.SessionForm();
}
