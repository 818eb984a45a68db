using System.Text.Json;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>What a typed request says of the exchange reaches the form; the step-by-step dates read month names.</summary>
public sealed class ExchangeFromOwnWordsTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Form_ApplyWithCountryAndMonth_HostSearchAndStartDateFilledIn()
    {
        await host.Conversation.SeedProfileAsync("es");
        const string Typed = "quiero hacer un intercambio en Italia en marzo";
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(
            Intent.ApplyForExchange, 0.9, IntentEntities.Empty with { Country = "IT", Month = new DateOnly(2027, 3, 1) });
        Activity? form = null;

        await host.Conversation.Flow()
            .Send(Typed)
            .AssertReply(r => form = r, "the form")
            .StartTestAsync();

        var inputs = Inputs(form!);
        Assert.Equal("Italia", inputs["hostQuery"].GetProperty("value").GetString());
        Assert.Equal("2027-03-01", inputs["startDate"].GetProperty("value").GetString());   // the first Monday of March 2027
    }

    [Fact]
    public async Task Form_ApplyWithMonthAndTwoWeeks_EndDateFilledInFromTheStart()
    {
        await host.Conversation.SeedProfileAsync("it");
        const string Typed = "vorrei fare uno scambio in Spagna a marzo per due settimane";
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(
            Intent.ApplyForExchange, 0.9, IntentEntities.Empty with { Country = "ES", Month = new DateOnly(2027, 3, 1), StayDays = 14 });
        Activity? form = null;

        await host.Conversation.Flow()
            .Send(Typed)
            .AssertReply(r => form = r, "the form")
            .StartTestAsync();

        var inputs = Inputs(form!);
        Assert.Equal("2027-03-01", inputs["startDate"].GetProperty("value").GetString());
        Assert.Equal("2027-03-12", inputs["endDate"].GetProperty("value").GetString());   // the Friday of the second week
    }

    [Fact]
    public async Task Form_ApplyWithCountryOnly_HostSearchFilledInNoDate()
    {
        await host.Conversation.SeedProfileAsync("pt");
        const string Typed = "quero candidatar me a um intercambio na Republica Checa";
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty with { Country = "CZ" });
        Activity? form = null;

        await host.Conversation.Flow()
            .Send(Typed)
            .AssertReply(r => form = r, "the form")
            .StartTestAsync();

        var inputs = Inputs(form!);
        Assert.Equal("Chéquia", inputs["hostQuery"].GetProperty("value").GetString());
        Assert.True(!inputs["startDate"].TryGetProperty("value", out var start) || start.GetString() is null or "");
    }

    [Theory]
    [InlineData("en", "France")]
    [InlineData("pt", "França")]
    [InlineData("es", "Francia")]
    [InlineData("it", "Francia")]
    [InlineData("tr", "Fransa")]
    [InlineData("cs", "Francie")]
    public async Task Form_TravelToACountryOutsideThePartnership_HostSearchEmptyAndTheFormSaysSo(string language, string france)
    {
        await host.Conversation.SeedProfileAsync(language);
        const string Typed = "I want to go to France in March";
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(
            Intent.ApplyForExchange, 0.9, IntentEntities.Empty with { Country = "FR", Month = new DateOnly(2027, 3, 1) });
        Activity? form = null;

        await host.Conversation.Flow()
            .Send(Typed)
            .AssertReply(r => form = r, "the form")
            .StartTestAsync();

        // No search for "France" (which found the Spanish organisations named "Francés"): the notice instead.
        var inputs = Inputs(form!);
        Assert.True(!inputs["hostQuery"].TryGetProperty("value", out var query) || query.GetString() is null or "", query.ToString());
        var notice = ExchangeTexts.Resolve(language).HostCountryNotCovered(france);
        var card = JsonSerializer.Serialize(
            Assert.Single(form!.Attachments ?? []).Content, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(notice, card, StringComparison.Ordinal);
        Assert.Equal("2027-03-01", inputs["startDate"].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("Prato", "IT", "Prato")]
    [InlineData("Lisbon", "PT", "Portugal")]
    public async Task Form_TravelToACity_HostSearchOnARegionCityElseItsCountry(string city, string country, string expectedSearch)
    {
        await host.Conversation.SeedProfileAsync("en");
        var typed = $"I want to travel to {city} in June";
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(
            Intent.ApplyForExchange, 0.9, IntentEntities.Empty with { Country = country, City = city, Month = new DateOnly(2027, 6, 1) });
        Activity? form = null;

        await host.Conversation.Flow()
            .Send(typed)
            .AssertReply(r => form = r, "the form")
            .StartTestAsync();

        var inputs = Inputs(form!);
        Assert.Equal(expectedSearch, inputs["hostQuery"].GetProperty("value").GetString());
        Assert.Equal("2027-06-07", inputs["startDate"].GetProperty("value").GetString());   // the first Monday of June 2027
    }

    [Theory]
    [InlineData("2 marzo", "8 marzo", "2027-03-02", "2027-03-08")]
    [InlineData("2 marzo 2027", "5 marzo 2027", "2027-03-02", "2027-03-05")]   // a Friday: 6 March 2027 is a Saturday, no last working day
    [InlineData("dal 2 marzo al 5 marzo", "5 marzo", "2027-03-02", "2027-03-05")]
    [InlineData("1 de março", "5 de março de 2027", "2027-03-01", "2027-03-05")]
    [InlineData("1. března", "5. března", "2027-03-01", "2027-03-05")]
    [InlineData("1 Mart", "5 Mart", "2027-03-01", "2027-03-05")]
    public async Task StepByStep_DatesWithAMonthName_AcceptedAndSaved(string start, string end, string expectedStart, string expectedEnd)
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .Send(start)
            .AssertReply(En.AskEndDate)
            .Send(end)
            .AssertReply(r => Assert.Equal(En.ChooseActivityType, r.Text), "the activity types")
            .Send("knowledge sharing")
            .AssertReply(En.AskObjectives)
            .Send("Learn the nanofibre lab methods.")
            .AssertReply(En.AskAgenda)
            .Send("Day 1 lab tour, days 2-5 trials.")
            .AssertReply(En.AskOutcomes)
            .Send("A joint project proposal.")
            .AssertReply(r => Assert.Contains(En.Eligibility, r.Text, StringComparison.Ordinal), "the check")
            .AssertReply(r => Assert.Equal(En.ChooseNext, r.Text), "the choice")
            .Send(En.SaveDraftButton)
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(DateOnly.Parse(expectedStart, System.Globalization.CultureInfo.InvariantCulture), application.StartDate);
        Assert.Equal(DateOnly.Parse(expectedEnd, System.Globalization.CultureInfo.InvariantCulture), application.EndDate);
    }

    private static Dictionary<string, JsonElement> Inputs(Activity form)
    {
        var inputs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
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
