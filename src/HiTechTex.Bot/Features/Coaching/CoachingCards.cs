using System.Globalization;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The coaching cards (<c>cards/session-*.json</c>) bound with a language's texts and the data.</summary>
internal sealed class CoachingCards(ICardRenderer renderer, CalendarLinks calendarLinks, IOptions<GraphOptions> graphOptions, TimeProvider timeProvider)
{
    public const string ListTemplate = "session-list";

    public const string DetailsTemplate = "session-details";

    public const string FormTemplate = "session-form";

    public const string ImportTemplate = "session-import";

    private const string AnyValue = "any";

    /// <summary>The most JSON characters a card may have: the renderer counts UTF-16 bytes against 28 KB.</summary>
    private const int MaxCardCharacters = CardRenderer.MaxCardBytes / 2;

    /// <summary>Room kept free on a correction card: the numbers of its result, a box value the template adds.</summary>
    private const int ImportMargin = 64;

    /// <summary>
    /// A month as the list's month filter names it, and as it starts a sentence ("March 2025 is already over"): each
    /// language's month-year — Portuguese and Spanish join them with "de" ("março de 2025", "marzo de 2025"), the others
    /// do not ("marzo 2025", "Mart 2025", "březen 2025") — with a capital first letter, since it stands first (a
    /// dropdown choice, a sentence's start): "December 2026", "Dezembro de 2026", "Dicembre 2026", "Listopad 2026".
    /// Portuguese, Spanish, Italian and Czech write the month in lower case inside a sentence; .NET's names already are.
    /// </summary>
    public static string MonthTitle(DateOnly month, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var title = month.ToString(culture.TwoLetterISOLanguageName is "pt" or "es" ? "MMMM 'de' yyyy" : "MMMM yyyy", culture);
        return char.ToUpper(title[0], culture) + title[1..];
    }

