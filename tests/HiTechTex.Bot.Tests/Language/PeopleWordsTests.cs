using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// People at organisations — "key players", "stakeholders", "actors", "contacts", "people", "principais atores",
/// "intervenientes", "actores clave", "attori chiave", "operatori", "kilit oyuncular", "paydaşlar", "klíčoví hráči",
/// "aktéři" — are whom a partner search reaches, not words the directory's descriptions hold: "find key players in
/// technical textiles in Portugal" searched "key players technical textiles" and found less than "technical textiles".
/// Words a textile search does look for ("skin contact", "agentes ignífugos", "agenti antimicrobici") stay keywords.
/// </summary>
public sealed class PeopleWordsTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("find key players in technical textiles in Portugal", "en", "PT", "technical textiles")]
    [InlineData("find stakeholders in nonwovens in Italy", "en", "IT", "nonwovens")]
    [InlineData("find main actors in recycling in Spain", "en", "ES", "recycling")]
    [InlineData("find contacts for dyeing in Spain", "en", "ES", "dyeing")]
    [InlineData("find people in recycling in Italy", "en", "IT", "recycling")]
    [InlineData("procuro os principais atores em têxteis técnicos em Portugal", "pt", "PT", "têxteis técnicos")]
    [InlineData("procuro intervenientes em reciclagem em Portugal", "pt", "PT", "reciclagem")]
    [InlineData("procuro agentes-chave em reciclagem em Portugal", "pt", "PT", "reciclagem")]
    [InlineData("busco actores clave en textiles técnicos en España", "es", "ES", "textiles técnicos")]
    [InlineData("busco agentes clave en reciclaje en España", "es", "ES", "reciclaje")]
    [InlineData("cerco attori chiave nel riciclo in Italia", "it", "IT", "riciclo")]
    [InlineData("cerco operatori nel riciclo in Italia", "it", "IT", "riciclo")]
    [InlineData("Türkiye'deki teknik tekstil paydaşları", "tr", "TR", "teknik tekstil")]
    [InlineData("Türkiye'deki teknik tekstil kilit oyuncular", "tr", "TR", "teknik tekstil")]
    [InlineData("hledám klíčové hráče v recyklaci v Česku", "cs", "CZ", "recyklaci")]
    [InlineData("hledám aktéry v recyklaci v Česku", "cs", "CZ", "recyklaci")]
    public void Recognize_PeopleInSomethingSomewhere_APartnerSearchForTheThingThereWithoutThePeopleWords(string typed, string language, string country, string words)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(words.Split(' '), result.Entities.Keywords);
    }

    /// <summary>The same words where they are what the search looks for: kept.</summary>
    [Theory]
    [InlineData("find skin contact textiles in Italy", "contact")]
    [InlineData("find key technologies for nonwovens in Italy", "key")]
    [InlineData("procuro agentes de acabamento em Portugal", "agentes")]
    [InlineData("busco agentes ignífugos en España", "agentes")]
    [InlineData("cerco agenti antimicrobici in Italia", "agenti")]
    [InlineData("Türkiye'deki oyuncak kumaşı firmaları", "oyuncak")]
    [InlineData("hledám kontaktní vrstvy textilií v Česku", "kontaktní")]
    public void Recognize_AWordThatIsASearchWordThere_StaysAKeyword(string typed, string keyword)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Contains(keyword, result.Entities.Keywords);
    }

    [Fact]
    public void Clean_ModelsKeywords_PeopleLeftOutEvenSplitIntoTwoKeywords()
    {
        IReadOnlyList<string> cleaned = SearchRestrictors.Clean(
            ["key players", "technical textiles", "key", "players", "stakeholders", "principais atores", "actores clave", "attori chiave",
                "kilit oyuncular", "paydaşlar", "klíčoví hráči", "aktéři", "agentes", "players", "key technologies"]);

        Assert.Equal(["technical textiles", "agentes", "players", "key technologies"], cleaned);
    }
}
