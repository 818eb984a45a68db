using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Hosting.Pages;

namespace HiTechTex.Bot.Tests.Hosting;

public sealed class LinkRefusalPageTests
{
    [Fact]
    public void Texts_EveryPageLanguage_HasItsOwnTextsAndTheFormatTakesDurationAndCommand()
    {
        Assert.Equal(PageLanguage.All.Select(l => l.Code), LinkPageTexts.All.Select(t => t.Code));
        foreach (var texts in LinkPageTexts.All)
        {
            Assert.Same(texts, LinkPageTexts.Of(texts.Code));
            var said = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.ExportExpiredFormat, "DURATION", "COMMAND");
            Assert.Contains("DURATION", said, StringComparison.Ordinal);
            Assert.Contains("COMMAND", said, StringComparison.Ordinal);
            Assert.True(texts == LinkPageTexts.English || (texts.Invalid != LinkPageTexts.English.Invalid && texts.CalendarNoSeat != LinkPageTexts.English.CalendarNoSeat), texts.Code);
        }

        Assert.Same(LinkPageTexts.English, LinkPageTexts.Of("fr"));
        Assert.All(ExchangeTexts.All, t => Assert.NotEmpty(t.ExportCommands));
    }

    [Fact]
    public void Render_MarkupInTheTexts_Encoded()
    {
        var page = LinkRefusalPage.Render("en", "<b>title</b>", "a \"text\" & <i>more</i>");

        Assert.Contains("<h1>&lt;b&gt;title&lt;/b&gt;</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", page, StringComparison.Ordinal);
        Assert.Contains("&amp;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Accents_WrittenAsUtf8NotAsEntities()
    {
        var page = LinkRefusalPage.Render("cs", "Platnost tohoto odkazu vypršela", "ligação");

        Assert.Contains("vypršela", page, StringComparison.Ordinal);
        Assert.Contains("ligação", page, StringComparison.Ordinal);
    }
}