    /// <param name="window">The position of <paramref name="sessions"/>' first in the list (0 the soonest), how many
    /// sessions match in all, and whether they lead up to the page after (Previous): a list longer than the card shows
    /// says which ones it shows and has Previous / Next buttons (they submit the filters with the position).</param>
    public Attachment List(
        CoachingTexts texts, IReadOnlyList<SessionSummary> sessions, SessionFilter filter,
        (IReadOnlyList<string> Topics, IReadOnlyList<string> Languages) facets, DateOnly firstMonth, bool isCoordinator,
        (int Skip, int Total, bool FromEnd) window = default, string? readerZone = null)
    {
        var data = ListBase(texts, texts.ListTitle, isCoordinator, showFilters: true, showMine: true);
        data["filters"] = new JsonObject
        {
            ["topic"] = filter.Topic ?? AnyValue,
            ["language"] = filter.Language ?? AnyValue,
            ["month"] = filter.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? AnyValue,
        };
        data["topics"] = Choices(texts, facets.Topics.Select(t => (t, t)));
        // The language asked for ("sessions in Italian") is a choice even when no upcoming session has it: the filter
        // shows what the list is filtered by, and the list says none matches.
        var languages = filter.Language is { } wantedLanguage && !facets.Languages.Contains(wantedLanguage, StringComparer.OrdinalIgnoreCase)
            ? [.. facets.Languages, wantedLanguage]
            : facets.Languages;
        data["languages"] = Choices(texts, languages.Select(l => (l, l)));
        var culture = SessionTime.CultureOf(texts);
        // The next six months, and a month further ahead when that is the one asked for ("sessions in October"): the
        // filter shows what the list is filtered by.
        var months = Enumerable.Range(0, 6).Select(firstMonth.AddMonths).ToList();
        if (filter.Month is { } asked && !months.Contains(new DateOnly(asked.Year, asked.Month, 1)))
        {
            months.Add(new DateOnly(asked.Year, asked.Month, 1));
            months.Sort();
        }

        data["months"] = Choices(texts, months.Select(date =>
        {
            // "December 2026", "Dezembro de 2026", "Prosinec 2026": the month named in the reader's language, the value ISO.
            return (MonthTitle(date, culture), date.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }));
        var now = timeProvider.GetUtcNow();
        var items = sessions.Select(s => SessionItem(texts, s, status: null, now, readerZone)).ToList();
        if (sessions.Count == 0)
        {
            data["emptyText"] = texts.ListEmpty;
        }

        // Ten sessions with long titles, topics and places, beside a topic filter naming every topic, passed the card's
        // size limit and everyone got an error. The most that fit — the first ones, or for Previous the last ones — and
        // Next / Previous go on from the first not shown and back from the first shown, so no session is left out.
        return CardListFit.Render(items.Count, shown =>
        {
            var from = window.FromEnd ? items.Count - shown : 0;
            var first = window.Skip + from;
            data["sessions"] = new JsonArray([.. items.Skip(from).Take(shown).Select(item => item.DeepClone())]);
            data.Remove("paging");
            SetIfPresent(data, "paging", shown > 0 && window.Total > shown ? texts.Format(texts.PagingFormat, first + 1, first + shown, window.Total) : null);
            data["hasPrevious"] = first > 0;
            data["hasNext"] = first + shown < window.Total;
            data["previousBefore"] = first.ToString(CultureInfo.InvariantCulture);
            data["nextSkip"] = (first + shown).ToString(CultureInfo.InvariantCulture);
            return renderer.Render(ListTemplate, data);
        });
    }

    public Attachment Mine(CoachingTexts texts, IReadOnlyList<(MySession Mine, SessionSummary Summary)> sessions, string? readerZone = null)
    {
        var data = ListBase(texts, texts.MySessionsTitle, isCoordinator: false, showFilters: false, showMine: false);
        // A cancelled session stays in the list until its date, said to be cancelled (and no seats to count).
        // Each registration not yet begun has its Cancel (the details card's coaching.unregister): "cancel my
        // registration" opens this list, and the help card says a booking is cancelled here.
        var now = timeProvider.GetUtcNow();
        var items = sessions.Select(s => SessionItem(texts, s.Summary,
            s.Summary.Session.Status == SessionStatus.Scheduled ? StatusText(texts, s.Mine.Status, s.Mine.WaitlistPosition) : texts.SessionCancelled,
            now, readerZone,
            canCancel: s.Summary.Session.Status == SessionStatus.Scheduled && s.Mine.Status != RegistrationStatus.Cancelled && now < s.Summary.Session.StartsAt)).ToList();
        if (sessions.Count == 0)
        {
            data["emptyText"] = texts.MySessionsEmpty;
        }

        // Every upcoming registration, about 1.8 KB each: a programme of fifteen weekly sessions passed the card's size
        // limit and the person got an error. The soonest that fit, with the list's "Sessions 1–N of M" line.
        return CardListFit.Render(items.Count, shown =>
        {
            data["sessions"] = new JsonArray([.. items.Take(shown).Select(item => item.DeepClone())]);
            SetIfPresent(data, "paging", shown < items.Count ? texts.Format(texts.PagingFormat, 1, shown, items.Count) : null);
            return renderer.Render(ListTemplate, data);
        });
    }

    public Attachment Details(
        CoachingTexts texts, SessionSummary summary, CoachingRegistration? mine, int? waitlistPosition, bool isCoordinator,
        IReadOnlyList<CoachingRegistration>? participants = null, string? notice = null, string? warning = null, string? readerZone = null,
        bool confirmUnregister = false, bool newSeat = false)
    {
        var culture = SessionTime.CultureOf(texts);
        var session = summary.Session;
        var active = mine is { Status: not RegistrationStatus.Cancelled } ? mine : null;
        var scheduled = session.Status == SessionStatus.Scheduled;
        var now = timeProvider.GetUtcNow();
        var open = scheduled && !RegistrationClosed(session, now);
        var data = new JsonObject
        {
            ["id"] = session.Id.ToString(),
            ["title"] = session.Title,
            ["when"] = SessionTime.Describe(session, culture, readerZone),
            ["trainer"] = session.Trainer,
            ["topic"] = session.Topic,
            ["language"] = session.Language,
            ["where"] = Where(texts, session),
            ["seats"] = !scheduled ? texts.SessionCancelled : open ? Seats(texts, summary) : texts.Closed,
            ["canRegister"] = open && active is null,
            ["canCancel"] = scheduled && active is not null && now < session.EndsAt,
            // "Cancel my registration" was clicked: its question's answers instead of the button (the question is the warning).
            ["confirmUnregister"] = confirmUnregister,
            // The question's "Yes" names the registration it asks about: registering again makes another one.
            ["registration"] = confirmUnregister && active is not null ? active.Sequence.ToString(CultureInfo.InvariantCulture) : "",
            // A session that is over is history: nothing left to edit or cancel.
            ["isCoordinator"] = isCoordinator && scheduled && now < session.EndsAt,
            ["labels"] = new JsonObject
            {
                ["when"] = texts.When,
                ["trainer"] = texts.Trainer,
                ["topic"] = texts.FilterTopic,
                ["where"] = texts.Where,
                ["seats"] = texts.Seats,
                ["closes"] = texts.FieldClosesOn,
                ["status"] = texts.StatusLabel,
                // No "Teams meeting" where the bot makes none (Graph not configured: a calendar file).
                ["sync"] = session.Mode == SessionMode.OnSite || !graphOptions.Value.IsConfigured ? texts.SyncLabelOnSite : texts.SyncLabel,
                ["participants"] = texts.Participants,
                ["register"] = texts.Register,
                ["cancelMine"] = texts.CancelMyRegistration,
                ["confirmUnregister"] = texts.ConfirmUnregister,
                ["keepRegistration"] = texts.KeepRegistration,
                ["join"] = texts.JoinMeeting,
                ["addToCalendar"] = texts.AddToCalendar,
                ["edit"] = texts.Edit,
                ["cancelSession"] = texts.CancelSession,
                ["confirmCancel"] = texts.ConfirmCancelSession,
                ["retrySync"] = texts.RetrySync,
            },
            // Cancelling is irreversible and messages everyone: the button opens this question, its answer cancels.
            ["confirmCancel"] = texts.Format(texts.CancelSessionConfirmFormat, session.Title, summary.Confirmed + summary.Waitlisted),
        };
        SetIfPresent(data, "notice", newSeat && notice is not null && active is { Status: RegistrationStatus.Confirmed } && scheduled
            ? CalendarPromise(texts, session, active, summary.Confirmed) is { } promise ? notice + " " + promise : notice
            : notice);
        SetIfPresent(data, "description", session.Description);   // none: no empty block under the title
        SetIfPresent(data, "warning", warning);
        SetIfPresent(data, "closes", open ? SessionTime.Date(session.RegistrationClosesAt, session.TimeZone, culture, readerZone) : null);
        // A cancelled session has no place to hold: its seats line already says it was cancelled.
        SetIfPresent(data, "status", active is null || !scheduled ? null : StatusText(texts, active.Status, waitlistPosition));
        if (isCoordinator)
        {
            data["sync"] = SyncText(texts, session);
        }

        // Under "failed: …" the coordinator can queue it again (checked again on the server); an ended session's
        // calendar is no longer changed.
        data["canRetrySync"] = isCoordinator && session.SyncState == CalendarSyncState.Failed && graphOptions.Value.IsConfigured && now < session.EndsAt;

        // The meeting link and the calendar file are for people with a seat; the coordinator sees the link too (the
        // current one: a re-created event's new link).
        if (active is { Status: RegistrationStatus.Confirmed } && scheduled)
        {
            SetIfPresent(data, "joinUrl", session.JoinUrl);
            if (!graphOptions.Value.IsConfigured)
            {
                SetIfPresent(data, "icsUrl", calendarLinks.For(active));
            }
        }
        else if (isCoordinator && scheduled)
        {
            SetIfPresent(data, "joinUrl", session.JoinUrl);
        }

        // A session may have a thousand seats, a line each on the coordinator's card: past about a hundred the card was
        // over the size limit and the coordinator got an error instead. The first that fit, then how many more there are.
        var listed = (isCoordinator ? participants ?? [] : []).Select((p, i) => new JsonObject
        {
            ["position"] = i + 1,
            // Its name as the person's Teams account had it: a TextRun (Markdown shown as typed), and without what
            // breaks the line or turns it around (a bidi override would reverse the state after it).
            ["name"] = NameRule.ForCard(p.UserName),
            ["state"] = p.Status == RegistrationStatus.Confirmed ? texts.StatusConfirmed : texts.Waitlist,
        }).ToList();
        return CardListFit.Render(listed.Count, shown =>
        {
            data["participants"] = new JsonArray([.. listed.Take(shown).Select(p => p.DeepClone())]);
            SetIfPresent(data, "moreParticipants", shown < listed.Count ? texts.Format(texts.MoreParticipantsFormat, listed.Count - shown) : null);
            return renderer.Render(DetailsTemplate, data);
        });
    }

    /// <summary>
    /// What a new seat holder gets in their calendar in this deployment: with Graph, the invitation to the Teams meeting
    /// (an on-site session's calendar event), for someone with an e-mail address, whom the event has as an attendee —
    /// when the event takes them: the newest seat comes after the other <paramref name="confirmed"/>, and the event has
    /// the first <see cref="GraphCalendarGateway.MaxAttendees"/>, so past that no invitation is promised (the join link
    /// is in the bot); without Graph, the calendar file of the card's button (when there is a link to it). Null: nothing
    /// to promise.
    /// </summary>
    private string? CalendarPromise(CoachingTexts texts, CoachingSession session, CoachingRegistration registration, int confirmed)
    {
        if (graphOptions.Value.IsConfigured)
        {
            return string.IsNullOrEmpty(registration.Email) || confirmed > GraphCalendarGateway.MaxAttendees ? null
                : session.Mode == SessionMode.OnSite ? texts.PromotedCalendarEventInvite : texts.PromotedTeamsMeetingInvite;
        }

        return calendarLinks.For(registration) is null ? null : texts.Format(texts.ConfirmedCalendarFileFormat, texts.AddToCalendar);
    }

    /// <param name="formId">The id a new session gets when this form is saved: a second click, or a Teams retry, of the
    /// same card then finds it saved instead of creating it twice.</param>
    public Attachment Form(CoachingTexts texts, SessionFormValues values, Guid? sessionId, string? error, Guid formId)
    {
        var data = new JsonObject
        {
            ["title"] = sessionId is null ? texts.FormTitleNew : texts.FormTitleEdit,
            ["sessionId"] = sessionId?.ToString() ?? "",
            ["formId"] = formId.ToString(),
            ["values"] = values.ToJson(),
            ["labels"] = new JsonObject
            {
                ["title"] = texts.FieldTitle,
                ["description"] = texts.FieldDescription,
                ["topic"] = texts.FilterTopic,
                ["trainer"] = texts.Trainer,
                ["language"] = texts.FilterLanguage,
                ["date"] = texts.FieldDate,
                ["start"] = texts.FieldStart,
                ["end"] = texts.FieldEnd,
                ["timeZone"] = texts.FieldTimeZone,
                ["capacity"] = texts.FieldCapacity,
                ["mode"] = texts.FieldMode,
                ["online"] = graphOptions.Value.IsConfigured ? texts.Online : texts.OnlineWithoutTeams,
                ["onSite"] = texts.OnSite,
                ["location"] = texts.FieldLocation,
                ["closesOn"] = texts.FieldClosesOn,
                ["organizer"] = texts.FieldOrganizer,
                ["required"] = texts.FieldRequired,
                ["save"] = texts.Save,
            },
        };
        SetIfPresent(data, "error", error);
        // Sent back with an error, the form holds what the submission brought: cut to what each input takes, so that a
        // forged 100,000-character title is named, not a card over the size limit.
        return error is null ? renderer.Render(FormTemplate, data) : renderer.RenderForm(FormTemplate, data);
    }

    /// <param name="importId">Names this card's import, so that clicking Import twice imports the lines once.</param>
    public Attachment Import(CoachingTexts texts, string rows, string? result, Guid importId) =>
        renderer.Render(ImportTemplate, ImportData(texts, rows, result, importId));

    /// <summary>The import box's label, with its limits.</summary>
    public static string ImportRowsLabel(CoachingTexts texts) =>
        texts.Format(texts.ImportFieldFormat,
            SessionImport.MaxLines.ToString("N0", SessionTime.CultureOf(texts)), SessionImport.MaxCharacters.ToString("N0", SessionTime.CultureOf(texts)));

    private static JsonObject ImportData(CoachingTexts texts, string rows, string? result, Guid importId)
    {
        var data = new JsonObject
        {
            ["title"] = texts.ImportSessions,
            ["importId"] = importId.ToString(),
            ["help"] = texts.ImportHelp,
            ["rows"] = rows,
            ["labels"] = new JsonObject
            {
                ["rows"] = ImportRowsLabel(texts),
                ["required"] = texts.FieldRequired,
                ["import"] = texts.Import,
            },
        };
        SetIfPresent(data, "result", result);
        return data;
    }

    /// <summary>
    /// The import card sent back for correction, holding as many of <paramref name="lines"/> (whole, in order) as a card
    /// can carry: the renderer refuses a card over 28 KB, and a box of 20,000 characters — more once JSON escapes
    /// non-ASCII letters and quotes — does not fit beside the rest. <paramref name="resultFor"/> gives the result text
    /// for the number of lines kept (it says when some were left out). Returns the card and that number.
    /// </summary>
    public (Attachment Card, int Kept) ImportCorrection(CoachingTexts texts, IReadOnlyList<string> lines, Func<int, string> resultFor, Guid importId)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(resultFor);
        var all = string.Join("\n", lines);
        var full = resultFor(lines.Count);
        if (ImportLength(texts, full, importId) + JsonLength(all) + ImportMargin <= MaxCardCharacters)
        {
            return (Import(texts, all, full, importId), lines.Count);
        }

        // The result with a line left out is the longest (it names how many were kept); the margin covers its numbers.
        var room = MaxCardCharacters - ImportMargin - ImportLength(texts, resultFor(Math.Max(0, lines.Count - 1)), importId);
        var kept = 0;
        var used = 0;
        while (kept < lines.Count)
        {
            var cost = JsonLength(lines[kept]) + (kept > 0 ? JsonLength("\n") : 0);
            if (used + cost > room)
            {
                break;
            }

            used += cost;
            kept++;
        }

        return (Import(texts, string.Join("\n", lines.Take(kept)), resultFor(kept), importId), kept);
    }

