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

    [Theory]
    [InlineData("en", "25:70", "11:00", "Start time (session's time zone): 25:70 is not a time of day: use hh:mm, like 14:30")]
    [InlineData("en", "24:00", "11:00", "Start time (session's time zone): 24:00 is not a time of day: use hh:mm, like 14:30")]
    [InlineData("en", "9h", "11:00", "Start time (session's time zone): a time of day as hh:mm, like 14:30")]
    [InlineData("en", "", "11:00", "Start time (session's time zone): a time of day as hh:mm, like 14:30")]
    [InlineData("en", "<b>x</b>", "11:00", "Start time (session's time zone): a time of day as hh:mm, like 14:30")]
    [InlineData("en", "09:00", "26:00", "End time: 26:00 is not a time of day: use hh:mm, like 14:30")]
    [InlineData("pt", "25:70", "11:00", "Hora de início (fuso da sessão): 25:70 não é uma hora do dia: use hh:mm, por exemplo 14:30")]
    [InlineData("es", "09:00", "26:00", "Hora de fin: 26:00 no es una hora del día: use hh:mm, por ejemplo 14:30")]
    [InlineData("it", "25:70", "11:00", "Ora di inizio (fuso della sessione): 25:70 non è un orario del giorno: usa hh:mm, per esempio 14:30")]
    [InlineData("tr", "9h", "11:00", "Başlangıç saati (oturum saat dilimi): ss:dd biçiminde bir saat, örneğin 14:30")]
    [InlineData("cs", "25:70", "11:00", "Začátek (časové pásmo setkání): 25:70 není čas dne: použijte tvar hh:mm, například 14:30")]
    public void TryParse_TimeRefused_NamedWithWhy(string language, string start, string end, string expected)
    {
        // "25:00" was refused as "Start time (session's time zone)" alone: the coordinator was not told what is wrong.
        var (draft, invalid) = (Valid with { Start = start, End = end }).TryParse(CoachingTexts.Resolve(language), Now, Now);

        Assert.Null(draft);
        Assert.Equal([expected], invalid);
    }

    [Theory]
    [InlineData("22:00", "01:00", "2026-12-10T22:00:00Z", "2026-12-11T01:00:00Z")]
    [InlineData("23:30", "00:00", "2026-12-10T23:30:00Z", "2026-12-11T00:00:00Z")]
    [InlineData("13:00", "01:00", "2026-12-10T13:00:00Z", "2026-12-11T01:00:00Z")]
    [InlineData("08:00", "23:00", "2026-12-10T08:00:00Z", "2026-12-10T23:00:00Z")]
    public void TryParse_EndEarlierThanTheStartWithinTwelveHours_EndsOnTheNextDay(string start, string end, string startsAt, string endsAt)
    {
        // Before: a session across midnight was refused, "End time: must be after the start time".
        var (draft, invalid) = (Valid with { Start = start, End = end }).TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Empty(invalid);
        Assert.Equal((DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(endsAt, System.Globalization.CultureInfo.InvariantCulture)), (draft!.StartsAt, draft.EndsAt));
    }

    [Theory]
    [InlineData("en", "14:00", "13:00", "End time: must be after the start time; an end earlier than the start counts as the next day only for a session of at most 12 hours")]
    [InlineData("en", "11:00", "00:00", "End time: must be after the start time; an end earlier than the start counts as the next day only for a session of at most 12 hours")]
    [InlineData("en", "09:00", "09:00", "End time: must be after the start time")]
    [InlineData("pt", "14:00", "13:00", "Hora de fim: tem de ser depois da hora de início; uma hora de fim anterior à de início só conta como dia seguinte numa sessão de 12 horas no máximo")]
    [InlineData("cs", "14:00", "13:00", "Konec: musí být po čase začátku; konec dřív než začátek se počítá jako následující den jen u setkání nejvýše na 12 hodin")]
    public void TryParse_EndNoSessionAcrossMidnightCanHave_RefusedSayingWhy(string language, string start, string end, string expected)
    {
        var (draft, invalid) = (Valid with { Start = start, End = end }).TryParse(CoachingTexts.Resolve(language), Now, Now);

        Assert.Null(draft);
        Assert.Equal([expected], invalid);
    }

    [Fact]
    public void From_SessionAcrossMidnight_TheFormShowsItsDayAndTimesAndReadsThemBackTheSame()
    {
        var (draft, _) = (Valid with { Start = "22:00", End = "01:00", TimeZone = "Europe/Madrid" }).TryParse(CoachingTexts.Resolve("en"), Now, Now);
        var session = new CoachingSession { StartsAt = draft!.StartsAt, EndsAt = draft.EndsAt, TimeZone = draft.TimeZone, RegistrationClosesAt = draft.RegistrationClosesAt, Capacity = 20, Mode = SessionMode.Online, OrganizerMailbox = "coaching@example.org", Title = "t", Topic = "t", Trainer = "t", Language = "EN" };

        var shown = SessionFormValues.From(session);
        var (again, invalid) = shown.TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Equal(("2026-12-10", "22:00", "01:00"), (shown.Date, shown.Start, shown.End));
        Assert.Empty(invalid);
        Assert.Equal((draft.StartsAt, draft.EndsAt), (again!.StartsAt, again.EndsAt));
    }

    [Fact]
    public void TryParse_TimeSkippedByTheClocks_NamedWithWhy()
    {
        // 28 March 2027, Lisbon: the clocks go from 01:00 to 02:00, so 01:30 does not exist that day.
        var (draft, invalid) = (Valid with { Date = "2027-03-28", Start = "01:30", End = "03:00", ClosesOn = "2027-03-27" })
            .TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Null(draft);
        Assert.Equal(["Start time (session's time zone): that time does not exist on that day in the session's time zone (the clocks go forward)"], invalid);
    }

    [Fact]
    public void TryParse_DeadlineOnADayWhoseEndTheClocksSkip_ClosesAtTheLastSecondOfThatDay()
    {
        // Saturday 27 March 2027, America/Nuuk: the clocks go from 23:00 to 00:00, so 23:59:59 does not exist that day.
        // Before: the deadline became 1 January of year 1 — the session saved with its registration closed for ever.
        var (draft, invalid) = (Valid with { Date = "2027-03-30", TimeZone = "America/Nuuk", ClosesOn = "2027-03-27" })
            .TryParse(CoachingTexts.Resolve("en"), Now, Now);

        Assert.Empty(invalid);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 0, 59, 59, TimeSpan.Zero), draft!.RegistrationClosesAt);
        var session = new CoachingSession { StartsAt = draft.StartsAt, EndsAt = draft.EndsAt, TimeZone = draft.TimeZone, RegistrationClosesAt = draft.RegistrationClosesAt, OrganizerMailbox = "coaching@example.org" };
        Assert.Equal("2027-03-27", SessionFormValues.From(session).ClosesOn);
    }

    [Fact]
    public void TryParse_ImpossibleStartAndEnd_BothNamedOnceEachWithWhy()
    {
        // The explorer's case: "25:00"–"26:00" and capacity -3 in Spanish.
        var (_, invalid) = (Valid with { Start = "25:00", End = "26:00", Capacity = "-3" }).TryParse(CoachingTexts.Resolve("es"), Now, Now);

        Assert.Equal(
            [
                "Hora de inicio (zona de la sesión): 25:00 no es una hora del día: use hh:mm, por ejemplo 14:30",
                "Hora de fin: 26:00 no es una hora del día: use hh:mm, por ejemplo 14:30",
                "Capacidad: un número entero de 1 a 1000",
            ],
            invalid);
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

        var (draft, invalid) = (Valid with { TimeZone = typed }).TryParse(texts, Now, Now);

        Assert.Null(draft);
        Assert.Contains(texts.FieldTimeZone + ": " + texts.ReasonTimeZone, invalid);
    }

    [Theory]
    [MemberData(nameof(CoachingTextsTests.Languages), MemberType = typeof(CoachingTextsTests))]
    public void TryParse_UnknownTimeZoneOrNoMailAddress_SaysWhy(string language)
    {
        // Before: "Please check: Time zone (e.g. Europe/Lisbon)." and "Organizer mailbox." — the field named, not why.
        var texts = CoachingTexts.Resolve(language);

        var (draft, invalid) = (Valid with { TimeZone = "Mars/Olympus", Organizer = "coaching at example" }).TryParse(texts, Now, Now);

        Assert.Null(draft);
        Assert.Equal([texts.FieldTimeZone + ": " + texts.ReasonTimeZone, texts.FieldOrganizer + ": " + texts.ReasonOrganizer], invalid);
        Assert.Contains("coaching@example.org", texts.ReasonOrganizer, StringComparison.Ordinal);
    }
}
