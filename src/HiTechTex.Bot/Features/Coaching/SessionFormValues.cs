using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The fields of the session form as strings: what the card shows, and what a submission brought back (untrusted,
/// so <see cref="TryParse"/> checks every field and names the wrong ones).
/// </summary>
internal sealed record SessionFormValues(
    string Title, string Description, string Topic, string Trainer, string Language, string Date, string Start, string End,
    string TimeZone, string Capacity, string Mode, string Location, string ClosesOn, string Organizer)
{
    private static readonly string[] Languages = ["EN", "PT", "ES", "IT", "TR", "CS"];

    /// <summary>How far ahead a session may be scheduled (the partnership runs for two years).</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>
    /// The longest a session across midnight may last: an end time earlier than the start (22:00–01:00) is read as the
    /// next day only up to this, so that a slip ("14:00–13:00", 23 hours) is still refused. Same-day sessions keep no
    /// limit of their own.
    /// </summary>
    public const int MaxOvernightHours = 12;

    /// <summary>
    /// hh:mm (or hh:mm:ss), the hour with one digit too: "9:00" is how Excel shows and copies a morning time (its h:mm
    /// format), and every such line of an import was refused. A point between the hour and two-digit minutes ("09.00",
    /// "14.30", as times are written in Italy and Czechia) is read the same; "9.5" (9:05 or 9:30?) is not guessed.
    /// </summary>
    private static readonly string[] TimeFormats = ["H:mm", "H:mm:ss", "H'.'mm"];

    /// <summary>The largest capacity a session may have.</summary>
    public const int MaxCapacity = 1000;

    public static SessionFormValues Empty(string organizer) =>
        new("", "", "", "", "EN", "", "09:00", "11:00", "Europe/Lisbon", "20", nameof(SessionMode.Online), "", "", organizer);

    public static SessionFormValues From(CoachingSession session)
    {
        var start = SessionTime.Local(session.StartsAt, session.TimeZone);
        var end = SessionTime.Local(session.EndsAt, session.TimeZone);
        var closes = SessionTime.Local(session.RegistrationClosesAt, session.TimeZone);
        return new(session.Title, session.Description, session.Topic, session.Trainer, session.Language,
            start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("HH:mm", CultureInfo.InvariantCulture),
            end.ToString("HH:mm", CultureInfo.InvariantCulture), session.TimeZone,
            session.Capacity.ToString(CultureInfo.InvariantCulture), session.Mode.ToString(), session.Location ?? "",
            closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), session.OrganizerMailbox);
    }

    /// <summary>
    /// The ids of the submitted fields whose text cannot be accepted (a lone surrogate, a control character, or a value
    /// no card input sends — a number outside the capacity, <c>true</c>, an array, an object: <see cref="CardInput.TryGetInputText"/>); each is read as
    /// empty and named by <see cref="TryParse"/> as not valid.
    /// </summary>
    public IReadOnlySet<string> Unreadable { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static SessionFormValues From(JsonElement data)
    {
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        string Read(string name)
        {
            if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value))
            {
                return "";
            }

            // The number input's value as its digits (a client may send a number input's value as a JSON number);
            // in any other field a number is no text of its input (a forged "title": 42 was saved as "42").
            if (value.ValueKind == JsonValueKind.Number && name == "capacity")
            {
                return value.GetRawText();
            }

            // A value no card input sends (a number, true, an array, an object) is refused like unreadable text, never
            // read as "not given": an empty description or location is valid, so it would clear the one the session has.
            if (!CardInput.TryGetInputText(data, name, out var text))
            {
                unreadable.Add(name);
            }

            return text?.Trim() ?? "";
        }

        return new(Read("title"), Read("description"), Read("topic"), Read("trainer"), Read("language"), Read("date"),
            Read("start"), Read("end"), Read("timeZone"), Read("capacity"), Read("mode"), Read("location"), Read("closesOn"),
            Read("organizer")) { Unreadable = unreadable };
    }

    public JsonObject ToJson() => new()
    {
        ["title"] = Title,
        ["description"] = Description,
        ["topic"] = Topic,
        ["trainer"] = Trainer,
        ["language"] = Language,
        ["date"] = Date,
        ["start"] = Start,
        ["end"] = End,
        ["timeZone"] = TimeZone,
        ["capacity"] = Capacity,
        ["mode"] = Mode,
        ["location"] = Location,
        ["closesOn"] = ClosesOn,
        ["organizer"] = Organizer,
    };

    /// <summary>The draft, or the labels of the wrong fields.</summary>
    /// <param name="texts">For the field labels.</param>
    /// <param name="opensAt">When registration opens (now for a new session; kept on edit).</param>
    /// <param name="now">Sessions cannot start in the past, nor registration close before today (in the session's zone).</param>
    /// <param name="keptClosesOn">On edit, the deadline the session has now: kept as is even when it has passed, so that a
    /// coordinator can still correct a session whose registration is closed.</param>
    public (SessionDraft? Draft, IReadOnlyList<string> Invalid) TryParse(CoachingTexts texts, DateTimeOffset opensAt, DateTimeOffset now, string? keptClosesOn = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var invalid = new List<string>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        // A field is named once, with the reason when the label alone does not say what is wrong with it
        // ("Capacity: a whole number from 1 to 1000").
        void Check(bool ok, string label, string? reason = null)
        {
            if (!ok && named.Add(label))
            {
                invalid.Add(reason is null ? label : label + ": " + reason);
            }
        }

        // What people read in the catalogue: without what would turn it around or hide in it, and a text with nothing
        // to see (one zero-width space) is no title, topic or trainer (FreeText).
        var title = FreeText.CleanOrNull(Title) ?? "";
        var description = FreeText.CleanOrNull(Description) ?? "";
        var topic = FreeText.CleanOrNull(Topic) ?? "";
        var trainer = FreeText.CleanOrNull(Trainer) ?? "";
        var location = FreeText.CleanOrNull(Location) ?? "";
        Check(title.Length is > 0 and <= 200 && !Unreadable.Contains("title"), texts.FieldTitle);
        Check(description.Length <= 4000 && !Unreadable.Contains("description"), texts.FieldDescription);
        Check(topic.Length is > 0 and <= 100 && !Unreadable.Contains("topic"), texts.FilterTopic);
        Check(trainer.Length is > 0 and <= 200 && !Unreadable.Contains("trainer"), texts.Trainer);
        var language = Language.ToUpperInvariant();
        Check(Languages.Contains(language), texts.FilterLanguage);
        TimeZoneInfo? zone = null;
        // Stored as the canonical IANA id, not as typed: "europe/lisbon", "GMT Standard Time", "US/Eastern" are shown
        // to everyone with the session.
        var zoneId = SessionTime.CanonicalZone(TimeZone);
        var zoneOk = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone);
        Check(zoneOk, texts.FieldTimeZone, texts.ReasonTimeZone);
        // A day in the past is refused below (the session must start after now); one more than MaxYearsAhead ahead
        // is no session of the programme, and one at the calendar's ends (0001-01-01, 9999-12-31) would leave the
        // calendar when converted to UTC.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var dateRead = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        var dateOk = dateRead && date >= today.AddDays(-2) && date <= today.AddYears(MaxYearsAhead);
        var startRead = TimeOnly.TryParseExact(Start, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var startTime);
        var endRead = TimeOnly.TryParseExact(End, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var endTime);
        var startOk = startRead;
        var endOk = endRead;
        DateTimeOffset starts = default, ends = default;
        if (dateOk && startOk && zoneOk && !TryUtc(date.ToDateTime(startTime), zone!, out starts))
        {
            startOk = false;
        }

        // An end earlier than the start is on the next day (a session across midnight, 22:00–01:00), within
        // MaxOvernightHours of wall-clock time; an end equal to the start is no session.
        var endsNextDay = startRead && endRead && endTime < startTime;
        var overnightTooLong = endsNextDay && endTime - startTime > TimeSpan.FromHours(MaxOvernightHours);
        if (dateOk && endOk && zoneOk && !TryUtc((endsNextDay && date < DateOnly.MaxValue ? date.AddDays(1) : date).ToDateTime(endTime), zone!, out ends))
        {
            endOk = false;
        }

        // The date is named with why: not a date as the form writes them, a day the calendar does not have
        // ("2026-02-30"), a start in the past, or more than MaxYearsAhead ahead.
        Check(dateOk && (!startOk || !zoneOk || starts > now), texts.FieldDate, DateReason(texts, dateRead, date, today));
        // A time is named with why: not written as hh:mm, no time of day ("25:70"), or skipped by the clocks that day.
        Check(startOk, texts.FieldStart, TimeReason(texts, Start, startRead));
        Check(endOk, texts.FieldEnd, TimeReason(texts, End, endRead));
        Check(!endOk || !startOk || endTime != startTime, texts.FieldEnd, texts.ReasonEndAfterStart);
        Check(!endOk || !startOk || !overnightTooLong, texts.FieldEnd, texts.Format(texts.ReasonEndNextDayTooLongFormat, MaxOvernightHours));
        Check(int.TryParse(Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) && capacity is >= 1 and <= MaxCapacity,
            texts.FieldCapacity, texts.Format(texts.ReasonCapacityFormat, MaxCapacity));
        // "online" as well as "Online" (an import typed by hand); never a number ("1"), which Enum.TryParse also takes.
        var mode = default(SessionMode);
        var modeOk = Mode.Length > 0 && Mode.All(char.IsAsciiLetter) && Enum.TryParse(Mode, ignoreCase: true, out mode) && Enum.IsDefined(mode);
        Check(modeOk, texts.FieldMode);
        Check(location.Length <= 300 && (mode != SessionMode.OnSite || location.Length > 0) && !Unreadable.Contains("location"), texts.FieldLocation);
        var closesRead = DateOnly.TryParseExact(ClosesOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closesOn);
        Check(closesRead, texts.FieldClosesOn, texts.ReasonDateFormat);
        // After the session (typed so, or kept while the session moves earlier than it), or before today.
        Check(!closesRead || !dateOk || closesOn <= date, texts.FieldClosesOn, texts.ReasonClosesOnAfterSession);
        Check(!closesRead || !zoneOk || closesOn >= DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone!).DateTime) || ClosesOn == keptClosesOn,
            texts.FieldClosesOn, texts.ReasonClosesOnPast);
        Check(Organizer.Length <= 256 && MailAddress.TryCreate(Organizer, out var address) && address.Address == Organizer, texts.FieldOrganizer, texts.ReasonOrganizer);
        if (invalid.Count > 0)
        {
            return (null, invalid);
        }

        // Registration closes at the end of the chosen day, and never after the start.
        var closesAt = EndOfDay(closesOn, zone!);
        if (closesAt > starts)
        {
            closesAt = starts;
        }

        return (new SessionDraft(title, description, topic, trainer, language, starts, ends, zoneId!, capacity, mode,
            location.Length == 0 ? null : location, opensAt, closesAt, Organizer), []);
    }

    private string DateReason(CoachingTexts texts, bool dateRead, DateOnly date, DateOnly today)
    {
        if (!dateRead)
        {
            return IsDateShaped(Date) ? texts.ReasonDateImpossible : texts.ReasonDateFormat;
        }

        return date > today.AddYears(MaxYearsAhead) ? texts.Format(texts.ReasonDateTooFarFormat, MaxYearsAhead) : texts.ReasonDatePast;
    }

    private static string TimeReason(CoachingTexts texts, string typed, bool read)
    {
        if (read)
        {
            return texts.ReasonTimeSkipped;
        }

        return IsTimeShaped(typed) ? texts.Format(texts.ReasonTimeImpossibleFormat, typed) : texts.ReasonTimeFormat;
    }

    /// <summary>Written as the form writes times (hh:mm or hh:mm:ss), whatever the numbers: "25:70", "24:00", "09:60:00".
    /// Only such text is repeated to the user (digits and colons: nothing that could be markup).</summary>
    private static bool IsTimeShaped(string text) =>
        text.Length is 5 or 8 && text[2] == ':' && (text.Length == 5 || text[5] == ':')
        && text.Where((c, i) => i is not 2 and not 5).All(char.IsAsciiDigit);

    /// <summary>Written as the form writes dates (yyyy-mm-dd), whatever the numbers: "2026-02-30", "2026-13-01".</summary>
    private static bool IsDateShaped(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && text.Where((c, i) => i is not 4 and not 7).All(char.IsAsciiDigit);

    /// <summary>
    /// The last second of <paramref name="day"/> in <paramref name="zone"/>: 23:59:59, or, when the clocks go forward
    /// at the day's end and skip it (America/Nuuk jumps from 23:00 to 00:00), the last second before they do. That
    /// time was read as no time at all, and the deadline became the calendar's first day: registration closed for ever.
    /// </summary>
    private static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var last = day.ToDateTime(new TimeOnly(23, 59, 59));
        while (zone.IsInvalidTime(last) && last.TimeOfDay >= TimeSpan.FromMinutes(1))
        {
            last = last.AddMinutes(-1);
        }

        TryUtc(last, zone, out var utc);
        return utc;
    }

    private static bool TryUtc(DateTime local, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        // A time that does not exist (the spring-forward gap) is refused rather than silently shifted.
        if (zone.IsInvalidTime(local))
        {
            utc = default;
            return false;
        }

        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
        return true;
    }
}