    /// <summary>How many characters <paramref name="text"/> takes in the card's JSON (escapes included), as the renderer counts.</summary>
    internal static int JsonLength(string text) => JsonValue.Create(text).ToJsonString().Length - 2;

    /// <summary>The import card's JSON length with an empty box.</summary>
    private int ImportLength(CoachingTexts texts, string result, Guid importId) =>
        renderer.RenderCard(ImportTemplate, ImportData(texts, "", result, importId)).ToJsonString().Length;

    public static string StatusText(CoachingTexts texts, RegistrationStatus status, int? position) => status switch
    {
        RegistrationStatus.Confirmed => texts.StatusConfirmed,
        RegistrationStatus.Waitlisted => texts.Format(texts.StatusWaitlistedFormat, position ?? 0),
        _ => texts.SessionCancelled,
    };

    private static string SyncText(CoachingTexts texts, CoachingSession session) => session.SyncState switch
    {
        CalendarSyncState.Synced => texts.SyncSynced,
        // The reason after a dash, not in parentheses: it may name the session, whose title may have its own.
        CalendarSyncState.Pending when session.SyncError is { Length: > 0 } error => texts.SyncPending + " — " + texts.SyncReason(CalendarSyncReasons.Of(error), session),
        CalendarSyncState.Pending => texts.SyncPending,
        CalendarSyncState.Failed => texts.Format(texts.SyncFailedFormat, texts.SyncReason(CalendarSyncReasons.Of(session.SyncError), session)),
        _ => texts.SyncNotConfigured,
    };

