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
