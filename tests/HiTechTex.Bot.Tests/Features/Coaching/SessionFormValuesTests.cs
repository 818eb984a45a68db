using System.Text.Json;
using HiTechTex.Bot.Features.Coaching;

namespace HiTechTex.Bot.Tests.Features.Coaching;

public sealed class SessionFormValuesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""\ud800x""")]
    [InlineData("""nul\u0000bell\u0007 esc\u001b[31m""")]
    public void TryParse_TextThatCannotBeAccepted_NamesTheFieldsInsteadOfFailingOrStoringIt(string escaped)
    {
        // A lone surrogate made reading the form throw (the turn failed); control characters were stored as typed.
        var data = JsonDocument.Parse($$"""
            {
              "title": "{{escaped}}", "description": "{{escaped}}", "topic": "Recycling", "trainer": "Ana", "language": "EN",
              "date": "2026-12-10", "start": "09:00", "end": "11:00", "timeZone": "Europe/Lisbon", "capacity": "20",
              "mode": "Online", "location": "", "closesOn": "2026-12-09", "organizer": "coaching@example.org"
            }
            """).RootElement.Clone();
        var texts = CoachingTexts.Resolve("en");

        var (draft, invalid) = SessionFormValues.From(data).TryParse(texts, Now, Now);

        Assert.Null(draft);
        Assert.Equal([texts.FieldTitle, texts.FieldDescription], invalid);
    }

    [Fact]
    public void TryParse_MultiLineDescription_Accepted()
    {
        var data = JsonDocument.Parse("""
            {
              "title": "Recycled fibres", "description": "Day 1:\tlab\r\nDay 2: visits", "topic": "Recycling", "trainer": "Ana", "language": "EN",
              "date": "2026-12-10", "start": "09:00", "end": "11:00", "timeZone": "Europe/Lisbon", "capacity": "20",
              "mode": "Online", "location": "", "closesOn": "2026-12-09", "organizer": "coaching@example.org"
            }
            """).RootElement.Clone();

        var (draft, invalid) = SessionFormValues.From(data).TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Empty(invalid);
        Assert.Equal("Day 1:\tlab\r\nDay 2: visits", draft!.Description);
    }

    private static readonly SessionFormValues Valid = new("Recycled fibres", "", "Recycling", "Ana", "EN", "2026-12-10", "09:00", "11:00",
        "Europe/Lisbon", "20", "Online", "CITEVE", "2026-12-09", "coaching@example.org");

    [Theory]
    [InlineData("en", "2026-02-30", "Date: that day does not exist on the calendar")]
    [InlineData("en", "2026-13-01", "Date: that day does not exist on the calendar")]
    [InlineData("en", "10 Dec", "Date: a date as yyyy-mm-dd")]
    [InlineData("en", "", "Date: a date as yyyy-mm-dd")]
    [InlineData("en", "2026-11-20", "Date: the session cannot start in the past")]
    [InlineData("en", "0001-01-01", "Date: the session cannot start in the past")]
    [InlineData("en", "2032-12-10", "Date: at most 5 years ahead")]
    [InlineData("en", "9999-12-31", "Date: at most 5 years ahead")]
    [InlineData("pt", "2026-02-30", "Data: esse dia não existe no calendário")]
    [InlineData("pt", "2026-11-20", "Data: a sessão não pode começar no passado")]
    [InlineData("es", "2026-11-20", "Fecha: la sesión no puede empezar en el pasado")]
    [InlineData("es", "2032-12-10", "Fecha: como máximo dentro de 5 años")]
    [InlineData("it", "2026-02-30", "Data: quel giorno non esiste nel calendario")]
    [InlineData("it", "2032-12-10", "Data: al massimo fra 5 anni")]
    [InlineData("tr", "2026-11-20", "Tarih: oturum geçmişte başlayamaz")]
    [InlineData("tr", "2026-02-30", "Tarih: takvimde böyle bir gün yok")]
    [InlineData("cs", "2032-12-10", "Datum: nejvýše 5 let dopředu")]
    [InlineData("cs", "12/10/2026", "Datum: datum ve tvaru rrrr-mm-dd")]
    public void TryParse_DateRefused_NamedWithWhy(string language, string date, string expected)
    {
        // The date was named alone ("Date"), whatever was wrong with it; the other fields said why.
        var (draft, invalid) = (Valid with { Date = date, ClosesOn = "2026-11-27" }).TryParse(CoachingTexts.Resolve(language), Now, Now);

        Assert.Null(draft);
        Assert.Equal([expected], invalid);
    }

    [Fact]
    public void TryParse_TodayAtATimeGoneBy_DateNamedAsAStartInThePast()
    {
        var (_, invalid) = (Valid with { Date = "2026-11-26", Start = "08:00", End = "10:00", ClosesOn = "2026-11-26" })
            .TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Equal(["Date: the session cannot start in the past"], invalid);
    }

    [Theory]
    [InlineData("online", "Online")]
    [InlineData("ONLINE", "Online")]
    [InlineData("onsite", "OnSite")]
    public void TryParse_FormatInAnyCase_Accepted(string mode, string expected)
    {
        var (draft, invalid) = (Valid with { Mode = mode }).TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Empty(invalid);
        Assert.Equal(expected, draft!.Mode.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("Online,OnSite")]
    public void TryParse_FormatThatIsNoName_Refused(string mode)
    {
        var texts = CoachingTexts.Resolve("en");

        var (_, invalid) = (Valid with { Mode = mode }).TryParse(texts, Now, Now);

        Assert.Contains(texts.FieldMode, invalid);
    }

    [Theory]
    [InlineData("europe/lisbon", "Europe/Lisbon")]
    [InlineData("Europe/Lisbon", "Europe/Lisbon")]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("US/Eastern", "America/New_York")]
    public void TryParse_TimeZoneTypedAnotherWay_StoredAsTheCanonicalIanaId(string typed, string expected)
    {
        var (draft, invalid) = (Valid with { TimeZone = typed }).TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Empty(invalid);
        Assert.Equal(expected, draft!.TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void TryParse_UnknownTimeZone_Refused(string typed)
    {
        var texts = CoachingTexts.Resolve("en");

        var (_, invalid) = (Valid with { TimeZone = typed }).TryParse(texts, Now, Now);

        Assert.Contains(texts.FieldTimeZone, invalid);
    }
}