    private static JsonObject ListBase(CoachingTexts texts, string title, bool isCoordinator, bool showFilters, bool showMine) => new()
    {
        ["title"] = title,
        ["showFilters"] = showFilters,
        ["showMine"] = showMine,
        ["showBrowse"] = !showMine,
        ["isCoordinator"] = isCoordinator,
        ["hasPrevious"] = false,
        ["hasNext"] = false,
        ["sessions"] = new JsonArray(),
        ["labels"] = new JsonObject
        {
            ["topic"] = texts.FilterTopic,
            ["language"] = texts.FilterLanguage,
            ["month"] = texts.FilterMonth,
            ["filter"] = texts.ApplyFilters,
            ["previous"] = texts.PreviousPage,
            ["next"] = texts.NextPage,
            ["when"] = texts.When,
            ["where"] = texts.Where,
            ["seats"] = texts.Seats,
            ["closes"] = texts.FieldClosesOn,
            ["status"] = texts.StatusLabel,
            ["details"] = texts.Details,
            ["cancelMine"] = texts.CancelMyRegistration,
            ["mySessions"] = texts.MySessionsTitle,
            ["browse"] = texts.BrowseSessions,
            ["newSession"] = texts.NewSession,
            ["importSessions"] = texts.ImportSessions,
        },
    };

