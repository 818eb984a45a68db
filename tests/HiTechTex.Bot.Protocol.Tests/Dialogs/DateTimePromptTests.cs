using System.Globalization;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class DateTimePromptTests
{
    // Thursday 26 November 2026, 08:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static string Format(object? result)
    {
        var resolution = (DateTimeResolution)result!;
        return $"{resolution.Value:yyyy-MM-ddTHH:mmzzz} {(resolution.HasTime ? "time" : "date")} {resolution.TimeZone}";
    }

    private static Task RunAsync(string locale, string? timeZone, string answer, string expected, DateTimeOffset? now = null, Action<Activity>? configure = null)
    {
        var clock = new FakeTimeProvider(now ?? Now);
        return PromptHost.Flow(() => new DateTimePrompt("d", timeProvider: clock), PromptOptions.Text("When?", "Which date?"), Format, adapter =>
            {
                adapter.Locale = locale;
                adapter.LocalTimezone = timeZone;
            })
            .Send("hi").AssertReply("When?")
            .Send(() =>
            {
                var activity = new Activity { Type = ActivityTypes.Message, Text = answer };
                configure?.Invoke(activity);
                return activity;
            })
            .AssertReply($"Result: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "tomorrow 10:00", "2026-11-27T10:00+00:00 time Europe/Lisbon")]
    [InlineData("en-GB", "today", "2026-11-26T00:00+00:00 date Europe/Lisbon")]
    [InlineData("en-US", "next monday at 3pm", "2026-11-30T15:00+00:00 time Europe/Lisbon")]
    [InlineData("en-US", "Friday", "2026-11-27T00:00+00:00 date Europe/Lisbon")]
    [InlineData("en-US", "the day after tomorrow", "2026-11-28T00:00+00:00 date Europe/Lisbon")]
    [InlineData("pt-PT", "amanhã às 10h30", "2026-11-27T10:30+00:00 time Europe/Lisbon")]
    [InlineData("pt-PT", "depois de amanhã", "2026-11-28T00:00+00:00 date Europe/Lisbon")]
    [InlineData("pt-BR", "próxima segunda-feira", "2026-11-30T00:00+00:00 date Europe/Lisbon")]
    [InlineData("es-ES", "mañana a las 9", "2026-11-27T09:00+00:00 time Europe/Lisbon")]
    [InlineData("it-IT", "domani alle 10", "2026-11-27T10:00+00:00 time Europe/Lisbon")]
    [InlineData("it-IT", "lunedì 14.30", "2026-11-30T14:30+00:00 time Europe/Lisbon")]
    [InlineData("tr-TR", "yarın 10:00", "2026-11-27T10:00+00:00 time Europe/Lisbon")]
    [InlineData("tr-TR", "YARIN", "2026-11-27T00:00+00:00 date Europe/Lisbon")]
    [InlineData("cs-CZ", "zítra v 10", "2026-11-27T10:00+00:00 time Europe/Lisbon")]
    [InlineData("cs-CZ", "příští pondělí", "2026-11-30T00:00+00:00 date Europe/Lisbon")]
    [InlineData("en-US", "2026-12-03", "2026-12-03T00:00+00:00 date Europe/Lisbon")]
    [InlineData("en-US", "2026-12-03T16:45", "2026-12-03T16:45+00:00 time Europe/Lisbon")]
    [InlineData("en-US", "12/03/2026", "2026-12-03T00:00+00:00 date Europe/Lisbon")]
    [InlineData("en-GB", "03/12/2026", "2026-12-03T00:00+00:00 date Europe/Lisbon")]
    [InlineData("pt-PT", "03/12/2026 às 15:00", "2026-12-03T15:00+00:00 time Europe/Lisbon")]
    [InlineData("cs-CZ", "3.12.2026", "2026-12-03T00:00+00:00 date Europe/Lisbon")]
    [InlineData("cs-CZ", "3. 12. 2026", "2026-12-03T00:00+00:00 date Europe/Lisbon")]
    [InlineData("cs-CZ", "1. 3. 2027", "2027-03-01T00:00+00:00 date Europe/Lisbon")]
    [InlineData("cs-CZ", "od 1. 3. 2027", "2027-03-01T00:00+00:00 date Europe/Lisbon")]
    [InlineData("en-US", "at 07:30", "2026-11-27T07:30+00:00 time Europe/Lisbon")]
    [InlineData("en-US", "yesterday", "2026-11-25T00:00+00:00 date Europe/Lisbon")]
    [InlineData("pt-PT", "ontem", "2026-11-25T00:00+00:00 date Europe/Lisbon")]
    [InlineData("es-ES", "ayer", "2026-11-25T00:00+00:00 date Europe/Lisbon")]
    [InlineData("it-IT", "ieri", "2026-11-25T00:00+00:00 date Europe/Lisbon")]
    [InlineData("tr-TR", "dün", "2026-11-25T00:00+00:00 date Europe/Lisbon")]
    [InlineData("cs-CZ", "včera", "2026-11-25T00:00+00:00 date Europe/Lisbon")]
    [InlineData("es-ES", "anteayer", "2026-11-24T00:00+00:00 date Europe/Lisbon")]
    [InlineData("pt-PT", "anteontem", "2026-11-24T00:00+00:00 date Europe/Lisbon")]
    [InlineData("cs-CZ", "předevčírem", "2026-11-24T00:00+00:00 date Europe/Lisbon")]
    public Task ContinueDialogAsync_LocaleExpression_ResolvesInUserZone(string locale, string answer, string expected) =>
        RunAsync(locale, "Europe/Lisbon", answer, expected);

    [Theory]
    [InlineData("Europe/Lisbon", "2026-11-27T10:00+00:00 time Europe/Lisbon")]
    [InlineData("Europe/Istanbul", "2026-11-27T10:00+03:00 time Europe/Istanbul")]
    [InlineData("Europe/Prague", "2026-11-27T10:00+01:00 time Europe/Prague")]
    public Task ContinueDialogAsync_TomorrowAtTen_UsesUserZoneOffset(string zone, string expected) =>
        RunAsync("en-GB", zone, "tomorrow 10:00", expected);

    [Theory]
    // 22:30 UTC: still the 26th in Lisbon, already the 27th in Istanbul — so "tomorrow" differs.
    [InlineData("Europe/Lisbon", "2026-11-27T10:00+00:00 time Europe/Lisbon")]
    [InlineData("Europe/Istanbul", "2026-11-28T10:00+03:00 time Europe/Istanbul")]
    public Task ContinueDialogAsync_TomorrowNearMidnight_DependsOnUserZone(string zone, string expected) =>
        RunAsync("en-GB", zone, "tomorrow 10:00", expected, new DateTimeOffset(2026, 11, 26, 22, 30, 0, TimeSpan.Zero));

    [Fact]
    public Task ContinueDialogAsync_SummerDateInLisbon_UsesDaylightOffset() =>
        RunAsync("pt-PT", "Europe/Lisbon", "2027-07-01 10:00", "2027-07-01T10:00+01:00 time Europe/Lisbon");

    [Fact]
    public Task ContinueDialogAsync_NoZoneButLocalTimestamp_UsesItsOffset() =>
        RunAsync("tr-TR", null, "yarın 10:00", "2026-11-27T10:00+03:00 time UTC+03:00",
            configure: a => a.LocalTimestamp = "2026-11-26T11:00:00.000+03:00");

    [Fact]
    public Task ContinueDialogAsync_UnknownZoneNoTimestamp_FallsBackToUtc() =>
        RunAsync("en-US", "Mars/Olympus_Mons", "tomorrow 10:00", "2026-11-27T10:00+00:00 time UTC");

    [Fact]
    public async Task ContinueDialogAsync_NotADate_Retries()
    {
        await PromptHost.Flow(() => new DateTimePrompt("d", timeProvider: new FakeTimeProvider(Now)), PromptOptions.Text("When?", "Which date?"))
            .Send("hi").AssertReply("When?")
            .Send("whenever").AssertReply("Which date?")
            .Send("31/02/2026").AssertReply("Which date?")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_DateOnlyThePluggedRecognizerReads_UsesItWithTheTimeReadHere()
    {
        var months = new MonthNameRecognizer();
        await PromptHost.Flow(() => new DateTimePrompt("d", timeProvider: new FakeTimeProvider(Now), dateRecognizer: months), PromptOptions.Text("When?", "Which date?"), Format,
                adapter => adapter.LocalTimezone = "Europe/Rome")
            .Send("hi").AssertReply("When?")
            .Send("2 marzo alle 10").AssertReply("Result: 2027-03-02T10:00+01:00 time Europe/Rome")
            .StartTestAsync();

        Assert.Equal(["2 marzo alle 10"], months.Asked);
    }

    [Fact]
    public async Task ContinueDialogAsync_DateTheBuiltInReads_PluggedRecognizerNotAsked()
    {
        var months = new MonthNameRecognizer();
        await PromptHost.Flow(() => new DateTimePrompt("d", timeProvider: new FakeTimeProvider(Now), dateRecognizer: months), PromptOptions.Text("When?", "Which date?"), Format)
            .Send("hi").AssertReply("When?")
            .Send("2027-03-04").AssertReply("Result: 2027-03-04T00:00+00:00 date UTC")
            .StartTestAsync();

        Assert.Empty(months.Asked);
    }

    [Fact]
    public async Task ContinueDialogAsync_MonthNameWithoutAPluggedRecognizer_Retries()
    {
        await PromptHost.Flow(() => new DateTimePrompt("d", timeProvider: new FakeTimeProvider(Now)), PromptOptions.Text("When?", "Which date?"))
            .Send("hi").AssertReply("When?")
            .Send("2 marzo").AssertReply("Which date?")
            .StartTestAsync();
    }

    /// <summary>Reads "2 marzo" as the next 2 March: a stand-in for a product's recognizer.</summary>
    private sealed class MonthNameRecognizer : IDateRecognizer
    {
        public List<string> Asked { get; } = [];

        public DateOnly? Recognize(string text, CultureInfo culture, DateOnly today)
        {
            Asked.Add(text);
            var words = text.Split(' ');
            if (words.Length < 2 || words[1] != "marzo" || !int.TryParse(words[0], CultureInfo.InvariantCulture, out var day))
            {
                return null;
            }

            var date = new DateOnly(today.Year, 3, day);
            return date < today ? date.AddYears(1) : date;
        }
    }
}
