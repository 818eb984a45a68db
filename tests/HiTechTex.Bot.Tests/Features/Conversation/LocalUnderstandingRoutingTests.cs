using System.Globalization;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The main dialog's routing of typed requests with the local recognizer (not a scripted one): what each of the six
/// languages' phrasings starts, and with which entities.
/// </summary>
public sealed class LocalUnderstandingRoutingTests : IDisposable
{
    // A Thursday.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly RecordingJourney journey = new();
    private readonly ConversationTestHost host;

    public LocalUnderstandingRoutingTests()
    {
        host = new ConversationTestHost(configureServices: services =>
        {
            services.AddSingleton<IJourney>(journey);
            services.AddSingleton<IIntentRecognizer>(new LocalIntentRecognizer(new FakeTimeProvider(Now)));
        });
    }

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("cs", "zruš mou rezervaci na čtvrtek")]
    [InlineData("en", "cancel the booking on Thursday")]
    [InlineData("pt", "cancelar a reserva de quinta")]
    [InlineData("es", "cancelar la reserva del jueves")]
    [InlineData("it", "annulla la prenotazione di giovedì")]
    [InlineData("tr", "rezervasyonumu iptal et")]
    public async Task OnTurnAsync_CancelMyBooking_OpensMySessionsNotNothingToCancel(string language, string typed)
    {
        // Before (Czech): "There's nothing in progress to stop…" — the message was read as the bare "cancel".
        Assert.Equal(Intent.MySessions, (await StartedByAsync(language, typed)).Intent);
    }

    [Theory]
    [InlineData("en", "cancel my flight")]
    [InlineData("en", "cancel the search")]
    [InlineData("pt", "cancelar o voo")]
    [InlineData("es", "cancela la búsqueda")]
    [InlineData("it", "cancella il volo")]
    [InlineData("cs", "zruš let")]
    public async Task OnTurnAsync_CancelWithAnUnrelatedObject_NothingIsSaidToBeCancelledNorStarted(string language, string typed)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(typed)
            .AssertReply(reply =>
            {
                Assert.NotEqual(texts.Cancelled, reply.Text);
                Assert.DoesNotContain(texts.Cancelled, reply.Text ?? "", StringComparison.Ordinal);
                Assert.NotEqual("journey started", reply.Text);
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(journey.Starts);
    }

    [Fact]
    public async Task OnTurnAsync_CancelWithAnUnrelatedObject_WhileAQuestionWaits_TheQuestionStays()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("cancel my flight")
            .AssertReply(reply => Assert.NotEqual(ConversationTexts.En.Cancelled, reply.Text))
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "I'd like to spend one week in Italy in March", "IT")]
    [InlineData("en", "I'd like to spend two weeks at a lab in Italy", "IT")]
    [InlineData("pt", "gostaria de passar duas semanas num laboratório em Espanha", "ES")]
    [InlineData("es", "quisiera pasar una semana en Italia en marzo", "IT")]
    [InlineData("it", "vorrei passare una settimana in Spagna a marzo", "ES")]
    [InlineData("tr", "martta İspanya'da bir hafta geçirmek istiyorum", "ES")]
    [InlineData("cs", "chci strávit týden ve Španělsku v březnu", "ES")]
    public async Task OnTurnAsync_SpendTimeSomewhere_StartsTheApplicationWithCountryAndLength(string language, string typed, string country)
    {
        // Before: "I didn't understand" and the help card (EN "one week"), or a partner search for labs (EN, PT).
        var start = await StartedByAsync(language, typed);
        Assert.Equal(Intent.ApplyForExchange, start.Intent);
        Assert.Equal(country, start.Entities.Country);
        Assert.NotNull(start.Entities.StayDays);
    }

    [Theory]
    [InlineData("Mart ortasında İtalya'ya gitmek istiyorum")]              // in the middle of March
    [InlineData("Mart ortalarında İtalya'da bir hafta geçirmek istiyorum")] // around the middle of March
    public async Task OnTurnAsync_TurkishWordsOfTheMiddle_AreNoPartnerWordAndTheJourneyIsTheApplication(string typed)
    {
        // Before: "ortasında" (in the middle of) read as "ortak*" (partner) with one letter replaced — a partner search.
        var start = await StartedByAsync("tr", typed);
        Assert.Equal(Intent.ApplyForExchange, start.Intent);
        Assert.Equal("IT", start.Entities.Country);
        Assert.Equal(new DateOnly(2027, 3, 1), start.Entities.Month);
    }

    [Theory]
    [InlineData("es", "quiero ir a Italia dentro de una semana")]
    [InlineData("pt", "quero ir a Itália daqui a uma semana")]
    [InlineData("it", "vorrei andare in Italia tra una settimana")]
    [InlineData("en", "I want to go to Italy in a week")]
    [InlineData("tr", "bir hafta sonra İtalya'ya gitmek istiyorum")]
    [InlineData("cs", "chci jet do Itálie za týden")]
    public async Task OnTurnAsync_GoingInAWeek_StartsTheApplicationOnThatDayWithNoLength(string language, string typed)
    {
        // Before (Spanish): a stay of 7 days and no start; the other languages: "semana", "settimana"… as search words.
        var start = await StartedByAsync(language, typed);
        Assert.Equal(Intent.ApplyForExchange, start.Intent);
        Assert.Equal("IT", start.Entities.Country);
        Assert.Equal([new DateOnly(2026, 12, 3)], start.Entities.Dates);
        Assert.Null(start.Entities.StayDays);
    }

    [Theory]
    [InlineData("en", "towel manufacturers in Portugal", "towel")]
    [InlineData("pt", "fabricantes de toalhas em Portugal", "toalhas")]
    [InlineData("es", "proveedores de hilo en España", "hilo")]
    [InlineData("it", "produttori di tessuti in Italia", "tessuti")]
    [InlineData("tr", "Denizli'den havlu üreticisi", "denizli havlu")]
    [InlineData("cs", "výrobci ručníků v Česku", "ručníků")]
    [InlineData("en", "yarn makers in Spain", "yarn")]
    [InlineData("en", "dyeing providers in Italy", "dyeing")]
    [InlineData("pt", "provedores de tinturaria em Portugal", "tinturaria")]
    [InlineData("tr", "Türkiye'deki kumaş satıcıları", "kumaş")]
    [InlineData("tr", "denizliden havlu üreticisi", "denizli havlu")]
    [InlineData("tr", "izmirde tekstil firması", "izmir tekstil")]
    [InlineData("tr", "Ege Bölgesi'nden havlu üreticisi", "havlu Aegean")]   // the region searched by its name
    [InlineData("cs", "poskytovatelé zkoušek v Česku", "zkoušek")]
    // People at organisations, not words to look for: "key players technical textiles" was the search's words.
    [InlineData("en", "find key players in technical textiles in Portugal", "technical textiles")]
    [InlineData("pt", "procuro os principais atores em têxteis técnicos em Portugal", "têxteis técnicos")]
    [InlineData("es", "busco actores clave en textiles técnicos en España", "textiles técnicos")]
    [InlineData("it", "cerco attori chiave nel riciclo in Italia", "riciclo")]
    [InlineData("tr", "Türkiye'deki teknik tekstil paydaşları", "teknik tekstil")]
    [InlineData("cs", "hledám aktéry v recyklaci v Česku", "recyklaci")]
    // The sector named between the people and the sector word: "players textile" was the search's words.
    [InlineData("en", "find players of the textile sector in Italy", "textile")]
    [InlineData("cs", "hledám hráče textilního sektoru v Itálii", "textilního")]
    public async Task OnTurnAsync_MakersOfSomethingSomewhere_StartsAPartnerSearchWithoutTheNoun(string language, string typed, string words)
    {
        // Before: "I didn't understand", or a search for the noun as well ("proveedores hilo" in Spain), the glued
        // ending ("izmirde") or the word for region ("bölgesi").
        var start = await StartedByAsync(language, typed);
        Assert.Equal(Intent.FindPartners, start.Intent);
        Assert.Equal(words, FindPartnersDialog.QueryOf(start.Entities).Q, ignoreCase: true);
    }

    [Theory]
    [InlineData("en", "decision makers in Italy", "IT")]
    // Before: "I didn't understand" — people somewhere, with no verb, were no search ("makers" made the one above).
    [InlineData("en", "stakeholders in Portugal", "PT")]
    [InlineData("pt", "principais atores em Espanha", "ES")]
    [InlineData("es", "agentes del sector en España", "ES")]
    [InlineData("it", "attori chiave in Italia", "IT")]
    [InlineData("tr", "Türkiye'deki paydaşlar", "TR")]
    [InlineData("cs", "klíčoví hráči v Česku", "CZ")]
    // The place's letters make these Czech, whose stop words do not hold "in": before, "“in” · Czechia" on the results card.
    [InlineData("en", "partners in Česko", "CZ")]
    [InlineData("it", "partner in Česko", "CZ")]
    public async Task OnTurnAsync_PeopleInACountry_SearchesThereWithNoStrayKeyword(string language, string typed, string country)
    {
        // Before: a search for the word "decision" in Italy ("makers" was left out as a company noun).
        var query = FindPartnersDialog.QueryOf((await StartedByAsync(language, typed)).Entities);
        Assert.Equal("", query.Q);
        Assert.Equal(country, query.Country);
        var texts = PartnerTexts.Resolve(language);
        Assert.Equal(texts.Countries[country], PartnerCards.Summary(texts, query));
    }

    [Theory]
    [InlineData("en", "players of the textile sector in Italy", "textile", "IT")]
    [InlineData("pt", "agentes do setor têxtil em Portugal", "têxtil", "PT")]
    [InlineData("es", "agentes del sector textil en España", "textil", "ES")]
    [InlineData("it", "operatori del settore tessile in Italia", "tessile", "IT")]
    [InlineData("tr", "İtalya'daki tekstil sektörünün oyuncuları", "tekstil", "IT")]
    [InlineData("cs", "hráči textilního sektoru v Česku", "textilního", "CZ")]
    // Two names of one sector joined by "and": both searched (before: "I didn't understand" where the second was no textile term).
    [InlineData("en", "players of the textile and footwear sector in Portugal", "textile footwear", "PT")]
    [InlineData("pt", "agentes do setor têxtil e do calçado em Portugal", "têxtil calçado", "PT")]
    [InlineData("es", "agentes del sector textil y del calzado en España", "textil calzado", "ES")]
    [InlineData("it", "operatori del settore tessile e della pelle in Italia", "tessile pelle", "IT")]
    [InlineData("tr", "Türkiye'deki tekstil ve deri sektörünün oyuncuları", "tekstil deri", "TR")]
    [InlineData("cs", "hráči textilního a obuvnického sektoru v Česku", "textilního obuvnického", "CZ")]
    public async Task OnTurnAsync_PeopleOfANamedSectorInACountry_SearchesTheSectorThere(string language, string typed, string words, string country)
    {
        // Before: "I didn't understand" — with no verb, only the place could stand beside the people.
        var start = await StartedByAsync(language, typed);
        Assert.Equal(Intent.FindPartners, start.Intent);
        var query = FindPartnersDialog.QueryOf(start.Entities);
        Assert.Equal(words, query.Q, ignoreCase: true);
        Assert.Equal(country, query.Country);
    }

    [Theory]
    [InlineData("Çorlu'daki paydaşlar", "çorlu")]
    [InlineData("Kahramanmaraş'taki kilit oyuncular", "kahramanmaraş")]
    [InlineData("Çorlu'nun paydaşları", "çorlu")]
    public async Task OnTurnAsync_PeopleInATurkishPlaceTheGazetteerDoesNotKnow_SearchesThePlacesNameNotThePeople(string typed, string words)
    {
        // Before: "I didn't understand".
        var start = await StartedByAsync("tr", typed);
        Assert.Equal(Intent.FindPartners, start.Intent);
        var query = FindPartnersDialog.QueryOf(start.Entities);
        Assert.Equal(words, query.Q);
        Assert.Equal("", query.Country);
    }

    [Theory]
    // The textile sector's name before a lower-case place is searched beside it; a restrictor before it is none.
    [InlineData("tekstil çorlu organize sanayi bölgesi'ndeki paydaşlar", "tekstil çorlu organize sanayi bölgesi")]
    [InlineData("sadece çorlu organize sanayi bölgesi'ndeki paydaşlar", "çorlu organize sanayi bölgesi")]
    public async Task OnTurnAsync_ASectorOrARestrictorBeforeALowerCaseTurkishPlace_SearchesThePlaceAndTheSector(string typed, string words)
    {
        // Before: "I didn't understand" (the word before was read as the name's, and five words are no name).
        var start = await StartedByAsync("tr", typed);
        Assert.Equal(Intent.FindPartners, start.Intent);
        Assert.Equal(words, FindPartnersDialog.QueryOf(start.Entities).Q);
    }

    [Theory]
    [InlineData("en", "the textile companies in Italy are struggling")]
    [InlineData("pt", "agentes do setor têxtil e do vestuário em Portugal são simpáticos")]
    [InlineData("es", "las empresas textiles en España son simpáticas")]
    [InlineData("it", "le aziende tessili in Italia sono simpatiche")]
    [InlineData("tr", "Türkiye'deki tekstil firmaları çok nazik")]
    [InlineData("cs", "textilní firmy v Česku jsou milé")]
    public async Task OnTurnAsync_WhatIsNamedSomewhereIsSaidToBeSomething_NothingStarts(string language, string typed)
    {
        // Before: a partner search for the words of the opinion ("têxtil vestuário simpáticos" in Portugal).
        await host.SeedProfileAsync(language);

        await host.Flow()
            .Send(typed)
            .AssertReply(reply => Assert.Equal(ConversationTexts.For(language).DidNotUnderstand, reply.Text))
            .StartTestAsync();

        Assert.Empty(journey.Starts);
    }

    /// <summary>Sends <paramref name="typed"/> as a user with a profile in <paramref name="language"/>; the one journey it started.</summary>
    [Theory]
    [InlineData("en", "I want to do an exchange in Italy tomorrow", "2026-11-26T22:30:00Z", "Europe/Istanbul", "2026-11-28")]   // before: 27 November
    [InlineData("es", "quiero ir a Italia dentro de una semana", "2026-11-26T22:30:00Z", "Europe/Istanbul", "2026-12-04")]       // before: 3 December
    [InlineData("en", "I want to do an exchange in Italy tomorrow", "2026-11-27T02:00:00Z", "America/New_York", "2026-11-27")]  // before: 28 November
    [InlineData("en", "I want to do an exchange in Italy tomorrow", "2026-11-26T22:30:00Z", null, "2026-11-27")]                // no zone sent: the server's
    public async Task OnTurnAsync_ARelativeDateNearMidnight_IsReadInTheUsersTimeZone(string language, string typed, string utcNow, string? userZone, string expected)
    {
        // The server runs on UTC; the user's Teams client sends its zone (localTimezone), as the date prompt reads it.
        var starts = new RecordingJourney();
        using var late = new ConversationTestHost(configureServices: services =>
        {
            services.AddSingleton<IJourney>(starts);
            services.AddSingleton<IIntentRecognizer>(new LocalIntentRecognizer(new FakeTimeProvider(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture))));
        });
        late.Adapter.LocalTimezone = userZone;

        var start = await StartedByAsync(late, starts, language, typed);
        Assert.Equal(Intent.ApplyForExchange, start.Intent);
        Assert.Equal([DateOnly.Parse(expected, CultureInfo.InvariantCulture)], start.Entities.Dates);
    }

    private Task<JourneyStart> StartedByAsync(string language, string typed) => StartedByAsync(host, journey, language, typed);

    private static async Task<JourneyStart> StartedByAsync(ConversationTestHost on, RecordingJourney recorded, string language, string typed)
    {
        await on.SeedProfileAsync(language);

        await on.Flow()
            .Send(typed)
            .AssertReply("journey started")
            .AssertNoReply()
            .StartTestAsync();

        return Assert.Single(recorded.Starts);
    }

    private sealed class RecordingJourney : IJourney
    {
        public List<JourneyStart> Starts { get; } = [];

        public Dialog Dialog => field ??= new StartDialog(Starts);

        public IReadOnlyCollection<Intent> Intents { get; } =
            [Intent.FindPartners, Intent.ApplyForExchange, Intent.RegisterForCoaching, Intent.MyApplications, Intent.MySessions];

        public IReadOnlyCollection<string> CardActions { get; } = [];

        public bool IsPersonal(JourneyStart start) => false;

        private sealed class StartDialog(List<JourneyStart> starts) : Dialog("test.local.journey")
        {
            public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
            {
                starts.Add(Assert.IsType<JourneyStart>(options));
                await dc.Context.SendActivityAsync("journey started", cancellationToken);
                return await dc.EndDialogAsync(null, cancellationToken);
            }
        }
    }
}
