using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Companies named by what they do — "manufacturers", "fabricantes", "fornecedores", "proveedores", "produttori",
/// "üreticisi", "tedarikçileri", "výrobci", "dodavatelé" — are nouns for companies as "companies" is: beside a place (or
/// "only") they make a partner search, and they are no search words. Before, "Denizli'den havlu üreticisi" and "towel
/// manufacturers in Portugal" were not understood, and the others searched for the word "proveedores" or "výrobci", which
/// the directory's descriptions seldom hold. So are those who provide or sell it ("providers", "satıcılar",
/// "poskytovatelé"); "decision makers" are people, and neither of their words is searched — nor are "key players",
/// "stakeholders", "principais atores", "actores clave", "attori chiave", "kilit oyuncular", "klíčoví hráči". Words a
/// textile search does look for ("skin contact", "agentes ignífugos", "agenti antimicrobici") stay keywords.
/// </summary>
public sealed class CompanyKindNounTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("towel manufacturers in Portugal", "en", "PT", "towel")]
    [InlineData("suppliers of technical textiles in Italy", "en", "IT", "technical textiles")]
    [InlineData("textile machinery makers in Italy", "en", "IT", "textile machinery")]
    [InlineData("nonwovens producers in Turkey", "en", "TR", "nonwovens")]
    [InlineData("fabricantes de toalhas em Portugal", "pt", "PT", "toalhas")]
    [InlineData("fornecedores de fios em Portugal", "pt", "PT", "fios")]
    [InlineData("proveedores de hilo en España", "es", "ES", "hilo")]
    [InlineData("fabricantes de tejidos en España", "es", "ES", "tejidos")]
    [InlineData("produttori di tessuti tecnici in Italia", "it", "IT", "tessuti tecnici")]
    [InlineData("fornitori di filati in Italia", "it", "IT", "filati")]
    [InlineData("Türkiye'deki tekstil üreticileri", "tr", "TR", "tekstil")]
    [InlineData("výrobci netkaných textilií v Česku", "cs", "CZ", "netkaných textilií")]
    [InlineData("dodavatelé přízí v Česku", "cs", "CZ", "přízí")]
    // Those who provide or sell a thing: "providers" was a word to look for ("dyeing providers in Italy" searched it too),
    // and "satıcıları", "poskytovatelé" with a place no search at all.
    [InlineData("dyeing providers in Italy", "en", "IT", "dyeing")]
    [InlineData("yarn provider in Spain", "en", "ES", "yarn")]
    [InlineData("yarn sellers in Spain", "en", "ES", "yarn")]
    [InlineData("provedores de tinturaria em Portugal", "pt", "PT", "tinturaria")]
    [InlineData("vendedores de tecidos em Portugal", "pt", "PT", "tecidos")]
    [InlineData("vendedores de tejidos en España", "es", "ES", "tejidos")]
    [InlineData("venditori di filati in Italia", "it", "IT", "filati")]
    [InlineData("Türkiye'deki kumaş satıcıları", "tr", "TR", "kumaş")]
    [InlineData("Türkiye'deki boya satıcısı", "tr", "TR", "boya")]
    [InlineData("Türkiye'deki test hizmeti sağlayıcıları", "tr", "TR", "test hizmeti")]
    [InlineData("poskytovatelé zkoušek v Česku", "cs", "CZ", "zkoušek")]
    [InlineData("prodejci přízí v Česku", "cs", "CZ", "přízí")]
    // Makers of something that starts like a people's compound ("decision makers") still search what they make.
    [InlineData("yarn makers in Spain", "en", "ES", "yarn")]
    [InlineData("decision support software makers in Italy", "en", "IT", "decision support software")]
    // People at organisations are whom a search reaches, not words the descriptions hold: "find key players in technical
    // textiles in Portugal" searched "key players" too.
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
    // People somewhere, with no verb and nothing else said: a search there with no words to look for, as "decision makers
    // in Italy" was ("makers" being a noun for companies); before, "I didn't understand".
    [InlineData("stakeholders in Portugal", "en", "PT", "")]
    [InlineData("key players in Turkey", "en", "TR", "")]
    [InlineData("principais atores em Espanha", "pt", "ES", "")]
    [InlineData("actores clave en España", "es", "ES", "")]
    [InlineData("attori chiave in Italia", "it", "IT", "")]
    [InlineData("Türkiye'deki paydaşlar", "tr", "TR", "")]
    [InlineData("klíčoví hráči v Česku", "cs", "CZ", "")]
    [InlineData("agentes del sector en España", "es", "ES", "")]
    [InlineData("operatori del settore in Italia", "it", "IT", "")]
    [InlineData("players in the sector in Portugal", "en", "PT", "")]
    [InlineData("aktéři v oboru v Česku", "cs", "CZ", "")]
    public void Recognize_WhatCompaniesMakeSomewhere_APartnerSearchForWhatTheyMakeThere(string typed, string language, string country, string words)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), result.Entities.Keywords);
    }

    [Theory]
    [InlineData("only manufacturers in Portugal", "en", "PT")]
    [InlineData("só fornecedores em Portugal", "pt", "PT")]
    [InlineData("solo proveedores en España", "es", "ES")]
    [InlineData("solo produttori in Italia", "it", "IT")]
    [InlineData("sadece Türkiye'deki tedarikçiler", "tr", "TR")]
    [InlineData("pouze výrobci v Česku", "cs", "CZ")]
    [InlineData("only providers in Portugal", "en", "PT")]
    [InlineData("only sellers in Italy", "en", "IT")]
    [InlineData("só provedores em Portugal", "pt", "PT")]
    [InlineData("solo vendedores en España", "es", "ES")]
    [InlineData("solo venditori in Italia", "it", "IT")]
    [InlineData("sadece Türkiye'deki satıcılar", "tr", "TR")]
    [InlineData("pouze poskytovatelé v Česku", "cs", "CZ")]
    // "decision makers" are people at organisations, not companies that make "decision": the search is in the country
    // named, with neither word to look for (it searched "decision", which the descriptions do not hold).
    [InlineData("decision makers in Italy", "en", "IT")]
    [InlineData("decision-makers in Spain", "en", "ES")]
    [InlineData("policy makers in Portugal", "en", "PT")]
    [InlineData("only decision makers in Italy", "en", "IT")]
    public void Recognize_OnlyMakersOrDecisionMakersInACountry_TheCountryInTheLanguageTypedAndNoSearchWords(string typed, string language, string country)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(language, result.Language);
        var query = FindPartnersDialog.QueryOf(result.Entities);
        Assert.Equal("", query.Q);
        Assert.Equal(country, query.Country);
    }

    /// <summary>Ordinary chat that names a place (and people, plainly or with more to say) starts no search.</summary>
    [Theory]
    [InlineData("I live in Portugal")]
    [InlineData("people in Portugal are friendly")]
    [InlineData("my contacts in Spain")]
    [InlineData("stakeholders")]
    [InlineData("key players")]
    [InlineData("moro em Portugal com pessoas simpáticas")]
    [InlineData("vivo en España")]
    [InlineData("le persone in Italia sono gentili")]
    [InlineData("Türkiye'deki insanlar çok nazik")]
    [InlineData("lidé v Česku jsou milí")]
    public void Recognize_OrdinaryChatWithAPlace_NoPartnerSearch(string typed)
    {
        Assert.NotEqual(Intent.FindPartners, recognizer.Recognize(typed, null).Intent);
    }

    /// <summary>
    /// A people noun of the sector ("agentes del sector", "players in the sector", "sektördeki oyuncular") is people, and
    /// the sector word alone is nothing to look for; what the sector is ("textile sector") stays a keyword.
    /// </summary>
    [Theory]
    [InlineData("agentes del sector", "")]
    [InlineData("operatori del settore", "")]
    [InlineData("attori del settore", "")]
    [InlineData("sektördeki oyuncular", "")]
    [InlineData("players in the sector", "")]
    [InlineData("aktéři v oboru", "")]
    [InlineData("agentes do setor", "")]
    [InlineData("find companies in the textile sector in Italy", "textile")]
    [InlineData("busco agentes del sector textil en España", "textil")]
    [InlineData("tekstil sektöründeki oyuncular", "tekstil")]
    // The sector's name between the people and the sector word: "players" stayed a keyword beside "textile".
    [InlineData("players of the textile sector", "textile")]
    [InlineData("key players of the textile sector", "textile")]
    [InlineData("players in the textile sector", "textile")]
    [InlineData("players in the textile and clothing sector", "textile clothing")]
    [InlineData("agentes do setor têxtil", "têxtil")]
    [InlineData("agentes del sector textil", "textil")]
    [InlineData("jugadores del sector textil", "textil")]
    [InlineData("operatori del settore tessile", "tessile")]
    [InlineData("hráči textilního sektoru", "textilního")]
    [InlineData("klíčoví hráči textilního sektoru", "textilního")]
    [InlineData("tekstil sektörünün oyuncuları", "tekstil")]
    // What only ends before a sector is no people's: finishing agents, antimicrobial agents.
    [InlineData("agentes de acabamento do setor têxtil", "agentes acabamento têxtil")]
    [InlineData("agenti antimicrobici per il settore tessile", "agenti antimicrobici tessile")]
    public void Recognize_PeopleOfTheSector_NeitherThePeopleNorTheSectorAreKeywords(string typed, string words)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), result.Entities.Keywords);
    }

    /// <summary>
    /// People of a named sector somewhere, with no verb ("players of the textile sector in Italy"), are a partner search
    /// for the sector's name there, as the people alone somewhere are ("stakeholders in Portugal"). Before: "I didn't
    /// understand", though the keywords and the country were right — the sector's name was a keyword beside the place.
    /// </summary>
    [Theory]
    [InlineData("players of the textile sector in Italy", "IT", "textile")]
    [InlineData("key players of the textile sector in Italy", "IT", "textile")]
    [InlineData("textile sector players in Italy", "IT", "textile")]
    [InlineData("agentes do setor têxtil em Portugal", "PT", "têxtil")]
    [InlineData("agentes del sector textil en España", "ES", "textil")]
    [InlineData("operatori del settore tessile in Italia", "IT", "tessile")]
    [InlineData("hráči textilního sektoru v Česku", "CZ", "textilního")]
    [InlineData("İtalya'daki tekstil sektörünün oyuncuları", "IT", "tekstil")]
    [InlineData("people of the textile sector in Portugal", "PT", "textile")]
    // A sector named with a coordination ("textile and footwear"): both its names are searched (the search ranks an
    // organisation that names either). Before, where the second name is no textile term, the scan of the name stopped at
    // the connector after the "and" ("e do calçado", "y del calzado", "e della pelle") or at Turkish "ve", and the second
    // name was a word beside the place: "I didn't understand".
    [InlineData("players of the textile and footwear sector in Portugal", "PT", "textile footwear")]
    [InlineData("players of the textile, clothing and footwear sector in Portugal", "PT", "textile clothing footwear")]
    [InlineData("textile and footwear sector players in Portugal", "PT", "textile footwear")]
    [InlineData("agentes do setor têxtil e do calçado em Portugal", "PT", "têxtil calçado")]
    [InlineData("agentes do setor têxtil e calçado em Portugal", "PT", "têxtil calçado")]
    [InlineData("agentes do setor têxtil e do vestuário em Portugal", "PT", "têxtil vestuário")]
    [InlineData("agentes del sector textil y del calzado en España", "ES", "textil calzado")]
    [InlineData("agentes del sector textil y de la piel en España", "ES", "textil piel")]
    [InlineData("agentes del sector textil y de la confección en España", "ES", "textil confección")]
    [InlineData("operatori del settore tessile e della pelle in Italia", "IT", "tessile pelle")]
    [InlineData("operatori del settore tessile e dell'abbigliamento in Italia", "IT", "tessile abbigliamento")]
    [InlineData("Türkiye'deki tekstil ve deri sektörünün oyuncuları", "TR", "tekstil deri")]
    [InlineData("Türkiye'deki tekstil ve hazır giyim sektörünün oyuncuları", "TR", "tekstil hazır giyim")]
    [InlineData("hráči textilního a obuvnického sektoru v Česku", "CZ", "textilního obuvnického")]
    [InlineData("hráči textilního a oděvního sektoru v Česku", "CZ", "textilního oděvního")]
    public void Recognize_PeopleOfANamedSectorSomewhere_APartnerSearchForTheSectorThere(string typed, string country, string words)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(words.Split(' '), result.Entities.Keywords);
    }

    /// <summary>With more said than the people, their sector and the place, it is no request.</summary>
    [Theory]
    [InlineData("people in Portugal are friendly")]
    [InlineData("players of the textile sector in Italy are important")]
    [InlineData("agentes do setor têxtil em Portugal são simpáticos")]
    [InlineData("agentes do setor têxtil e do calçado em Portugal são simpáticos")]
    [InlineData("agentes do setor têxtil e os seus clientes em Portugal")]
    [InlineData("operatori del settore tessile in Italia sono gentili")]
    public void Recognize_PeopleOfASectorSomewhereWithMoreSaid_NoPartnerSearch(string typed)
    {
        Assert.Equal(Intent.None, recognizer.Recognize(typed, null).Intent);
    }

    [Fact]
    public void Clean_ModelsKeywords_PeopleOfTheSectorAndTheSectorWordLeftOut()
    {
        IReadOnlyList<string> cleaned = SearchRestrictors.Clean(
            ["agentes del sector", "operatori del settore", "sektördeki oyuncular", "players in the sector", "aktéři v oboru", "sector", "textile sector",
                "players of the textile sector", "hráči textilního sektoru"]);

        Assert.Equal(["textile", "textile", "textilního"], cleaned);
    }

    /// <summary>"Denizli'den" (from Denizli) names a place as "Denizli'de" (in Denizli) does, a known city or not.</summary>
    [Theory]
    [InlineData("Denizli'den havlu üreticisi", "denizli", "havlu")]
    [InlineData("Denizli'de havlu üreticisi", "denizli", "havlu")]
    [InlineData("DENİZLİ'DEN HAVLU ÜRETİCİSİ", "denizli", "havlu")]
    [InlineData("Uşak'tan iplik tedarikçisi", "uşak", "iplik")]
    [InlineData("Çorlu'dan kumaş üreticisi", "çorlu", "kumaş")]
    public void Recognize_TurkishFromAPlace_APartnerSearchForThePlaceAndWhatIsMade(string typed, string place, string made)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("tr", result.Language);
        Assert.Equal([place, made], result.Entities.Keywords.Select(k => k.ToLower(System.Globalization.CultureInfo.GetCultureInfo("tr"))));
    }

    [Fact]
    public void Recognize_FromDenizliInTurkishAndEnglish_TheSameSearch()
    {
        var turkish = recognizer.Recognize("Denizli'den havlu üreticisi", null);
        var english = recognizer.Recognize("towel manufacturer in Denizli", null);

        Assert.Equal(english.Intent, turkish.Intent);
        Assert.Equal("Denizli", turkish.Entities.City);
        Assert.Equal(english.Entities.City, turkish.Entities.City);
        Assert.Equal(english.Entities.Keywords.Count, turkish.Entities.Keywords.Count);
    }

    [Theory]
    [InlineData("manufacturers")]
    [InlineData("fornitori")]
    public void Recognize_TheNounAlone_NoPartnerSearchIsMadeUp(string typed)
    {
        Assert.NotEqual(Intent.FindPartners, recognizer.Recognize(typed, null).Intent);
    }

    [Fact]
    public void Clean_ModelsKeywords_TheNounsLeftOutWhatIsMadeKept()
    {
        IReadOnlyList<string> cleaned = SearchRestrictors.Clean(["towel manufacturers", "fornecedores", "proveedores de hilo", "üreticisi", "výrobci"]);

        Assert.Equal(["towel", "de hilo"], cleaned);
    }

    [Fact]
    public void Clean_ModelsKeywords_ProvidersAndDecisionMakersLeftOut()
    {
        IReadOnlyList<string> cleaned = SearchRestrictors.Clean(
            ["decision makers", "Decision-Makers", "policy maker", "dyeing providers", "provedores", "satıcılar", "hizmet sağlayıcı", "poskytovatelé", "decision"]);

        Assert.Equal(["dyeing", "hizmet", "decision"], cleaned);
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
