using System.Net;
using HiTechTex.Bot.Features.Coaching;
using Microsoft.Kiota.Abstractions;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>Graph failures as the reason codes the coordinator's card translates (the detail stays in the log).</summary>
public sealed class CalendarSyncReasonTests
{
    [Theory]
    [InlineData(400, false, "Refused")]
    [InlineData(422, false, "Refused")]
    [InlineData(401, false, "AccessDenied")]
    [InlineData(403, false, "AccessDenied")]
    [InlineData(404, false, "NotFound")]
    [InlineData(408, true, "Timeout")]
    [InlineData(409, true, "Unavailable")]
    [InlineData(412, true, "Unavailable")]
    [InlineData(429, true, "Throttled")]
    [InlineData(503, true, "Unavailable")]
    public void Classify_GraphStatus_TheReasonCode(int status, bool transient, string expected)
    {
        var failure = OutboxFailure.Classify(new ApiException("refused") { ResponseStatusCode = status }, timedOut: false, DateTimeOffset.UnixEpoch);

        Assert.Equal((transient, expected), (failure.Transient, failure.Code.ToString()));
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TokenEndpointRefusal_SignInRefused() =>
        Assert.Equal(CalendarSyncReason.SignInRefused, OutboxFailure.Classify(new HttpRequestException("no", null, HttpStatusCode.Unauthorized), timedOut: false, DateTimeOffset.UnixEpoch).Code);

    [Fact]
    public void Classify_UnreadableAnswers_RetriedAsUnavailable()
    {
        Exception[] unreadable =
        [
            new IOException("The response ended prematurely."),
            new System.Text.Json.JsonException("cut"),
            new ApiException("cut") { ResponseStatusCode = 201 },
            new HttpRequestException(HttpRequestError.InvalidResponse, "not a token"),
        ];

        Assert.All(unreadable, e => Assert.Equal((true, CalendarSyncReason.Unavailable, "unreadable answer"), OutboxFailure.Classify(e, timedOut: false, DateTimeOffset.UnixEpoch) is var f ? (f.Transient, f.Code, f.Reason) : default));
    }

    [Fact]
    public void GivenUp_Kinds_TheirCodes()
    {
        Assert.Equal(CalendarSyncReason.TooManyAttempts, OutboxFailure.GivenUp(OutboxGiveUp.TooManyAttempts, "gave up after 3 attempts", "HTTP 503").Code);
        Assert.Equal(CalendarSyncReason.SessionEnded, OutboxFailure.GivenUp(OutboxGiveUp.SessionEnded, "gave up: the session has ended", null).Code);
    }

    [Theory]
    [InlineData("Refused", "Refused")]
    [InlineData("TooManyAttempts", "TooManyAttempts")]
    [InlineData("HTTP 403 ErrorAccessDenied", "Unknown")]
    [InlineData("2", "Unknown")]
    [InlineData("Refused, AccessDenied", "Unknown")]
    [InlineData(null, "Unknown")]
    public void Of_StoredText_TheCodeOrUnknown(string? stored, string expected) =>
        Assert.Equal(expected, CalendarSyncReasons.Of(stored).ToString());

    [Theory]
    [MemberData(nameof(CoachingTextsTests.Languages), MemberType = typeof(CoachingTextsTests))]
    public void SyncReason_EveryCode_ATextOfItsOwnInEveryLanguage(string language)
    {
        var texts = CoachingTexts.Resolve(language);
        var session = new CoachingSession { Title = "Circular economy", StartsAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), TimeZone = "Europe/Lisbon" };
        var shown = Enum.GetValues<CalendarSyncReason>().Select(r => texts.SyncReason(r, session)).ToList();

        Assert.Equal(shown.Count, shown.Distinct(StringComparer.Ordinal).Count());
        Assert.All(shown, t => Assert.DoesNotContain("HTTP", t, StringComparison.Ordinal));
    }
}
