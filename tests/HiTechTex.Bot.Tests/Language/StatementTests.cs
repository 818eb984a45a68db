using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// A message that says what the organisations, people, sector or textile term it names somewhere are — "the textile
/// companies in Italy are struggling", "agentes do setor têxtil e do vestuário em Portugal são simpáticos" — is an
/// opinion, not a search typed as into a search box. Before, a textile term (or organisations) and a place were enough:
/// it searched "têxtil vestuário simpáticos" in Portugal (the "nothing else said" check was the people rule's only).
/// </summary>
public sealed class StatementTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    // A textile term and a place ("vestuário" is clothing; with "calçado", no textile term, it already started nothing).
    [InlineData("agentes do setor têxtil e do vestuário em Portugal são simpáticos", "pt")]
    [InlineData("vestuário em Portugal é caro", "pt")]
    [InlineData("nonwovens in Turkey are great", "en")]
    [InlineData("the textile industry in Italy is struggling", "en")]
    [InlineData("i tessuti non tessuti in Italia sono cari", "it")]
    // Organisations somewhere.
    [InlineData("the textile companies in Italy are struggling", "en")]
    [InlineData("textile companies in Italy are nice", "en")]
    [InlineData("universities in Spain are great", "en")]
    [InlineData("as empresas têxteis em Portugal são simpáticas", "pt")]
    [InlineData("as empresas têxteis em Portugal estão em crise", "pt")]
    [InlineData("las empresas textiles en España son simpáticas", "es")]
    [InlineData("las empresas textiles en España están en crisis", "es")]
    [InlineData("le aziende tessili in Italia sono simpatiche", "it")]
    [InlineData("Türkiye'deki tekstil firmaları çok nazik", "tr")]
    [InlineData("Türkiye'deki tekstil firmaları iyi değil", "tr")]
    [InlineData("textilní firmy v Česku jsou milé", "cs")]
    [InlineData("textilní firmy v Česku nejsou drahé", "cs")]
    public void Recognize_WhatIsNamedSomewhereIsSaidToBeSomething_NoPartnerSearch(string typed, string language)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.None, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.False(result.PeopleSomewhere);
    }

    /// <summary>
    /// What is named alone, a verb of being in a relative clause or a question ("that are certified", "que são
    /// certificadas", "are there…?"), a Turkish "çok" before the noun it counts (many textile companies), or a request
    /// with a verb or a partner's word: a partner search as before.
    /// </summary>
    [Theory]
    [InlineData("textile companies in Italy", "IT", "textile")]
    [InlineData("empresas têxteis em Portugal", "PT", "têxteis")]
    [InlineData("empresas textiles en España", "ES", "textiles")]
    [InlineData("aziende tessili in Italia", "IT", "tessili")]
    [InlineData("tekstil firmaları İtalya'da", "IT", "tekstil")]
    [InlineData("textilní firmy v Česku", "CZ", "textilní")]
    [InlineData("nonwovens in Turkey", "TR", "nonwovens")]
    [InlineData("vestuário em Portugal", "PT", "vestuário")]
    [InlineData("I need a textile partner in Spain", "ES", "textile")]
    [InlineData("find partners in Italy", "IT", "")]
    [InlineData("are there textile companies in Italy", "IT", "textile")]
    [InlineData("are there technology centres in Spain?", "ES", "")]
    [InlineData("companies in Portugal that are ISO certified", "PT", "iso certified")]
    [InlineData("which textile companies in Italy are certified", "IT", "textile certified")]
    [InlineData("textile companies in Italy are certified?", "IT", "textile certified")]
    [InlineData("empresas em Portugal que são certificadas", "PT", "certificadas")]
    [InlineData("empresas en España que son certificadas", "ES", "certificadas")]
    [InlineData("aziende tessili in Italia che sono certificate", "IT", "tessili certificate")]
    [InlineData("İtalya'da çok tekstil firması", "IT", "tekstil")]
    [InlineData("textilní firmy v Česku, které jsou certifikované", "CZ", "textilní certifikované")]
    public void Recognize_WhatIsLookedForSomewhere_StillAPartnerSearch(string typed, string country, string words)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        var query = FindPartnersDialog.QueryOf(result.Entities);
        Assert.Equal(country, query.Country);
        Assert.Equal(words, query.Q, ignoreCase: true);
    }
}
