using System.Globalization;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A start date a request names that falls on a Saturday or a Sunday — "in a week" said on a Saturday, "in 8 days" said on
/// a Friday — was put into the form as it was, and the form's Check then refused it ("First working day: it is a Saturday
/// or a Sunday"). The form now starts on the next working day and says why, in the reader's language.
/// </summary>
public sealed class ExchangeFormSeedWeekendTests
{
    // Saturday 28 November 2026 and Friday 27 November 2026.
    private static readonly DateOnly Saturday = new(2026, 11, 28);
    private static readonly DateOnly Friday = new(2026, 11, 27);
    private static readonly DateOnly MondayAfter = new(2026, 12, 7);

    public static TheoryData<string, string> InAWeek => new()
    {
        { "en", "I want to go to Italy in a week" },
        { "pt", "quero ir a Itália daqui a uma semana" },
        { "es", "quiero ir a Italia dentro de una semana" },
        { "it", "vorrei andare in Italia tra una settimana" },
        { "tr", "bir hafta sonra İtalya'ya gitmek istiyorum" },
        { "cs", "chci jet do Itálie za týden" },
    };

    [Theory]
    [MemberData(nameof(InAWeek))]
    public void From_InAWeekSaidOnASaturday_StartsOnTheMondayAfterAndSaysWhy(string language, string typed)
    {
        var texts = ExchangeTexts.Resolve(language);

        var seeded = Seed(typed, Saturday, texts);

        Assert.Equal(MondayAfter, seeded.StartDate);
        Assert.Null(seeded.EndDate);
        var culture = ExchangeCards.Culture(language);
        Assert.NotNull(seeded.Notice);
        Assert.Contains(ExchangeTime.Day(new DateOnly(2026, 12, 5), culture), seeded.Notice, StringComparison.Ordinal);
        Assert.Contains(culture.DateTimeFormat.GetDayName(DayOfWeek.Saturday), seeded.Notice, StringComparison.Ordinal);
        Assert.Contains(ExchangeTime.Day(MondayAfter, culture), seeded.Notice, StringComparison.Ordinal);
        Assert.Equal(texts.StartMovedFromWeekend(new DateOnly(2026, 12, 5), MondayAfter), seeded.Notice);
    }

    [Theory]
    [InlineData("I want to go to Italy in 8 days", 2026, 12, 5)]
    [InlineData("I want to go to Italy in 9 days", 2026, 12, 6)]
    public void From_ADayFromAFridayOnTheWeekend_StartsOnTheMondayAfter(string typed, int year, int month, int day)
    {
        var seeded = Seed(typed, Friday, ExchangeTexts.English);

        Assert.Equal(MondayAfter, seeded.StartDate);
        Assert.Equal(ExchangeTexts.English.StartMovedFromWeekend(new DateOnly(year, month, day), MondayAfter), seeded.Notice);
    }

    [Fact]
    public void From_AStayFromAWeekendStart_EndsFromTheMovedStart()
    {
        // A week from the Monday the form starts on ends that Friday.
        var seeded = Seed("I want to go to Italy in a week for one week", Saturday, ExchangeTexts.English);

        Assert.Equal((MondayAfter, new DateOnly(2026, 12, 11)), (seeded.StartDate!.Value, seeded.EndDate!.Value));
        Assert.Equal(DayOfWeek.Friday, seeded.EndDate!.Value.DayOfWeek);
    }

    [Fact]
    public void From_AWeekdayStart_IsKeptWithoutANotice()
    {
        var seeded = Seed("I want to go to Italy in a week", Friday, ExchangeTexts.English);

        Assert.Equal(new DateOnly(2026, 12, 4), seeded.StartDate);
        Assert.Null(seeded.Notice);
    }

    [Fact]
    public void From_ACountryOutsideAndAWeekendStart_SaysBoth()
    {
        var texts = ExchangeTexts.English;

        var seeded = Seed("I want to go to France in a week", Saturday, texts, new Dictionary<string, string> { ["FR"] = "France" });

        Assert.Equal(MondayAfter, seeded.StartDate);
        Assert.NotNull(seeded.Notice);
        Assert.StartsWith(texts.HostCountryNotCovered("France"), seeded.Notice, StringComparison.Ordinal);
        Assert.EndsWith(texts.StartMovedFromWeekend(new DateOnly(2026, 12, 5), MondayAfter), seeded.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void NextWorkingDay_SkipsTheWeekend()
    {
        Assert.Equal(new DateOnly(2026, 12, 7), ExchangeFormSeed.NextWorkingDay(new DateOnly(2026, 12, 4)));
        Assert.Equal(new DateOnly(2026, 12, 7), ExchangeFormSeed.NextWorkingDay(new DateOnly(2026, 12, 5)));
        Assert.Equal(new DateOnly(2026, 12, 7), ExchangeFormSeed.NextWorkingDay(new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateOnly(2026, 12, 8), ExchangeFormSeed.NextWorkingDay(new DateOnly(2026, 12, 7)));
    }

    private static ExchangeFormState Seed(string typed, DateOnly today, ExchangeTexts texts, IReadOnlyDictionary<string, string>? countries = null)
    {
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var result = new LocalIntentRecognizer(new FakeTimeProvider(now)).Recognize(typed, null);
        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        return ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, countries ?? new Dictionary<string, string>(), today, texts);
    }
}
