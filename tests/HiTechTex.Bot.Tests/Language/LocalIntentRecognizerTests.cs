using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

public sealed class LocalIntentRecognizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    public static TheoryData<string, Intent, string> Phrasings => new()
    {
        // English
        { "Find partners for nonwovens", Intent.FindPartners, "en" },
        { "I am looking for a dyeing company", Intent.FindPartners, "en" },
        { "who can help me with recycling of polyester?", Intent.FindPartners, "en" },
        { "I want to apply for a staff exchange", Intent.ApplyForExchange, "en" },
        { "how do I apply for an exchange", Intent.ApplyForExchange, "en" },
        { "register me for coaching", Intent.RegisterForCoaching, "en" },
        { "Sign me up for a training session", Intent.RegisterForCoaching, "en" },
        { "show my applications", Intent.MyApplications, "en" },
        { "what is the status of my application?", Intent.MyApplications, "en" },
        { "my sessions", Intent.MySessions, "en" },
        { "when is my next session", Intent.MySessions, "en" },
        { "help", Intent.Help, "en" },
        { "what can you do?", Intent.Help, "en" },
        { "cancel", Intent.Cancel, "en" },
        { "never mind, forget it", Intent.Cancel, "en" },
        // Portuguese
        { "Procuro parceiros para têxteis técnicos", Intent.FindPartners, "pt" },
        { "quero encontrar uma empresa de tinturaria", Intent.FindPartners, "pt" },
        { "quero candidatar-me a um intercâmbio", Intent.ApplyForExchange, "pt" },
        { "gostaria de fazer um intercambio", Intent.ApplyForExchange, "pt" },
        { "quero inscrever-me numa sessão de coaching", Intent.RegisterForCoaching, "pt" },
        { "mostra as minhas candidaturas", Intent.MyApplications, "pt" },
        { "quais são as minhas sessões", Intent.MySessions, "pt" },
        { "ajuda", Intent.Help, "pt" },
        { "o que podes fazer?", Intent.Help, "pt" },
        { "cancelar", Intent.Cancel, "pt" },
        // Spanish
        { "Busco socios en Cataluña", Intent.FindPartners, "es" },
        { "necesito encontrar un laboratorio de ensayos", Intent.FindPartners, "es" },
        { "quiero solicitar un intercambio", Intent.ApplyForExchange, "es" },
        { "quiero inscribirme en una mentoría", Intent.RegisterForCoaching, "es" },
        { "ver mis solicitudes", Intent.MyApplications, "es" },
        { "mis sesiones", Intent.MySessions, "es" },
        { "¿qué puedes hacer?", Intent.Help, "es" },
        { "olvídalo", Intent.Cancel, "es" },
        // Italian
        { "cerco partner per la tessitura", Intent.FindPartners, "it" },
        { "sto cercando un centro di ricerca", Intent.FindPartners, "it" },
        { "vorrei candidarmi per uno scambio", Intent.ApplyForExchange, "it" },
        { "voglio iscrivermi al coaching", Intent.RegisterForCoaching, "it" },
        { "mostrami le mie candidature", Intent.MyApplications, "it" },
        { "le mie sessioni", Intent.MySessions, "it" },
        { "aiuto", Intent.Help, "it" },
        { "annulla", Intent.Cancel, "it" },
        // Turkish
        { "Örme için ortak arıyorum", Intent.FindPartners, "tr" },
        { "bir laboratuvar bulmak istiyorum", Intent.FindPartners, "tr" },
        { "değişim programına başvurmak istiyorum", Intent.ApplyForExchange, "tr" },
        { "koçluk için kaydolmak istiyorum", Intent.RegisterForCoaching, "tr" },
        { "başvurularımı göster", Intent.MyApplications, "tr" },
        { "oturumlarım", Intent.MySessions, "tr" },
        { "yardım", Intent.Help, "tr" },
        { "iptal", Intent.Cancel, "tr" },
        // Czech
        { "Hledám partnera pro zátěrování", Intent.FindPartners, "cs" },
        { "potřebuji najít laboratoř", Intent.FindPartners, "cs" },
        { "chci se přihlásit na výměnu pracovníků", Intent.ApplyForExchange, "cs" },
        { "chci se přihlásit na koučink", Intent.RegisterForCoaching, "cs" },
        { "ukaž moje přihlášky", Intent.MyApplications, "cs" },
        { "moje sezení", Intent.MySessions, "cs" },
        { "nápověda", Intent.Help, "cs" },
        { "zrušit", Intent.Cancel, "cs" },
        // More phrasings
        { "can you help me find a lab?", Intent.FindPartners, "en" },
        { "search for a cluster in Tuscany", Intent.FindPartners, "en" },
        { "I would like to go on a secondment", Intent.ApplyForExchange, "en" },
        { "enrol me in the workshop on circular economy", Intent.RegisterForCoaching, "en" },
        { "cancel my application", Intent.MyApplications, "en" },   // the list, with its Withdraw buttons
        { "preciso de um parceiro em Espanha", Intent.FindPartners, "pt" },
        { "como me candidato à mobilidade?", Intent.ApplyForExchange, "pt" },
        { "quero registar-me numa mentoria", Intent.RegisterForCoaching, "pt" },
        { "qual é o estado da candidatura", Intent.MyApplications, "pt" },
        { "a minha próxima sessão", Intent.MySessions, "pt" },
        { "esquece", Intent.Cancel, "pt" },
        { "estoy buscando un centro tecnológico en Valencia", Intent.FindPartners, "es" },
        { "me gustaría postularme al programa de movilidad", Intent.ApplyForExchange, "es" },
        { "apúntame al taller de digitalización", Intent.RegisterForCoaching, "es" },
        { "¿cuál es el estado de mi solicitud?", Intent.MyApplications, "es" },
        { "¿cuándo es mi próxima sesión?", Intent.MySessions, "es" },
        { "ayuda por favor", Intent.Help, "es" },
        { "quiero cancelar", Intent.Cancel, "es" },
        { "ho bisogno di un laboratorio di finissaggio", Intent.FindPartners, "it" },
        { "come faccio domanda per lo scambio?", Intent.ApplyForExchange, "it" },
        { "vorrei registrarmi alla formazione", Intent.RegisterForCoaching, "it" },
        { "qual è lo stato della candidatura", Intent.MyApplications, "it" },
        { "quando è la mia prossima sessione", Intent.MySessions, "it" },
        { "cosa puoi fare?", Intent.Help, "it" },
        { "lascia perdere", Intent.Cancel, "it" },
        { "Ege bölgesinde işbirliği için bir firma arıyorum", Intent.FindPartners, "tr" },
        { "personel değişimi için başvuru yapmak istiyorum", Intent.ApplyForExchange, "tr" },
        { "eğitim oturumuna kayıt olmak istiyorum", Intent.RegisterForCoaching, "tr" },
        { "başvuru durumu nedir", Intent.MyApplications, "tr" },
        { "kayıtlarımı göster", Intent.MySessions, "tr" },
        { "ne yapabilirsin", Intent.Help, "tr" },
        { "vazgeç", Intent.Cancel, "tr" },
        { "najdi mi partnera v Itálii", Intent.FindPartners, "cs" },
        { "chci podat přihlášku na stáž", Intent.ApplyForExchange, "cs" },
        { "chci se registrovat na školení", Intent.RegisterForCoaching, "cs" },
        { "jaký je stav přihlášky", Intent.MyApplications, "cs" },
        { "kdy je moje další sezení", Intent.MySessions, "cs" },
        { "co umíš?", Intent.Help, "cs" },
        { "konec", Intent.Cancel, "cs" },
    };

    public static TheoryData<string, Intent> Typos => new()
    {
        { "find partnres in Italy", Intent.FindPartners },
        { "I want to aplly for an exhcange", Intent.ApplyForExchange },
        { "registr me for coachign", Intent.RegisterForCoaching },
        { "show my aplications", Intent.MyApplications },
        { "PROCURO PARCEIROS", Intent.FindPartners },
        { "quero candidatar me a um intercambio", Intent.ApplyForExchange },
        { "cancelr", Intent.Cancel },
        { "basvurularim", Intent.MyApplications },
        { "hledam partnera", Intent.FindPartners },
        { "minhas sesoes", Intent.MySessions },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public async Task RecognizeAsync_PhrasingInSixLanguages_FindsIntentAndLanguage(string text, Intent expected, string language)
    {
        var result = await recognizer.RecognizeAsync(text, null, null, CancellationToken.None);

        Assert.Equal(expected, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.InRange(result.Score, 0.5, 1);
        Assert.Equal(LocalIntentRecognizer.SourceName, result.Source);
    }

    [Theory]
    [MemberData(nameof(Typos))]
    public void Recognize_TyposCaseAndMissingAccents_StillFindsIntent(string text, Intent expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(expected, result.Intent);
    }

    [Theory]
    [InlineData("hello, how are you?", "en")]
    [InlineData("thanks a lot!", "en")]
    [InlineData("bom dia, tudo bem?", "pt")]
    [InlineData("hola, ¿qué tal?", "es")]
    [InlineData("ciao, come stai?", "it")]
    [InlineData("merhaba, nasılsın?", "tr")]
    [InlineData("ahoj, jak se máš?", "cs")]
    public void Recognize_SmallTalk_IsNoneIntent(string text, string language)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.None, result.Intent);
        Assert.Equal(0, result.Score);
        Assert.Equal(language, result.Language);
    }

    [Fact]
    public void Recognize_EnglishFacilityQuery_ExtractsKeywordsCountryAndKind()
    {
        var result = recognizer.Recognize("I need a finishing lab in Italy for antimicrobial treatment", "en-US");

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("en", result.Language);
        Assert.Equal(["finishing", "lab", "antimicrobial", "treatment"], result.Entities.Keywords);
        Assert.Equal("IT", result.Entities.Country);
        Assert.Equal("Facility", result.Entities.OrganisationKind);
    }

    [Fact]
    public void Recognize_PortugueseQueryAboutItalianFacility_IsPortugueseWithItalyAndFacility()
    {
        var result = recognizer.Recognize("Procuro um laboratório de acabamento em Itália para tratamento antimicrobiano", "en-US");

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("pt", result.Language);
        Assert.Equal("IT", result.Entities.Country);
        Assert.Equal("Facility", result.Entities.OrganisationKind);
        Assert.Equal(["laboratório", "acabamento", "tratamento", "antimicrobiano"], result.Entities.Keywords);
    }

    [Theory]
    [InlineData("partners in Spain", "ES")]
    [InlineData("empresas portuguesas", "PT")]
    [InlineData("un'azienda turca", "TR")]
    [InlineData("firma v Itálii", "IT")]
    [InlineData("İtalya'da bir firma", "IT")]
    [InlineData("a company in the Czech Republic", "CZ")]
    [InlineData("empresa na Chéquia", "CZ")]
    [InlineData("česká firma", "CZ")]
    [InlineData("Almanya'da ortak", "DE")]
    [InlineData("socios en Francia", "FR")]
    [InlineData("partner in Belgio", "BE")]
    [InlineData("firmy v Polsku", "PL")]
    [InlineData("parceiros na Roménia", "RO")]
    [InlineData("Yunanistan", "GR")]
    [InlineData("Rakousko", "AT")]
    [InlineData("i Paesi Bassi", "NL")]
    [InlineData("partners in Itlay", "IT")]
    public void Recognize_CountryNamesAndAdjectives_GiveIsoCode(string text, string expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(expected, result.Entities.Country);
    }

    [Theory]
    [InlineData("find partners in Norte", "Norte", "PT")]
    [InlineData("busco socios en Catalunya", "Catalonia", "ES")]
    [InlineData("socios en Cataluña", "Catalonia", "ES")]
    [InlineData("empresas de la Comunitat Valenciana", "Valencia", "ES")]
    [InlineData("partner in Toscana", "Tuscany", "IT")]
    [InlineData("Ege bölgesinde ortak", "Aegean", "TR")]
    [InlineData("firmy v regionu Severovýchod", "Severovýchod", "CZ")]
    [InlineData("partners in North-East Czechia", "Severovýchod", "CZ")]
    public void Recognize_PartnerRegions_GiveRegionAndItsCountry(string text, string region, string country)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(region, result.Entities.Region);
        Assert.Equal(country, result.Entities.Country);
    }

    [Theory]
    [InlineData("find SMEs in dyeing", "SME")]
    [InlineData("procuro PME", "SME")]
    [InlineData("busco una pyme", "SME")]
    [InlineData("cerco una PMI", "SME")]
    [InlineData("KOBİ arıyorum", "SME")]
    [InlineData("hledám MSP", "SME")]
    [InlineData("find a textile cluster", "Cluster")]
    [InlineData("a technology centre for coatings", "RTO")]
    [InlineData("busco un centro tecnológico", "RTO")]
    [InlineData("cerco un centro di ricerca", "RTO")]
    [InlineData("a university working on fibres", "University")]
    [InlineData("universidade do Minho", "University")]
    [InlineData("üniversite ile işbirliği", "University")]
    [InlineData("univerzita v Liberci", "University")]
    [InlineData("an incubator for start-ups", "Accelerator")]
    [InlineData("a DIH", "Accelerator")]
    [InlineData("laboratório de ensaios", "Facility")]
    [InlineData("laboratuvar", "Facility")]
    [InlineData("laboratoř", "Facility")]
    [InlineData("a large company", "LargeCompany")]
    public void Recognize_OrganisationKinds_AreNormalised(string text, string expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(expected, result.Entities.OrganisationKind);
    }

    [Theory]
    [InlineData("coaching on 2026-12-03", "2026-12-03")]
    [InlineData("coaching on 3/12/2026", "2026-12-03")]
    [InlineData("coaching 3.12.2026", "2026-12-03")]
    [InlineData("školení 3. 12. 2026", "2026-12-03")]
    [InlineData("coaching on 3 December 2026", "2026-12-03")]
    [InlineData("coaching on December 3", "2026-12-03")]
    [InlineData("sessão a 3 de dezembro", "2026-12-03")]
    [InlineData("sesión el 3 de diciembre de 2026", "2026-12-03")]
    [InlineData("sessione il 3 dicembre", "2026-12-03")]
    [InlineData("3 Aralık 2026 oturumu", "2026-12-03")]
    [InlineData("sezení 3. prosince 2026", "2026-12-03")]
    [InlineData("coaching on 5 March", "2027-03-05")]
    [InlineData("coaching tomorrow", "2026-11-27")]
    [InlineData("amanhã", "2026-11-27")]
    [InlineData("mañana", "2026-11-27")]
    [InlineData("domani", "2026-11-27")]
    [InlineData("yarın", "2026-11-27")]
    [InlineData("zítra", "2026-11-27")]
    [InlineData("today", "2026-11-26")]
    [InlineData("day after tomorrow", "2026-11-28")]
    public void Recognize_Dates_AreResolvedAgainstTheClock(string text, string expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal([DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)], result.Entities.Dates);
    }

    [Fact]
    public void Recognize_TwoDates_KeepsBothInOrderAndOutOfKeywords()
    {
        var result = recognizer.Recognize("exchange from 1 March 2027 to 15/03/2027 in weaving", null);

        Assert.Equal([new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 15)], result.Entities.Dates);
        Assert.Equal(["weaving"], result.Entities.Keywords);
    }

    [Theory]
    [InlineData("register me for coaching on circular economy", "circular economy")]
    [InlineData("inscrever-me em coaching sobre economia circular", "circular economy")]
    [InlineData("quiero inscribirme en un taller sobre digitalización", "digitalisation")]
    [InlineData("iscrivermi al coaching sui tessili intelligenti", "smart textiles")]
    [InlineData("sürdürülebilirlik hakkında koçluk", "sustainability")]
    [InlineData("koučink o udržitelnosti", "sustainability")]
    [InlineData("coaching about funding", "funding")]
    [InlineData("sign me up for coaching about dyeing wastewater", "dyeing wastewater")]
    [InlineData("coaching sobre tingimento natural", "tingimento natural")]
    [InlineData("boyama atıksuyu hakkında koçluk", "boyama atıksuyu")]
    public void Recognize_SessionTopics_KnownListOrPhraseAfterMarker(string text, string expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(expected, result.Entities.SessionTopic);
    }

    [Theory]
    [InlineData("register for coaching on Friday", null)]                       // before: "Friday"
    [InlineData("coaching on Monday", null)]                                    // before: "Monday"
    [InlineData("coaching on Mondays", null)]
    [InlineData("coaching about dyeing wastewater Friday", "dyeing wastewater")]
    [InlineData("coaching sobre tingimento sexta-feira", "tingimento")]         // before: "tingimento sexta-feira"
    [InlineData("taller sobre tintura viernes", "tintura")]
    [InlineData("coaching sul finissaggio venerdì", "finissaggio")]
    [InlineData("pazartesi boyama hakkında koçluk", "boyama")]                  // before: "pazartesi boyama"
    [InlineData("pazar günü boyama hakkında koçluk", "boyama")]
    [InlineData("cuma günü boyama hakkında koçluk", "boyama")]
    [InlineData("koučink o barvení pátek", "barvení")]
    public void Recognize_AWeekdayNextToATopicMarker_IsNoTopic(string text, string? expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(expected, result.Entities.SessionTopic);
    }

    [Theory]
    [InlineData("coaching sobre quinta biológica", "quinta biológica")]     // a farm, not Thursday ("quinta-feira")
    [InlineData("coaching sobre feira têxtil", "feira têxtil")]             // a trade fair
    [InlineData("pazar araştırması hakkında koçluk", "pazar araştırması")]  // market research, not Sunday ("pazar günü")
    [InlineData("coaching sui sali per tintura", "sali")]                  // salts, not the Turkish Tuesday ("salı günü")
    public void Recognize_AWordThatIsAlsoAWeekdaysName_StaysTheTopic(string text, string expected)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(expected, result.Entities.SessionTopic);
    }

    [Fact]
    public void Recognize_NoLanguageEvidence_UsesLocaleAsTieBreaker()
    {
        var result = recognizer.Recognize("Toscana", "it-IT");

        Assert.Equal("it", result.Language);
        Assert.Equal(Intent.None, result.Intent);
    }

    [Theory]
    [InlineData("es-ES", "es")]
    [InlineData("pt-BR", "pt")]
    public void Recognize_WordSharedByTwoLanguages_LocaleBreaksTheTie(string locale, string expected)
    {
        var result = recognizer.Recognize("cancelar", locale);

        Assert.Equal(Intent.Cancel, result.Intent);
        Assert.Equal(expected, result.Language);
    }

    [Fact]
    public void Recognize_StopWordsOutvoteLocale_DetectsTextLanguage()
    {
        var result = recognizer.Recognize("quero encontrar uma empresa de tinturaria no Norte", "en-US");

        Assert.Equal("pt", result.Language);
        Assert.Equal(["tinturaria"], result.Entities.Keywords);
    }

    [Theory]
    [InlineData("about")]
    [InlineData("learn about smart textiles")]
    [InlineData("pasta")]
    [InlineData("I need a one-stop shop for dyeing in Italy")]
    [InlineData("what is your exit strategy for the exchange programme")]
    [InlineData("vorrei sapere di più sulla tintura, basta un laboratorio piccolo")]
    public void Recognize_CancelWordsInsideASentenceOrOneTypoFromAShortWord_DoNotCancel(string text)
    {
        // "about" was one typo from "abort": "learn about smart textiles" was answered "OK, I've cancelled that."
        Assert.NotEqual(Intent.Cancel, recognizer.Recognize(text, null).Intent);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("please just cancel it now")]
    [InlineData("cancle")]
    [InlineData("storno")]
    public void Recognize_AShortCancelMessage_StillCancels(string text) =>
        Assert.Equal(Intent.Cancel, recognizer.Recognize(text, null).Intent);

    [Theory]
    [InlineData("cancel my session", Intent.MySessions)]
    [InlineData("cancel my booking", Intent.MySessions)]
    [InlineData("cancelar as minhas sessões", Intent.MySessions)]
    [InlineData("cancel my application", Intent.MyApplications)]
    [InlineData("withdraw my application", Intent.MyApplications)]
    [InlineData("cancelar a minha candidatura", Intent.MyApplications)]
    [InlineData("retirar candidatura", Intent.MyApplications)]
    [InlineData("retirar a minha candidatura", Intent.MyApplications)]
    [InlineData("cancelar mi solicitud", Intent.MyApplications)]
    [InlineData("retirar solicitud", Intent.MyApplications)]
    [InlineData("retirar mi solicitud", Intent.MyApplications)]
    [InlineData("annullare la candidatura", Intent.MyApplications)]
    [InlineData("ritirare la candidatura", Intent.MyApplications)]
    [InlineData("başvurumu iptal et", Intent.MyApplications)]
    [InlineData("başvurumu geri çek", Intent.MyApplications)]
    [InlineData("zrušit žádost", Intent.MyApplications)]
    [InlineData("zrušit přihlášku", Intent.MyApplications)]
    [InlineData("stáhnout žádost", Intent.MyApplications)]
    [InlineData("stáhnout přihlášku", Intent.MyApplications)]
    [InlineData("cancelar a minha inscrição", Intent.MySessions)]
    [InlineData("cancelar mi inscripción", Intent.MySessions)]
    [InlineData("cancelar mi reserva", Intent.MySessions)]
    [InlineData("annulla la mia iscrizione", Intent.MySessions)]
    [InlineData("kaydımı iptal et", Intent.MySessions)]
    [InlineData("zrušit moji registraci", Intent.MySessions)]
    [InlineData("cancel", Intent.Cancel)]
    [InlineData("stop the reminders", Intent.Cancel)]
    public void Recognize_CancelWithSessionOrApplicationWords_GivesThatList(string text, Intent expected)
    {
        // The booking or the application is what is to be cancelled: its list has the Cancel / Withdraw buttons.
        // ("OK, I've cancelled that" for "cancel my booking" told people a booking was cancelled when nothing was.)
        Assert.Equal(expected, recognizer.Recognize(text, null).Intent);
    }

    [Theory]
    [InlineData("show me sessions", Intent.RegisterForCoaching)]
    [InlineData("sessions in January", Intent.RegisterForCoaching)]
    [InlineData("sessions in march", Intent.RegisterForCoaching)]
    [InlineData("sessões em março", Intent.RegisterForCoaching)]
    [InlineData("sesiones en marzo", Intent.RegisterForCoaching)]
    [InlineData("sessioni a marzo", Intent.RegisterForCoaching)]
    [InlineData("moje školení", Intent.MySessions)]
    [InlineData("my sessions", Intent.MySessions)]
    [InlineData("when is my next session", Intent.MySessions)]
    public void Recognize_SessionWords_TheCatalogueOrMySessions(string text, Intent expected) =>
        Assert.Equal(expected, recognizer.Recognize(text, null).Intent);

    [Theory]
    [InlineData("status of my exchange", Intent.MyApplications)]
    [InlineData("who are you?", Intent.Help)]
    public void Recognize_CommonQuestions(string text, Intent expected) =>
        Assert.Equal(expected, recognizer.Recognize(text, null).Intent);

    [Fact]
    public void Recognize_HelpMeFindPartners_FindsPartners()
    {
        var result = recognizer.Recognize("help me find partners", null);

        Assert.Equal(Intent.FindPartners, result.Intent);
    }

    [Fact]
    public void ParseDate_IsoOrWords_Resolves()
    {
        Assert.Equal(new DateOnly(2026, 12, 3), recognizer.ParseDate("2026-12-03"));
        Assert.Equal(new DateOnly(2026, 12, 3), recognizer.ParseDate("3 dezembro"));
        Assert.Null(recognizer.ParseDate("sometime"));
    }

    [Fact]
    public void Recognize_APastedMegabyte_ReadsOnlyItsStart()
    {
        var result = recognizer.Recognize("find partners for nonwovens in Italy " + string.Concat(Enumerable.Repeat("polyester recycling ", 50_000)), "en-US");

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("IT", result.Entities.Country);
        Assert.True(result.Entities.Keywords.Sum(k => k.Length + 1) <= IntentText.MaxLength);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(IntentText.MaxLength, IntentText.MaxLength)]
    [InlineData(IntentText.MaxLength + 5, IntentText.MaxLength)]
    public void IntentText_Bounded_KeepsAtMostTheMaximum(int length, int expected) =>
        Assert.Equal(expected, IntentText.Bounded(new string('a', length)).Length);

    [Fact]
    public void IntentText_Bounded_DoesNotSplitASurrogatePair()
    {
        var text = new string('a', IntentText.MaxLength - 1) + "😀" + "tail";

        var bounded = IntentText.Bounded(text);

        Assert.Equal(IntentText.MaxLength - 1, bounded.Length);
        Assert.False(char.IsHighSurrogate(bounded[^1]));
    }

    [Theory]
    [InlineData("may'da oturumlar", 5)]
    [InlineData("haziran'da eğitim oturumları", 6)]
    [InlineData("mart'ta oturumlar", 3)]
    public void Recognize_TurkishMonthWithItsEndingAfterAnApostrophe_TheMonthNotAKeyword(string text, int month)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.RegisterForCoaching, result.Intent);
        Assert.Equal(new DateOnly(2027, month, 1), result.Entities.Month);
        Assert.Empty(result.Entities.Dates);
    }

    [Fact]
    public void Recognize_CzechForWithANumber_NoDate()
    {
        // "2 pro" was 2 December: the list asked for "sezení 2 pro začátečníky" showed December only.
        var result = recognizer.Recognize("školení 2 pro začátečníky", null);

        Assert.Empty(result.Entities.Dates);
        Assert.Null(result.Entities.Month);
    }

    [Theory]
    [InlineData("nonwovens in Turkey", "TR", "nonwovens")]
    [InlineData("geotextiles in Spain", "ES", "geotextiles")]
    [InlineData("dyeing in Italy", "IT", "dyeing")]
    [InlineData("who does digital printing in Portugal?", "PT", "printing")]
    [InlineData("reciclagem de fibras em Portugal", "PT", "reciclagem")]
    [InlineData("tessuti non tessuti in Turchia", "TR", "tessuti")]
    [InlineData("tintura en Turquía", "TR", "tintura")]
    [InlineData("netkané textilie v Česku", "CZ", "netkane")]
    [InlineData("Türkiye'de boyama", "TR", "boyama")]
    public void TextileTermAndAPlaceWithoutAVerb_IsAPartnerSearchThere(string text, string country, string keyword)
    {
        var result = recognizer.Recognize(text, "en-US");

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities!.Country);
        Assert.Contains(result.Entities.Keywords, k => Fold(k).Contains(keyword, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tessuti non tessuti in Turchia", "tessuti non tessuti")]
    [InlineData("cerco partner per tessuti non tessuti", "tessuti non tessuti")]
    public void ARepeatedWordOfAPhrase_IsKeptInTheKeywords(string text, string keywords)
    {
        Assert.Equal(keywords, string.Join(' ', recognizer.Recognize(text, "it-IT").Entities!.Keywords));
    }

    [Theory]
    [InlineData("I'm going to Italy in March")]
    [InlineData("the weather in Italy")]
    public void APlaceWithoutATextileTerm_IsNoSearch(string text)
    {
        Assert.NotEqual(Intent.FindPartners, recognizer.Recognize(text, "en-US").Intent);
    }

    [Fact]
    public void ACapabilityAlone_IsASearchForIt()
    {
        // Typed into a partner-finding bot with nothing waiting, "nonwovens" is what to look for (CapabilityAloneIsAPartnerSearchTests).
        var result = recognizer.Recognize("nonwovens", "en-US");

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Contains("nonwovens", result.Entities!.Keywords);
    }

    private static string Fold(string text) =>
        new([.. text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
}
