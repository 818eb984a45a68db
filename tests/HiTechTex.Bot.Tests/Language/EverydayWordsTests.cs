using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Contractions, auxiliaries and other everyday words of the six languages are no search keywords: "num", "são",
/// "gustaría", "sull", "quando", "when" were searched for in organisation descriptions.
/// </summary>
public sealed class EverydayWordsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    [Theory]
    // Portuguese
    [InlineData("procuro um laboratório num centro tecnológico", "laboratório")]
    [InlineData("quais são os parceiros de tinturaria", "tinturaria")]
    [InlineData("procuro parceiros numa empresa de tinturaria", "tinturaria")]
    [InlineData("procuro parceiros pelo setor da tinturaria", "tinturaria")]   // the sector word alone is nothing to look for
    [InlineData("procuro parceiros que tenham experiência em tinturaria", "experiência,tinturaria")]
    [InlineData("quando é a sessão sobre tinturaria", "tinturaria")]
    // Spanish
    [InlineData("me gustaría encontrar socios de tintura", "tintura")]
    [InlineData("quiero socios del sector textil", "textil")]
    [InlineData("busco socios que tengan experiencia en tintura", "experiencia,tintura")]
    // Italian
    [InlineData("cerco partner sull'economia circolare", "economia,circolare")]
    [InlineData("cerco partner della tessitura nel distretto", "tessitura,distretto")]
    [InlineData("cerco partner che hanno esperienza nella tintura", "esperienza,tintura")]
    [InlineData("quando è il workshop sulla tintura", "tintura")]
    // English
    [InlineData("when is the workshop on dyeing", "dyeing")]
    [InlineData("find partners that have been doing recycling", "recycling")]
    [InlineData("I'm looking for partners who were working in dyeing", "working,dyeing")]
    // Turkish
    [InlineData("tekstil için ortak arıyorum", "tekstil")]
    [InlineData("boyama ile ilgili ortak arıyorum", "boyama")]
    // Czech
    [InlineData("hledám partnera pro barvení", "barvení")]
    [InlineData("jsem z Brna a hledám partnera pro tkaní", "brna,Brno,tkaní")]
    public void Recognize_EverydayWords_AreNoKeywords(string text, string keywords)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(keywords, string.Join(',', result.Entities.Keywords));
    }
}