    private JsonObject SessionItem(CoachingTexts texts, SessionSummary summary, string? status, DateTimeOffset now, string? readerZone, bool canCancel = false)
    {
        var culture = SessionTime.CultureOf(texts);
        var item = new JsonObject
        {
            ["id"] = summary.Session.Id.ToString(),
            ["canCancel"] = canCancel,
            ["title"] = summary.Session.Title,
            ["when"] = SessionTime.Describe(summary.Session, culture, readerZone),
            ["topic"] = summary.Session.Topic,
            ["language"] = summary.Session.Language,
            ["where"] = Where(texts, summary.Session),
        };
        if (summary.Session.Status == SessionStatus.Scheduled && RegistrationClosed(summary.Session, now))
        {
            item["seats"] = texts.Closed;
        }
        else if (summary.Session.Status == SessionStatus.Scheduled)
        {
            item["seats"] = Seats(texts, summary);
            item["closes"] = SessionTime.Date(summary.Session.RegistrationClosesAt, summary.Session.TimeZone, culture, readerZone);
        }

        SetIfPresent(item, "status", status);
        return item;
    }

    private static JsonArray Choices(CoachingTexts texts, IEnumerable<(string Title, string Value)> choices) =>
        new([new JsonObject { ["title"] = texts.AnyOption, ["value"] = AnyValue },
            .. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]);

