using System.Text.Json;
using HiTechTex.Bot.Features.Exchanges;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The coordinator's progress rows read as label and count: "completados 0 · aprobados 1", never a plural label after
/// "1" ("1 aprobados", "1 pendientes", "1 completati") in the languages whose adjectives agree in number.
/// </summary>
public sealed class ExchangeProgressCardTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task Progress_ARowWithOne_ShowsEachLabelBeforeItsCount(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        var culture = ExchangeCards.Culture(language);
        ExchangeProgressRow[] rows = [new("CLUTEX", 0, 1, 1)];
        var progress = new ExchangeProgress(80, 0, 1, 1, rows, rows, rows);
        await using var scope = host.Conversation.Services.CreateAsyncScope();

        var card = scope.ServiceProvider.GetRequiredService<ExchangeCards>().Progress(progress, texts).Content!.Value;

        var row = Texts(card).First(t => t.StartsWith("CLUTEX: ", StringComparison.Ordinal));
        Assert.Equal(
            $"CLUTEX: {texts.Completed.ToLower(culture)} 0 · {texts.ApprovedCount.ToLower(culture)} 1 · {texts.Pending.ToLower(culture)} 1",
            row);
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var type) && type.GetString() == "TextRun" && element.TryGetProperty("text", out var text)
            ? [text.GetString()!]
            : Enumerable.Empty<string>()).Concat(element.EnumerateObject().SelectMany(p => Texts(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        _ => [],
    };
}
