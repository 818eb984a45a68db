using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Cards.Templating;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Cards;

public sealed class CardTemplateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cards-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Get_MissingTemplate_ThrowsNamingTemplateAndPath()
    {
        var store = new CardTemplateStore(_directory);

        var ex = Assert.Throws<CardTemplateNotFoundException>(() => store.Get("nope"));

        Assert.Equal("nope", ex.TemplateName);
        Assert.Equal(Path.Combine(_directory, "nope.json"), ex.TemplatePath);
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_directory, "nope.json"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_SameTemplateTwice_ReturnsTheCachedParse()
    {
        File.WriteAllText(Path.Combine(_directory, "a.json"), """{ "type": "AdaptiveCard", "body": [ { "text": "${x}" } ] }""");
        var store = new CardTemplateStore(_directory);

        var first = store.Get("a");
        File.Delete(Path.Combine(_directory, "a.json"));
        var second = store.Get("a");

        Assert.Same(first, second);
    }

    [Fact]
    public void Get_InvalidExpression_ThrowsNamingTemplateAndPath()
    {
        File.WriteAllText(Path.Combine(_directory, "bad.json"), """{ "text": "${add(1,}" }""");
        var store = new CardTemplateStore(_directory);

        var ex = Assert.Throws<CardTemplateException>(() => store.Get("bad"));

        Assert.Contains("'bad'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_directory, "bad.json"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_PathTraversal_IsRejected()
    {
        var store = new CardTemplateStore(_directory);

        Assert.Throws<ArgumentException>(() => store.Get("../secrets"));
    }

    [Fact]
    public void DefaultStore_ReadsCardsNextToTheBinary()
    {
        var store = new CardTemplateStore();

        var card = store.Get("welcome").Expand(CardTestFiles.ReadSampleData("welcome"));

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "cards"), store.Directory);
        Assert.Equal("AdaptiveCard", card!["type"]!.GetValue<string>());
    }

    [Fact]
    public void AddCardTemplates_ResolvesStoreAndRenderer()
    {
        using var provider = new ServiceCollection().AddCardTemplates().BuildServiceProvider();

        var renderer = provider.GetRequiredService<ICardRenderer>();

        Assert.IsType<CardTemplateStore>(provider.GetRequiredService<ICardTemplateStore>());
        Assert.Equal("AdaptiveCard", renderer.RenderCard("error", CardTestFiles.ReadSampleData("error"))["type"]!.GetValue<string>());
    }
}