    /// <summary>An online session is "Online (Teams)" only where the bot makes its Teams meeting (Graph configured).</summary>
    private string Where(CoachingTexts texts, CoachingSession session) =>
        session.Mode == SessionMode.Online ? (graphOptions.Value.IsConfigured ? texts.Online : texts.OnlineWithoutTeams) : session.Location ?? texts.OnSite;

    /// <summary>Past the deadline or started: the Register button would only answer "closed".</summary>
    public static bool RegistrationClosed(CoachingSession session, DateTimeOffset now) =>
        now > session.RegistrationClosesAt || now >= session.StartsAt;

    private static string Seats(CoachingTexts texts, SessionSummary summary) =>
        texts.Format(texts.SeatsFormat, summary.SeatsLeft, summary.Session.Capacity, summary.Waitlisted);

    private static void SetIfPresent(JsonObject data, string key, string? value)
    {
        // A null inside a sentence fails the whole card (cards/README.md): absent, so $when/exists sees it missing.
        if (!string.IsNullOrEmpty(value))
        {
            data[key] = value;
        }
    }

    /// <summary>"any" (or nothing) from the filter choices means no filter.</summary>
    public static string? FilterValue(string? value) =>
        string.IsNullOrWhiteSpace(value) || string.Equals(value, AnyValue, StringComparison.OrdinalIgnoreCase) ? null : value.Trim();
}
