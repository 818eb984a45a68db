using System.Text.Json;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The dates an exchange request writes ("I want to do an exchange in Italy from 30/02/2027 to 05/03/2027"), as the new
/// form gets them. Before: a day on no calendar was dropped without a word — its month's first Monday became the start
/// ("31 February for three days" → 1–3 Feb), or the last day did ("from 30/02/2027 to 05/03/2027" → start 5 March) — and
/// a range's last day was always dropped, also when before the first. Now a day on no calendar leaves its field empty and
/// the form says so; a range fills both fields, or, reversed, neither, saying why.
/// </summary>
public sealed class ExchangeRequestDatesTests : IDisposable
{
    // Friday 27 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private static readonly Dictionary<string, string> Italy = new() { ["IT"] = "Italy" };
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string, string, string> NoSuchStart => new()
    {
        { "en", "I want to do an exchange in Italy from 31 February for three days", "31 February" },
        { "pt", "quero fazer um intercâmbio em Itália a partir de 31 de fevereiro", "31 de fevereiro" },
        { "es", "quiero hacer un intercambio en Italia el 30 de febrero de 2027", "30 de febrero de 2027" },
        { "it", "vorrei fare uno scambio in Italia dal 31 febbraio", "31 febbraio" },
        { "tr", "31 Şubat'ta İtalya'ya gitmek istiyorum", "31 Şubat" },
        { "cs", "chci na výměnu do Itálie 31. února na tři dny", "31. února" },
    };

    [Theory]
    [MemberData(nameof(NoSuchStart))]
    public void From_AStartOnNoCalendar_NoDateAndTheFormSaysSoInTheUsersLanguage(string language, string typed, string written)
    {
        var texts = ExchangeTexts.Resolve(language);

        var seeded = Seed(typed, texts);

        Assert.Null(seeded.StartDate);   // before: Monday 1 February 2027
        Assert.Null(seeded.EndDate);     // before: 3 February, three days from it
        Assert.NotNull(seeded.Notice);
        Assert.Contains(written, seeded.Notice, StringComparison.Ordinal);
        Assert.Contains(texts.StartDate, seeded.Notice, StringComparison.Ordinal);
        Assert.Equal("Italy", seeded.HostQuery);   // the rest of the request is still filled in
    }

    [Fact]
    public void From_ARangeFromADayOnNoCalendar_StartEmptyTheLastDayKept()
    {
        var seeded = Seed("I want to do an exchange in Italy from 30/02/2027 to 05/03/2027", En);

        Assert.Null(seeded.StartDate);   // before: 5 March 2027, the last day
        Assert.Equal(new DateOnly(2027, 3, 5), seeded.EndDate);
        Assert.Equal("30 February 2027 does not exist on the calendar, so I left “First working day” empty: please pick the day in the form.", seeded.Notice);
    }

    [Fact]
    public void From_ARangeToADayOnNoCalendar_StartKeptLastDayEmpty()
    {
        var seeded = Seed("I want to do an exchange in Italy from 1 March to 31 April", En);

        Assert.Equal(new DateOnly(2027, 3, 1), seeded.StartDate);
        Assert.Null(seeded.EndDate);
        Assert.Equal(En.NoSuchDayInRequest(new NoSuchDate(31, 4, null), En.EndDate), seeded.Notice);
    }

