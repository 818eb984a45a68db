using System.Globalization;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Asks for a date or date-time, read in the user's locale and interpreted in the user's time zone: the IANA
/// zone of <c>activity.localTimezone</c>, else the offset of <c>activity.localTimestamp</c>, else
/// <see cref="DefaultTimeZone"/>. "Tomorrow 10:00" for a user in Istanbul is 10:00+03:00 of Istanbul's tomorrow.
/// A text with no date the prompt reads itself goes to <paramref name="dateRecognizer"/>, when given ("2 marzo",
/// "3 de dezembro às 10": its date, with the time read here).
/// </summary>
public sealed class DateTimePrompt(
    string dialogId, PromptValidator<DateTimeResolution>? validator = null, TimeProvider? timeProvider = null, IDateRecognizer? dateRecognizer = null)
    : Prompt<DateTimeResolution>(dialogId, validator)
{
    private readonly TimeProvider clock = timeProvider ?? TimeProvider.System;

    /// <summary>The zone used when the activity carries neither a time zone nor a local timestamp.</summary>
    public TimeZoneInfo DefaultTimeZone { get; set; } = TimeZoneInfo.Utc;

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        SendAsync(turnContext, PickPrompt(options, isRetry), cancellationToken);

    protected override Task<PromptRecognizerResult<DateTimeResolution>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var zone = ResolveTimeZone(turnContext.Activity);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var culture = TextNormalizer.Culture(GetLocale(turnContext));
        var text = turnContext.Activity.Text;
        var today = DateOnly.FromDateTime(now.DateTime);
        var recognized = DateTimeRecognizer.TryRecognize(text, culture, today, TimeOnly.FromDateTime(now.DateTime), out var date, out var time, out var dateGiven);
        if (!dateGiven && dateRecognizer is not null && !string.IsNullOrWhiteSpace(text) && dateRecognizer.Recognize(text, culture, today) is { } named)
        {
            date = named;
            recognized = true;
        }

        if (!recognized)
        {
            return Task.FromResult(PromptRecognizerResult<DateTimeResolution>.Failure());
        }

        var local = date.ToDateTime(time ?? TimeOnly.MinValue, DateTimeKind.Unspecified);
        var value = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return Task.FromResult(PromptRecognizerResult<DateTimeResolution>.Success(new DateTimeResolution(value, time is not null, zone.Id)));
    }

    /// <summary>The user's zone for <paramref name="activity"/> (see the class remarks).</summary>
    public TimeZoneInfo ResolveTimeZone(Activity activity) => UserTimeZone(activity) ?? DefaultTimeZone;

    /// <summary>
    /// The zone the user's client reports with <paramref name="activity"/>: the IANA zone of <c>localTimezone</c>, else
    /// the offset of <c>localTimestamp</c>; null when it carries neither (the caller's default applies).
    /// </summary>
    public static TimeZoneInfo? UserTimeZone(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.LocalTimezone)
            && TimeZoneInfo.TryFindSystemTimeZoneById(activity.LocalTimezone, out var named))
        {
            return named;
        }

        if (!string.IsNullOrWhiteSpace(activity.LocalTimestamp)
            && DateTimeOffset.TryParse(activity.LocalTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var localTimestamp))
        {
            var offset = localTimestamp.Offset;
            var name = $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
            return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
        }

        return null;
    }
}
