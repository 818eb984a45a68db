using HiTechTex.Bot.Cards;

namespace HiTechTex.Bot.Tests.Cards;

public sealed class CardListFitTests
{
    [Theory]
    [InlineData(1000, 137)]
    [InlineData(10, 0)]
    [InlineData(10, 9)]
    public void Render_ListOverTheLimit_TheMostItemsThatFitInFewRenders(int count, int fits)
    {
        var renders = 0;

        var shown = CardListFit.Render(count, n => ++renders > 0 && n <= fits ? n : throw new CardTooLargeException("t", 30000, CardRenderer.MaxCardBytes));

        Assert.Equal(fits, shown);
        Assert.InRange(renders, 1, 2 + (int)Math.Ceiling(Math.Log2(count + 1)));
    }

    [Fact]
    public void Render_WholeListFits_RenderedOnceWithAll()
    {
        var renders = 0;

        Assert.Equal(5, CardListFit.Render(5, n => { renders++; return n; }));
        Assert.Equal(1, renders);
    }

    [Fact]
    public void Render_TooLargeEvenWithNoItem_TheRefusalOfTheWholeList()
    {
        var refusal = Assert.Throws<CardTooLargeException>(() =>
            CardListFit.Render<int>(3, n => throw new CardTooLargeException("t", 40000 + n, CardRenderer.MaxCardBytes)));

        Assert.Contains("40003", refusal.Message, StringComparison.Ordinal);
    }
}