    [Theory]
    [InlineData("I want to do an exchange in Italy from 29/02/2027 to 05/03/2027", "29 February 2027")]
    [InlineData("I want to do an exchange in Italy from 29 February", "29 February 2027")]
    public void From_29FebruaryOfAYearWithoutIt_NamedWithThatYear(string typed, string written)
    {
        var seeded = Seed(typed, En);

        Assert.Null(seeded.StartDate);
        Assert.StartsWith(written + " does not exist", seeded.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void From_29FebruaryOfALeapYear_IsTheStart()
    {
        var seeded = Seed("I want to do an exchange in Italy from 29/02/2028 to 03/03/2028", En);

        Assert.Equal((new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 3)), (seeded.StartDate!.Value, seeded.EndDate!.Value));
        Assert.Null(seeded.Notice);
    }

    [Theory]
    [InlineData("en", "I want to do an exchange in Italy from 5 March to 2 March")]
    [InlineData("pt", "quero fazer um intercâmbio em Itália de 5 de março a 2 de março")]
    [InlineData("es", "quiero hacer un intercambio en Italia del 5 de marzo al 2 de marzo")]
    [InlineData("it", "vorrei fare uno scambio in Italia dal 5 marzo al 2 marzo")]
    [InlineData("cs", "chci na výměnu do Itálie od 5. března do 2. března")]
    public void From_AReversedRange_NeitherDayKeptAndBothNamed(string language, string typed)
    {
        var texts = ExchangeTexts.Resolve(language);

        var seeded = Seed(typed, texts);

        Assert.Null(seeded.StartDate);   // before: 5 March, the last day dropped without a word
        Assert.Null(seeded.EndDate);
        Assert.Equal(texts.RequestEndBeforeStart(new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 2)), seeded.Notice);
        var culture = ExchangeCards.Culture(language);
        Assert.Contains(ExchangeTime.Day(new DateOnly(2027, 3, 5), culture), seeded.Notice, StringComparison.Ordinal);
        Assert.Contains(ExchangeTime.Day(new DateOnly(2027, 3, 2), culture), seeded.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ARange_BothDaysFilledIn()
    {
        // Before: only the first day was kept.
        var seeded = Seed("I want to do an exchange in Italy from 1 March to 5 March", En);

        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5)), (seeded.StartDate!.Value, seeded.EndDate!.Value));
        Assert.Null(seeded.Notice);
    }

    [Theory]
    // Ordinal days. Before: "3rd" and "10th" were no days — the month alone was read, so the form started on its first
    // Monday (1 March, a day the user never wrote) and had no last day.
    [InlineData("en", "I want to do an exchange in Italy from March 3rd to March 10th")]
    [InlineData("en", "I want to do an exchange in Italy from the 3rd of March to the 10th of March")]
    [InlineData("en", "I want to do an exchange in Italy from 3rd March 2027 to 10th March 2027")]
    [InlineData("pt", "quero fazer um intercâmbio em Itália de 3º de março a 10 de março")]
    [InlineData("es", "quiero hacer un intercambio en Italia del 3º de marzo al 10º de marzo")]
    // A range that writes its month once. Before: the first day was no date, so the last day became the start (10 March,
    // no last day) — or, month first ("March 3-10"), the last day was dropped.
    [InlineData("en", "I want to do an exchange in Italy from 3 to 10 March")]
    [InlineData("en", "I want to do an exchange in Italy 3-10 March 2027")]
    [InlineData("en", "I want to do an exchange in Italy March 3-10")]
    [InlineData("en", "I want to do an exchange in Italy from March 3 to 10")]
    [InlineData("pt", "quero fazer um intercâmbio em Itália de 3 a 10 de março")]
    [InlineData("es", "quiero hacer un intercambio en Italia del 3 al 10 de marzo")]
    [InlineData("it", "vorrei fare uno scambio in Italia dal 3 al 10 marzo")]
    [InlineData("tr", "3-10 Mart'ta İtalya'ya gitmek istiyorum")]
    [InlineData("cs", "chci na výměnu do Itálie od 3. do 10. března")]
    [InlineData("cs", "chci na výměnu do Itálie 3.–10. března")]
    public void From_ARangeOfOrdinalDaysOrWritingItsMonthOnce_BothDaysFilledIn(string language, string typed)
    {
        var seeded = Seed(typed, ExchangeTexts.Resolve(language));

        Assert.Equal((new DateOnly(2027, 3, 3), new DateOnly(2027, 3, 10)), (seeded.StartDate!.Value, seeded.EndDate!.Value));
        Assert.Null(seeded.Notice);
    }

    [Fact]
    public void From_ARangeWhoseFirstDayIsAfterItsLast_NoFirstDayMadeUp()
    {
        var seeded = Seed("I want to do an exchange in Italy from 10 to 3 March", En);

        Assert.Equal(new DateOnly(2027, 3, 3), seeded.StartDate);   // as before: "10" alone is no date
        Assert.Null(seeded.EndDate);
    }

    [Fact]
    public void From_AnOrdinalDayOnNoCalendar_NoDateAndTheFormSaysSo()
    {
        var seeded = Seed("I want to do an exchange in Italy on the 31st of February", En);

        Assert.Null(seeded.StartDate);   // before: Monday 1 February 2027
        Assert.Equal(En.NoSuchDayInRequest(new NoSuchDate(31, 2, null), En.StartDate), seeded.Notice);
    }

    [Fact]
    public void From_AStayLengthAndADayOnNoCalendarAsTheEnd_NoEndFromTheLength()
    {
        // The last day written is on no calendar: no other last day is made up from "for a week".
        var seeded = Seed("I want to do an exchange in Italy from 1 March to 31 April for a week", En);

        Assert.Equal(new DateOnly(2027, 3, 1), seeded.StartDate);
        Assert.Null(seeded.EndDate);
    }

    [Fact]
    public void From_AStayLengthWithARealStart_StillEndsFromTheLength()
    {
        var seeded = Seed("I want to do an exchange in Italy from 1 March for a week", En);

        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5)), (seeded.StartDate!.Value, seeded.EndDate!.Value));
    }

    [Fact]
    public void NoSuchDay_WrittenWithTheMonthNameOfEachLanguage()
    {
        var day = new NoSuchDate(31, 2, 2027);
        Assert.Equal("31 February 2027", ExchangeTexts.Resolve("en").NoSuchDay(day));
        Assert.Equal("31 de fevereiro de 2027", ExchangeTexts.Resolve("pt").NoSuchDay(day));
        Assert.Equal("31 de febrero de 2027", ExchangeTexts.Resolve("es").NoSuchDay(day));
        Assert.Equal("31 febbraio 2027", ExchangeTexts.Resolve("it").NoSuchDay(day));
        Assert.Equal("31 Şubat 2027", ExchangeTexts.Resolve("tr").NoSuchDay(day));
        Assert.Equal("31. února 2027", ExchangeTexts.Resolve("cs").NoSuchDay(day));
        Assert.Equal("31 April", ExchangeTexts.Resolve("en").NoSuchDay(new NoSuchDate(31, 4, null)));
    }

    [Fact]
    public async Task Form_FromARequestWithADayOnNoCalendar_OpensWithThatFieldEmptyAndSaysWhy()
    {
        // Turn by turn through the main dialog, with the local recognizer's reading of the request.
        var pt = ExchangeTexts.Resolve("pt");
        var form = await FormForAsync("pt", "pt-PT", "quero fazer um intercâmbio em Itália de 30/02/2027 a 05/03/2027");

        var inputs = Inputs(form);
        Assert.True(!inputs["startDate"].TryGetProperty("value", out var start) || start.GetString() is null or "", start.ToString());
        Assert.Equal("2027-03-05", inputs["endDate"].GetProperty("value").GetString());
        Assert.Equal("Itália", inputs["hostQuery"].GetProperty("value").GetString());
        var card = JsonSerializer.Serialize(
            Assert.Single(form.Attachments ?? []).Content, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(pt.NoSuchDayInRequest(new NoSuchDate(30, 2, 2027), pt.StartDate), card, StringComparison.Ordinal);
        Assert.Contains("30 de fevereiro de 2027", card, StringComparison.Ordinal);
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("en", "en-GB", "I want to do an exchange in Italy from March 3rd to March 10th")]   // before: 1 March (its first Monday), no last day
    [InlineData("it", "it-IT", "vorrei fare uno scambio in Italia dal 3 al 10 marzo")]              // before: 10 March, no last day
    public async Task Form_FromARequestWithOrdinalDaysOrARangeWritingItsMonthOnce_OpensWithBothDays(string language, string locale, string typed)
    {
        var form = await FormForAsync(language, locale, typed);

        var inputs = Inputs(form);
        Assert.Equal("2027-03-03", inputs["startDate"].GetProperty("value").GetString());
        Assert.Equal("2027-03-10", inputs["endDate"].GetProperty("value").GetString());
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("en", "31 February", "31 February")]
    [InlineData("en", "30/02/2027", "30 February 2027")]
    [InlineData("pt", "31 de fevereiro", "31 de fevereiro")]
    [InlineData("es", "30 de febrero", "30 de febrero")]
    [InlineData("it", "dal 31 febbraio al 6 marzo", "31 febbraio")]
    [InlineData("tr", "31 Şubat", "31 Şubat")]
    [InlineData("cs", "31. dubna", "31. dubna")]
    public async Task StepByStep_ADayOnNoCalendar_SaidSoAndAskedAgainNeverAnotherDay(string language, string answer, string written)
    {
        // Before: "I did not understand that date" (and "dal 31 febbraio al 6 marzo" was 6 March).
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        string? said = null;

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains($"{texts.HostOrganisation}: CLUTEX")
            .AssertReply(texts.AskStartDate)
            .Send(answer)
            .AssertReply(r => said = r.Text, "the day does not exist")
            .AssertNoReply()
            .Send("2027-03-01")
            .AssertReply(texts.AskEndDate)
            .Send(answer)
            .AssertReply(r => Assert.Equal(said, r.Text), "the last day does not exist either")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains(written, said, StringComparison.Ordinal);
        Assert.Equal(texts.NoSuchDayAnswer(DateTextRecognizer.NoSuchDayIn(answer, DateOnly.FromDateTime(ExchangeDialogTestHost.Now.DateTime))!), said);
        Assert.Empty(await host.ApplicationsAsync());
    }

    /// <summary>The form the main dialog opens for <paramref name="typed"/>, turn by turn, with the local recognizer's reading of it.</summary>
    private async Task<Activity> FormForAsync(string language, string locale, string typed)
    {
        await host.Conversation.SeedProfileAsync(language);
        host.Conversation.Recognizer.Recognized[typed] =
            new LocalIntentRecognizer(new FakeTimeProvider(ExchangeDialogTestHost.Now)).Recognize(typed, locale);
        Activity? form = null;

        await host.Conversation.Flow()
            .Send(typed)
            .AssertReply(r => form = r, "the form")
            .AssertNoReply()
            .StartTestAsync();

        return form!;
    }

    private static ExchangeFormState Seed(string typed, ExchangeTexts texts)
    {
        var now = new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var result = new LocalIntentRecognizer(new FakeTimeProvider(now)).Recognize(typed, null);
        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        return ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, Italy, Today, texts);
    }

    private static Dictionary<string, JsonElement> Inputs(Activity form)
    {
        var inputs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
                {
                    inputs[element.GetProperty("id").GetString()!] = element;
                }

                foreach (var property in element.EnumerateObject().Where(p => p.Name != "actions"))
                {
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(JsonSerializer.SerializeToElement(Assert.Single(form.Attachments ?? []).Content));
        return inputs;
    }
}
