using System.Globalization;
using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Answers one coaching request and ends in the same turn: every step is a card button carrying what it needs
/// (<c>data.action</c> + <c>sessionId</c>), so nothing waits in dialog state and a restart loses nothing. Card data
/// is untrusted: ids are parsed, the user is who Teams says (<c>from.aadObjectId</c>), coordinator actions are
/// checked against <c>Roles:Coordinators</c> on every call.
/// </summary>
internal sealed class CoachingDialog(
    CatalogService catalog,
    BookingService booking,
    CoachingCards cards,
    IRoleService roles,
    IOrganizerSchedule schedule,
    IConnectorClient connector,
    IOptions<GraphOptions> graphOptions,
    TimeProvider timeProvider,
    ILogger<CoachingDialog> logger) : Dialog(DialogId)
{
    public const string DialogId = "coaching";

    public const string ListAction = "coaching.list";
    public const string MineAction = "coaching.mine";
    public const string DetailsAction = "coaching.details";
    public const string RegisterAction = "coaching.register";
    public const string UnregisterAction = "coaching.unregister";

    /// <summary>"No, keep it" on the question before one's registration is cancelled: nothing changes.</summary>
    public const string KeepAction = "coaching.keep";
    public const string NewAction = "coaching.new";
    public const string EditAction = "coaching.edit";
    public const string SaveAction = "coaching.save";
    public const string CancelSessionAction = "coaching.cancelSession";
    public const string ImportAction = "coaching.import";
    public const string ImportSaveAction = "coaching.importSave";

    /// <summary>"Retry calendar sync" under a failed sync on the coordinator's session card.</summary>
    public const string RetrySyncAction = "coaching.retrySync";

    /// <summary>The words of the catalogue's commands in the six languages: "sessions may" is "sessions" filtered to May.</summary>
    private static readonly IReadOnlySet<string> ListCommandWords = CoachingTexts.All
        .SelectMany(t => t.ListCommands)
        .SelectMany(c => TextNormalizer.Tokenize(c).Select(w => w.Norm))
        .ToHashSet(StringComparer.Ordinal);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var start = options as JourneyStart;
        var texts = CoachingTexts.Resolve(dc.Context.GetTexts().Language);
        var data = start?.CardData;
        var turn = dc.Context;
        switch (ActionOf(start))
        {
            case MineAction:
                await ShowMineAsync(turn, texts, cancellationToken);
                break;
            case DetailsAction:
                await ShowDetailsAsync(turn, texts, SessionIdOf(data), notice: null, warning: null, cancellationToken);
                break;
            case RegisterAction:
                await RegisterAsync(turn, texts, SessionIdOf(data), cancellationToken);
                break;
            case UnregisterAction when !IsConfirmed(data):
                // "Cancel my registration" (the session card, "my sessions", an older card): asked first, on the
                // session's card; only its "Yes" (confirm: yes) cancels.
                await AskToUnregisterAsync(turn, texts, SessionIdOf(data), cancellationToken);
                break;
            case UnregisterAction when !TryGetAskedSequence(data, out _):
                // A registration the card's "Yes" carries but that cannot be read (a number, an array, text that is no
                // registration: a forged card) was read as none, and the current registration cancelled unchecked.
                Log.UnregisterUnreadable(logger);
                await turn.SendActivityAsync(texts.UnregisterUnreadable, cancellationToken);
                break;
            case UnregisterAction:
                TryGetAskedSequence(data, out var askedSequence);
                await UnregisterAsync(turn, texts, SessionIdOf(data), cancellationToken, askedSequence);
                break;
            case KeepAction:
                await ShowKeptAsync(turn, texts, SessionIdOf(data), cancellationToken);
                break;
            case NewAction or EditAction or SaveAction or CancelSessionAction or ImportAction or ImportSaveAction or RetrySyncAction when !IsCoordinator(turn):
                Log.NotCoordinator(logger, ActionOf(start));
                await turn.SendActivityAsync(texts.NotCoordinator, cancellationToken);
                break;
            case NewAction:
                await SendCardAsync(turn, cards.Form(texts, SessionFormValues.Empty(DemoCatalog.Organizer), null, null, Guid.NewGuid()), cancellationToken);
                break;
            case EditAction:
                await ShowEditFormAsync(turn, texts, SessionIdOf(data), cancellationToken);
                break;
            case SaveAction:
                await SaveAsync(turn, texts, data, cancellationToken);
                break;
            case CancelSessionAction when !IsConfirmed(data):
                // A click without the confirmation's answer (an older card, a forged one): ask, on the session's card.
                await ShowDetailsAsync(turn, texts, SessionIdOf(data), notice: null, warning: await CancelQuestionAsync(texts, SessionIdOf(data), cancellationToken), cancellationToken);
                break;
            case CancelSessionAction:
                await CancelSessionAsync(turn, texts, SessionIdOf(data), cancellationToken);
                break;
            case ImportAction:
                await SendCardAsync(turn, cards.Import(texts, "", null, Guid.NewGuid()), cancellationToken);
                break;
            case ImportSaveAction:
                await ImportAsync(turn, texts, data, cancellationToken);
                break;
            case RetrySyncAction:
                await RetrySyncAsync(turn, texts, SessionIdOf(data), cancellationToken);
                break;
            default:
                var (filter, pastMonth, pastYear, unused) = FilterOf(turn, start);
                if (start?.CardData is null && start?.Entities is { NoSuchDates: [var noSuchDay, ..], Dates.Count: 0 })
                {
                    // "sessions on 31 February": no such day, said rather than silently the month's list (or nothing);
                    // a day written in figures ("30/02/2027") is that day, not words the list could not use.
                    await turn.SendActivityAsync(filter.Month is { } shownMonth
                        ? texts.Format(texts.NoSuchDayMonthFormat, texts.NoSuchDay(noSuchDay), MonthInSentence(shownMonth, SessionTime.CultureOf(texts)))
                        : texts.Format(texts.NoSuchDayFormat, texts.NoSuchDay(noSuchDay)), cancellationToken);
                    unused = [.. unused.Where(w => !w.Any(char.IsAsciiDigit))];
                }

                if (unused.Count > 0)
                {
                    // "sessions in German", "sessions next week": said, not silently dropped.
                    var words = NameRule.EscapeMarkdown(NameRule.ForCard(string.Join(' ', unused)));
                    var anyFilter = filter.Topic is not null || filter.Language is not null || filter.Month is not null;
                    await turn.SendActivityAsync(texts.Format(anyFilter ? texts.UnusedPartFormat : texts.UnusedAllFormat, words), cancellationToken);
                }

                if (pastMonth is { } past)
                {
                    // "sessions in March 2025" or "last month" in November 2026: said, not silently the whole catalogue.
                    await turn.SendActivityAsync(texts.Format(texts.MonthPastFormat, CoachingCards.MonthTitle(past, SessionTime.CultureOf(texts))), cancellationToken);
                }
                else if (pastYear is { } year)
                {
                    // "sessions in 2025", "last year": the same.
                    await turn.SendActivityAsync(texts.Format(texts.YearPastFormat, year.ToString(CultureInfo.InvariantCulture)), cancellationToken);
                }

                await ShowListAsync(turn, texts, filter, ListPositionOf(data), cancellationToken);
                break;
        }

        return await dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>
    /// What a start asks for: a card action, a typed command ("my sessions", "new session", "import sessions"), "my
    /// sessions" recognized, else the list.
    /// </summary>
    internal static string ActionOf(JourneyStart? start)
    {
        if (start is null)
        {
            return ListAction;
        }

        if (start.CardAction is { } action)
        {
            return action == "mySessions" ? MineAction : action;
        }

        // Typed commands: "new session" and "import sessions" are for coordinators only, which is checked when they run.
        if (start.Text is { } typed)
        {
            if (IsTyped(typed, t => t.NewSessionCommands))
            {
                return NewAction;
            }

            if (IsTyped(typed, t => t.ImportCommands))
            {
                return ImportAction;
            }

            if (IsTyped(typed, t => t.MineCommands))
            {
                return MineAction;
            }
        }

        return start.Intent == Intent.MySessions ? MineAction : ListAction;
    }


    /// <summary>A month as written inside a sentence: "February 2027", "fevereiro de 2027", "febbraio 2027", "únor 2027".</summary>
    private static string MonthInSentence(DateOnly month, CultureInfo culture) =>
        month.ToString(culture.TwoLetterISOLanguageName is "pt" or "es" ? "MMMM 'de' yyyy" : "MMMM yyyy", culture);

    /// <summary>
    /// The list's filters, and the month asked for when it is already over ("sessions in March 2025", "sessions on
    /// 3 March 2025", an old card's month): no filter then, and the caller says that month is past.
    /// </summary>
    private (SessionFilter Filter, DateOnly? PastMonth, int? PastYear, IReadOnlyList<string> Unused) FilterOf(ITurnContext turn, JourneyStart? start)
    {
        // "next month" at 00:30 on 1 December in Istanbul is January: the user's today, as the recognizer reads it.
        var today = UserToday(turn);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (start?.CardData is { ValueKind: JsonValueKind.Object } data)
        {
            DateOnly? month = CoachingCards.FilterValue(Read(data, "month")) is { } m
                && DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                ? SessionFilter.PlausibleMonth(first, today)
                : null;
            var past = month < thisMonth ? month : null;
            return (new SessionFilter(
                Limit(CoachingCards.FilterValue(Read(data, "topic")), 100),
                Limit(CoachingCards.FilterValue(Read(data, "language")), 8),
                past is null ? month : null), past, null, []);
        }

        if (start?.Entities is { } entities)
        {
            // A date ("sessions on 3 December") or a month alone ("sessions in March", "sessions in May", "sessões mai")
            // is the month to show. A month-year already over ("sessions in March 2025") is named, not no filter.
            DateOnly? month = null;
            DateOnly? past = null;
            var tokens = start.Text is { } typed ? TextNormalizer.Tokenize(typed) : [];
            var used = new HashSet<int>();
            var topicWords = entities.SessionTopic is { } topic
                ? TextNormalizer.Tokenize(topic).Select(t => t.Norm).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            if (entities.Dates.Count > 0)
            {
                month = new DateOnly(entities.Dates[0].Year, entities.Dates[0].Month, 1);
            }
            else if (DateParser.FindMonthMention(tokens, today, ListCommandWords) is { } mention)
            {
                month = mention.Month;
                past = mention.Month is null ? mention.Named : null;
                used.UnionWith(Enumerable.Range(mention.Span.Start, mention.Span.Length));
            }
            else if (SessionRequestWords.FindRelativeMonth(tokens, today) is { } relative)
            {
                // "next month", "el mes que viene", "příští měsíc", "this month".
                month = relative.Month;
                used.UnionWith(Enumerable.Range(relative.Span.Start, relative.Span.Length));
            }

            // "sessions in Italian", "sessões em inglês", "İtalyanca oturumlar": the session language.
            string? language = null;
            if (SessionRequestWords.FindLanguage(tokens, topicWords) is { } named)
            {
                language = named.Code;
                used.Add(named.Index);
            }

            if (month is { } asked && asked < thisMonth && SessionFilter.PlausibleMonth(asked, today) is not null)
            {
                (past, month) = (month, null);
            }

            // No month: "last month" is the month before this one, "in 2025" / "last year" a year already over.
            int? pastYear = null;
            if (month is null && past is null && start.Text is { } said
                && DateParser.FindPastPeriod(TextNormalizer.Tokenize(said), today, ListCommandWords) is { } period)
            {
                (past, pastYear) = (period.LastMonth, period.LastMonth is null ? period.Year : null);
            }

            // The words that are none of these: said rather than dropped. A recognized topic ("sessions about dyeing
            // wastewater") took free words of its own, a date or a past period words the month readers know: the
            // request is then read as asked and nothing is said.
            IReadOnlyList<string> unused = entities.SessionTopic is null && entities.Dates.Count == 0 && pastYear is null && past is null
                ? SessionRequestWords.Unused(tokens, ListCommandWords, used)
                : [];
            return (new SessionFilter(entities.SessionTopic, language, month is { } wanted ? SessionFilter.PlausibleMonth(wanted, today) : null), past, pastYear, unused);
        }

        return (SessionFilter.Any, null, null, []);
    }

    /// <summary>The most positions a Previous / Next button may name (10,000 pages): more is no list that can exist.</summary>
    private const int MaxListPosition = 10_000 * CatalogService.PageSize;

    /// <summary>
    /// Where in the list a Previous / Next button asks to be: Next the sessions from its "skip" (the first not shown),
    /// Previous those just before its "before" (the first shown); a card sent before paging went by position has a
    /// "page" number (ten sessions a page). The list's start when there is none, or not a position that can exist.
    /// </summary>
    private static (int Position, bool Before) ListPositionOf(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d)
        {
            return (0, false);
        }

        return Number(d, "skip") is { } skip ? (skip, false)
            : Number(d, "before") is { } before ? (before, true)
            : Number(d, "page") is { } page && page <= MaxListPosition / CatalogService.PageSize ? (page * CatalogService.PageSize, false)
            : (0, false);

        static int? Number(JsonElement d, string name) =>
            int.TryParse(Read(d, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxListPosition ? value : null;
    }

    private async Task ShowListAsync(ITurnContext turn, CoachingTexts texts, SessionFilter filter, (int Position, bool Before) at, CancellationToken cancellationToken)
    {
        // Previous: the page that ends just before the first session shown, which the card fits from its end.
        var skip = at.Before ? Math.Max(0, at.Position - CatalogService.PageSize) : at.Position;
        var take = at.Before ? at.Position - skip : CatalogService.PageSize;
        var (sessions, total) = await catalog.UpcomingRangeAsync(filter, skip, take, cancellationToken);
        if (sessions.Count == 0 && at.Position > 0)
        {
            // A page that no longer exists (sessions went since the card was sent): the first one.
            (skip, at) = (0, (0, false));
            (sessions, total) = await catalog.UpcomingRangeAsync(filter, 0, CatalogService.PageSize, cancellationToken);
        }

        var facets = await catalog.FacetsAsync(cancellationToken);
        var today = UserToday(turn);
        // In a group chat or a channel everyone sees the card: no coordinator buttons there.
        var coordinator = IsCoordinator(turn) && !turn.Activity.IsGroupConversation();
        var card = cards.List(texts, sessions, filter, facets, new DateOnly(today.Year, today.Month, 1), coordinator, (skip, total, at.Before), ReaderZone(turn));
        await SendCardAsync(turn, card, cancellationToken);
    }

    private async Task ShowMineAsync(ITurnContext turn, CoachingTexts texts, CancellationToken cancellationToken)
    {
        var user = UserIdOf(turn);
        var mine = user is null ? [] : await booking.MySessionsAsync(user, cancellationToken);
        var rows = new List<(MySession, SessionSummary)>();
        foreach (var session in mine)
        {
            if (await catalog.GetAsync(session.Session.Id, cancellationToken) is { } summary)
            {
                rows.Add((session, summary));
            }
        }

        await SendCardAsync(turn, cards.Mine(texts, rows, ReaderZone(turn)), cancellationToken);
    }

    /// <param name="confirmUnregister">The card asks whether to cancel the reader's registration (the question is the warning).</param>
    private async Task ShowDetailsAsync(
        ITurnContext turn, CoachingTexts texts, Guid? sessionId, string? notice, string? warning, CancellationToken cancellationToken, bool confirmUnregister = false,
        bool newSeat = false)
    {
        if (sessionId is not { } id || await catalog.GetAsync(id, cancellationToken) is not { } summary)
        {
            await turn.SendActivityAsync(texts.NotFound, cancellationToken);
            return;
        }

        var user = UserIdOf(turn);
        var mine = user is null ? null : await booking.FindAsync(id, user, cancellationToken);
        int? position = null;
        if (mine is { Status: RegistrationStatus.Waitlisted } && user is not null)
        {
            position = (await booking.MySessionsAsync(user, cancellationToken)).FirstOrDefault(m => m.Session.Id == id)?.WaitlistPosition;
        }

        var coordinator = IsCoordinator(turn);
        var participants = coordinator ? await catalog.RegistrationsAsync(id, cancellationToken) : null;
        await SendCardAsync(turn, cards.Details(texts, summary, mine, position, coordinator, participants, notice, warning, ReaderZone(turn), confirmUnregister, newSeat), cancellationToken);
    }

    private async Task RegisterAsync(ITurnContext turn, CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (sessionId is not { } id || UserIdOf(turn) is not { } user)
        {
            await turn.SendActivityAsync(texts.NotFound, cancellationToken);
            return;
        }

        // The name the person gave the bot (their profile), as the coordinator's participant list shows it.
        var name = turn.PersonName();
        var participant = new Participant(user, name, activity.GetTenantId(), await EmailOfAsync(turn, cancellationToken),
            activity.PersonalChatId(), texts.Language, ReaderZone(turn));
        var result = await booking.RegisterAsync(id, participant, cancellationToken);
        Log.Registered(logger, id, result.Outcome);
        var title = result.Session?.Title ?? "";
        var notice = result.Outcome switch
        {
            RegistrationOutcome.Confirmed => texts.Format(texts.ConfirmedFormat, title),
            RegistrationOutcome.Waitlisted => texts.Format(texts.WaitlistedFormat, title, result.WaitlistPosition ?? 0),
            RegistrationOutcome.AlreadyConfirmed => texts.AlreadyConfirmed,
            RegistrationOutcome.AlreadyWaitlisted => texts.Format(texts.AlreadyWaitlistedFormat, result.WaitlistPosition ?? 0),
            RegistrationOutcome.NotOpenYet => texts.Format(texts.NotOpenYetFormat,
                SessionTime.Date(result.Session!.RegistrationOpensAt, result.Session.TimeZone, SessionTime.CultureOf(texts), ReaderZone(turn))),
            RegistrationOutcome.Closed => texts.Closed,
            RegistrationOutcome.SessionCancelled => texts.SessionCancelled,
            _ => null,
        };
        if (notice is null)
        {
            await turn.SendActivityAsync(texts.NotFound, cancellationToken);
            return;
        }

        // A new seat: the card says what comes to the person's calendar (the Teams meeting's invitation, or the file).
        await ShowDetailsAsync(turn, texts, id, notice, null, cancellationToken, newSeat: result.Outcome == RegistrationOutcome.Confirmed);
    }

    /// <summary>
    /// The question before one's registration is cancelled — the session named, its time in the reader's zone — on the
    /// session's card, with "Yes, cancel my registration" and "No, keep it". What needs no question is answered at once:
    /// no registration, one already cancelled, a session over; a session the coordinator cancelled has no seat to lose.
    /// </summary>
    private async Task AskToUnregisterAsync(ITurnContext turn, CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken)
    {
        if (sessionId is not { } id || UserIdOf(turn) is not { } user || await catalog.GetAsync(id, cancellationToken) is not { } summary)
        {
            await turn.SendActivityAsync(texts.NotFound, cancellationToken);
            return;
        }

        var session = summary.Session;
        if (session.Status != SessionStatus.Scheduled)
        {
            await UnregisterAsync(turn, texts, id, cancellationToken);
            return;
        }

        if (timeProvider.GetUtcNow() >= session.EndsAt)
        {
            await turn.SendActivityAsync(texts.SessionOver, cancellationToken);
            return;
        }

        switch (await booking.FindAsync(id, user, cancellationToken))
        {
            case null:
                await turn.SendActivityAsync(texts.NotRegistered, cancellationToken);
                return;
            case { Status: RegistrationStatus.Cancelled }:
                await turn.SendActivityAsync(ConversationTurn.Plain(texts.Format(texts.AlreadyCancelledFormat, session.Title)), cancellationToken);
                return;
        }

        var question = texts.Format(texts.UnregisterConfirmFormat, session.Title, SessionTime.Describe(session, SessionTime.CultureOf(texts), ReaderZone(turn)));
        await ShowDetailsAsync(turn, texts, id, notice: null, warning: question, cancellationToken, confirmUnregister: true);
    }

    /// <summary>"No, keep it": nothing changes; the session's card again, saying so.</summary>
    private async Task ShowKeptAsync(ITurnContext turn, CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken)
    {
        var title = sessionId is { } id ? (await catalog.GetAsync(id, cancellationToken))?.Session.Title : null;
        await ShowDetailsAsync(turn, texts, sessionId, title is null ? null : texts.Format(texts.RegistrationKeptFormat, title), warning: null, cancellationToken);
    }

    private async Task UnregisterAsync(ITurnContext turn, CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken, long? askedSequence = null)
    {
        if (sessionId is not { } id || UserIdOf(turn) is not { } user)
        {
            await turn.SendActivityAsync(texts.NotFound, cancellationToken);
            return;
        }

        var result = await booking.CancelAsync(id, user, cancellationToken, askedSequence);
        switch (result.Outcome)
        {
            case CancellationOutcome.Cancelled:
                Log.RegistrationCancelled(logger, id, result.Promoted is not null);
                await turn.SendActivityAsync(ConversationTurn.Plain(texts.Format(texts.RegistrationCancelledFormat, result.Session!.Title)), cancellationToken);
                break;
            case CancellationOutcome.NotRegistered:
                await turn.SendActivityAsync(texts.NotRegistered, cancellationToken);
                break;
            case CancellationOutcome.AlreadyCancelled:
                // A second "Yes" (a double click, a Teams retry, an older card): said, nothing else happens.
                await turn.SendActivityAsync(ConversationTurn.Plain(texts.Format(texts.AlreadyCancelledFormat, result.Session!.Title)), cancellationToken);
                break;
            case CancellationOutcome.SessionOver:
                await turn.SendActivityAsync(texts.SessionOver, cancellationToken);
                break;
            case CancellationOutcome.NotTheRegistrationAsked:
                await turn.SendActivityAsync(ConversationTurn.Plain(texts.Format(texts.NotTheRegistrationAskedFormat, result.Session!.Title)), cancellationToken);
                break;
            default:
                await turn.SendActivityAsync(texts.NotFound, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The registration an unregister question asked about: null when the card carries none (older cards, and an empty
    /// one: then whatever is current). False when it carries one that cannot be read (<see cref="CardInput.TryGetInputText"/>,
    /// or text that is no registration's number).
    /// </summary>
    private static bool TryGetAskedSequence(JsonElement? data, out long? sequence)
    {
        sequence = null;
        if (data is not { ValueKind: JsonValueKind.Object } d)
        {
            return true;
        }

        if (!CardInput.TryGetInputText(d, "registration", out var text))
        {
            return false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asked))
        {
            return false;
        }

        sequence = asked;
        return true;
    }

    private async Task ShowEditFormAsync(ITurnContext turn, CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken)
    {
        var found = sessionId is { } id ? await catalog.GetAsync(id, cancellationToken) : null;
        if (found is not { Session.Status: SessionStatus.Scheduled } summary)
        {
            // Edit on the card of a session cancelled since: say so, not "no longer exists".
            await turn.SendActivityAsync(found is { Session.Status: SessionStatus.Cancelled } ? texts.SessionCancelled : texts.NotFound, cancellationToken);
            return;
        }

        if (timeProvider.GetUtcNow() >= summary.Session.EndsAt)
        {
            await turn.SendActivityAsync(texts.SessionOver, cancellationToken);
            return;
        }

        await SendCardAsync(turn, cards.Form(texts, SessionFormValues.From(summary.Session), summary.Session.Id, null, Guid.NewGuid()), cancellationToken);
    }

    private async Task SaveAsync(ITurnContext turn, CoachingTexts texts, JsonElement? data, CancellationToken cancellationToken)
    {
        var values = SessionFormValues.From(data ?? default);
        var sessionId = SessionIdOf(data);
        var formId = GuidOf(data, "formId") ?? LegacyFormId(turn.Activity, values);
        var now = timeProvider.GetUtcNow();
        SessionSummary? existing = null;
        if (sessionId is { } id && (existing = await catalog.GetAsync(id, cancellationToken)) is null)
        {
            await turn.SendActivityAsync(texts.NotFound, cancellationToken);
            return;
        }

        // An edit card of a session cancelled since: it exists, cancelled — say so, not "no longer exists".
        if (existing is { Session.Status: SessionStatus.Cancelled })
        {
            await turn.SendActivityAsync(texts.SessionCancelled, cancellationToken);
            return;
        }

        // An ended session is history (its card has no Edit any more): an older card cannot move it into the future.
        if (existing is not null && now >= existing.Session.EndsAt)
        {
            await turn.SendActivityAsync(texts.SessionOver, cancellationToken);
            return;
        }

        var kept = existing is null ? null : SessionFormValues.From(existing.Session).ClosesOn;
        var (draft, invalid) = values.TryParse(texts, existing?.Session.RegistrationOpensAt ?? now, now, kept);
        if (draft is null)
        {
            // "; " between fields: a reason may itself hold a comma.
            var error = texts.Format(texts.FormInvalidFormat, string.Join("; ", invalid));
            await SendCardAsync(turn, cards.Form(texts, values, sessionId, error, formId), cancellationToken);
            return;
        }

        string? warning = null;
        CoachingSession? saved;
        var notice = texts.SavedFormat;
        if (existing is null)
        {
            warning = await ConflictWarningAsync(texts, draft, cancellationToken);
            (saved, var created) = await catalog.CreateOnceAsync(formId, draft, UserIdOf(turn) ?? "", cancellationToken);
            if (!created)
            {
                // The same card saved a second time (double click, Teams retry): what was saved the first time stands.
                Log.SessionAlreadySaved(logger, formId);
                notice = texts.AlreadySavedFormat;
                warning = null;
            }
        }
        else
        {
            saved = await catalog.UpdateAsync(existing.Session.Id, draft, cancellationToken);
        }

        if (saved is null)
        {
            await turn.SendActivityAsync(texts.NotFound, cancellationToken);
            return;
        }

        // A capacity below the people already confirmed is allowed (a smaller room), but said: nobody loses a seat.
        if (existing is not null && await catalog.GetAsync(saved.Id, cancellationToken) is { } after && after.Confirmed > saved.Capacity)
        {
            warning = texts.Format(texts.OverCapacityFormat, after.Confirmed, saved.Capacity);
        }

        await ShowDetailsAsync(turn, texts, saved.Id, texts.Format(notice, saved.Title), warning, cancellationToken);
    }

    private async Task<string?> ConflictWarningAsync(CoachingTexts texts, SessionDraft draft, CancellationToken cancellationToken)
    {
        try
        {
            var busy = await schedule.BusyAsync(draft.OrganizerMailbox, draft.StartsAt, draft.EndsAt, cancellationToken);
            if (busy.Count == 0)
            {
                return null;
            }

            // The zone is named once, after the times: "(Thu 10 Dec 2026 09:00–10:00, Europe/Madrid time)", not a
            // bracket inside a bracket.
            var slots = busy.Select(b => SessionTime.Times(b.Start, b.End, draft.TimeZone, SessionTime.CultureOf(texts)));
            return texts.Format(texts.ConflictWarningFormat, string.Join("; ", slots), draft.TimeZone);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The warning is a courtesy: an unreachable Graph, or a mailbox it could not read, must not stop the
            // coordinator from saving — but is said, not taken for a free calendar.
            Log.ScheduleCheckFailed(logger, draft.OrganizerMailbox, exception);
            return texts.Format(texts.ScheduleUncheckedFormat, draft.OrganizerMailbox);
        }
    }

    /// <summary>Card JSON characters the list of lines with errors may take on the import's reply (the rest of 28 KB is the box's).</summary>
    private const int ImportErrorsBudget = 3_000;

    /// <summary>The same for the repeated lines named.</summary>
    private const int ImportRepeatsBudget = 1_000;

    private async Task ImportAsync(ITurnContext turn, CoachingTexts texts, JsonElement? data, CancellationToken cancellationToken)
    {
        // Each line's session id is derived from the card's import id and the line's content, so the same card sent
        // again (a double click, or with one line corrected: Teams keeps the card editable) finds the sessions of the
        // lines it already imported and adds only the new ones; two identical lines are one session.
        var importId = GuidOf(data, "importId") ?? Guid.NewGuid();
        if (data is { ValueKind: JsonValueKind.Object } sent && !CardInput.TryGetInputText(sent, "rows", out _))
        {
            // A control character anywhere in the paste (a line break copied from a slide is one) made the whole text
            // unreadable: it was read as nothing, "0 sessions imported. Lines with errors: none". Said, with the box again.
            // A value no text box sends (a number, an array: a forged card) was read as an empty box: the box is named,
            // as the session form names a field it cannot read.
            Log.ImportUnreadable(logger, importId);
            var refusal = CardInput.TryGetText(sent, "rows", out _)
                ? texts.Format(texts.FormInvalidFormat, CoachingCards.ImportRowsLabel(texts))
                : texts.ImportUnreadable;
            await SendCardAsync(turn, cards.Import(texts, "", refusal, importId), cancellationToken);
            return;
        }

        // Not cut here: SessionImport reads up to its limits, each line whole, and names what it did not read.
        var rows = data is { ValueKind: JsonValueKind.Object } d ? Read(d, "rows") ?? "" : "";
        var import = SessionImport.Parse(rows, texts, timeProvider.GetUtcNow());
        var errors = import.Errors;
        if (import.Drafts.Count == 0 && errors.Count == 0 && import.FirstUnreadLine is null)
        {
            // An empty box (or only whitespace, or only the header line) answered "0 sessions imported. Lines with
            // errors: none", with no box to paste into. Said, with the box again under the same import id.
            await SendCardAsync(turn, cards.Import(texts, "", texts.ImportEmpty, importId), cancellationToken);
            return;
        }

        var created = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeats = new List<string>();
        foreach (var line in import.Drafts)
        {
            if (seen.TryGetValue(line.Content, out var first))
            {
                repeats.Add(texts.Format(texts.ImportRepeatFormat, line.Number, first));
                continue;
            }

            seen[line.Content] = line.Number;
            if ((await catalog.CreateOnceAsync(DerivedId(importId, line.Content), line.Draft, UserIdOf(turn) ?? "", cancellationToken)).Created)
            {
                created++;
            }
        }

        if (import.Drafts.Count > 0 && created == 0 && errors.Count == 0 && import.FirstUnreadLine is null)
        {
            Log.SessionAlreadySaved(logger, importId);
            await turn.SendActivityAsync(texts.ImportAlreadyDone, cancellationToken);
            return;
        }

        // The lists are cut short (with how many more) so that the reply, and the card with the box, stay under 28 KB.
        var result = texts.Format(created == 1 ? texts.ImportResultOneFormat : texts.ImportResultFormat, created,
            errors.Count == 0 ? texts.ImportNoErrors : Listed(texts, errors, "; ", ImportErrorsBudget));
        if (repeats.Count > 0)
        {
            result += " " + Listed(texts, repeats, " ", ImportRepeatsBudget);
        }

        if (errors.Count == 0 && import.FirstUnreadLine is null)
        {
            await turn.SendActivityAsync(ConversationTurn.Plain(result), cancellationToken);
            return;
        }

        // The lines with errors stay in the box, to be corrected and sent again; the lines not read join them when the
        // bot has them whole and the box (and the card) can hold them all. The same import id: a line corrected here or
        // on the first card (Teams keeps it editable) is one session.
        var failed = import.FailedLines;
        if (import.FirstUnreadLine is { } unread)
        {
            var culture = SessionTime.CultureOf(texts);
            result += " " + (import.UnreadByCharacters
                ? texts.Format(texts.ImportUnreadCharactersFormat, SessionImport.MaxCharacters.ToString("N0", culture), unread)
                : texts.Format(texts.ImportUnreadLinesFormat, SessionImport.MaxLines, unread));
            if (import.UnreadText is { } text && failed.Concat([text]).Sum(l => l.Length + 1) - 1 <= SessionImport.MaxCharacters
                && failed.Count + text.Split('\n').Length <= SessionImport.MaxLines)
            {
                var withUnread = failed.Concat(text.Split('\n')).ToList();
                var (card, kept) = cards.ImportCorrection(texts, withUnread, _ => result + " " + texts.ImportUnreadInBox, importId);
                if (kept == withUnread.Count)
                {
                    await SendCardAsync(turn, card, cancellationToken);
                    return;
                }
            }

            result += " " + texts.ImportPasteAgain;
        }

        // As many lines with errors as one card carries; the others are named, to be pasted again.
        var (correction, _) = cards.ImportCorrection(texts, failed, kept => kept < failed.Count
            ? result + " " + texts.Format(texts.ImportBoxKeptFormat, kept, failed.Count, import.FailedLineNumbers[kept])
            : result, importId);
        await SendCardAsync(turn, correction, cancellationToken);
    }

    /// <summary>
    /// <paramref name="items"/> joined, as many as fit in <paramref name="budget"/> characters of card JSON (at least
    /// one), then "and N more".
    /// </summary>
    private static string Listed(CoachingTexts texts, IReadOnlyList<string> items, string separator, int budget)
    {
        var shown = 0;
        var used = 0;
        while (shown < items.Count)
        {
            var cost = CoachingCards.JsonLength(items[shown]) + (shown > 0 ? separator.Length : 0);
            if (shown > 0 && used + cost > budget)
            {
                break;
            }

            used += cost;
            shown++;
        }

        var listed = string.Join(separator, items.Take(shown));
        return shown < items.Count ? listed + " " + texts.Format(texts.ImportMoreErrorsFormat, items.Count - shown) : listed;
    }

    private async Task CancelSessionAsync(ITurnContext turn, CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken)
    {
        var outcome = sessionId is { } id ? (await catalog.CancelAsync(id, cancellationToken)).Outcome : CancellationOutcome.NotFound;
        await turn.SendActivityAsync(outcome switch
        {
            CancellationOutcome.Cancelled => texts.SessionCancelledDone,
            // A second confirmation (double click, the question's card answered again): nobody is told twice.
            CancellationOutcome.AlreadyCancelled => texts.SessionAlreadyCancelled,
            CancellationOutcome.SessionOver => texts.SessionOver,
            _ => texts.NotFound,
        }, cancellationToken);
    }

    /// <summary>
    /// "Retry calendar sync": queued again only when the sync had failed (the session's card comes back, pending);
    /// a second click finds it under way, a click when nothing failed is told so; nothing else changes.
    /// </summary>
    private async Task RetrySyncAsync(ITurnContext turn, CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken)
    {
        var (outcome, session) = sessionId is { } id ? await catalog.RetrySyncAsync(id, cancellationToken) : (SyncRetryOutcome.NotFound, null);
        if (session is not null)
        {
            Log.SyncRetried(logger, session.Id, outcome);
        }

        switch (outcome)
        {
            case SyncRetryOutcome.Requeued:
                await ShowDetailsAsync(turn, texts, session!.Id, texts.Format(texts.SyncRetriedFormat, session.Title), warning: null, cancellationToken);
                break;
            case SyncRetryOutcome.AlreadyPending:
                await turn.SendActivityAsync(texts.SyncRetryPending, cancellationToken);
                break;
            case SyncRetryOutcome.AlreadyInSync:
                await turn.SendActivityAsync(texts.SyncRetryInSync, cancellationToken);
                break;
            case SyncRetryOutcome.SessionOver:
                await turn.SendActivityAsync(texts.SessionOver, cancellationToken);
                break;
            case SyncRetryOutcome.NotConfigured:
                await turn.SendActivityAsync(texts.SyncRetryNotConfigured, cancellationToken);
                break;
            default:
                await turn.SendActivityAsync(texts.NotFound, cancellationToken);
                break;
        }
    }

    // No question for a session that is cancelled already (an older card's button): its card says so, nothing to ask.
    private async Task<string?> CancelQuestionAsync(CoachingTexts texts, Guid? sessionId, CancellationToken cancellationToken) =>
        sessionId is { } id && await catalog.GetAsync(id, cancellationToken) is { Session.Status: SessionStatus.Scheduled } summary
            ? texts.Format(texts.CancelSessionConfirmFormat, summary.Session.Title, summary.Confirmed + summary.Waitlisted)
            : null;

    private static bool IsConfirmed(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && Read(d, "confirm") == "yes";

    private async Task<string?> EmailOfAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // Only Graph needs the address (meeting attendee); Teams does not send it with the activity.
        var activity = turn.Activity;
        if (!graphOptions.Value.IsConfigured || activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.From?.Id is null)
        {
            return null;
        }

        try
        {
            var member = await connector.GetConversationMemberAsync(activity.ServiceUrl, activity.Conversation.Id, activity.From.Id, cancellationToken);
            // Teams may send an empty or blank "email" (a guest, an account without a mailbox): no address, so the
            // sign-in name is tried, else none — an empty one was stored and sent to Graph as an attendee, which refused it.
            return new[] { member.Email, member.UserPrincipalName }.Select(a => a?.Trim()).FirstOrDefault(a => !string.IsNullOrEmpty(a));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.MemberLookupFailed(logger, exception);
            return null;
        }
    }

    private static bool IsTyped(string typed, Func<CoachingTexts, IReadOnlyList<string>> commands)
    {
        var folded = TypedCommand.Fold(typed);
        return CoachingTexts.All.Any(t => TypedCommand.ContainsFolded(commands(t), folded));
    }

    private bool IsCoordinator(ITurnContext turn) => roles.IsCoordinator(UserIdOf(turn));

    /// <summary>Today for the user of <paramref name="turn"/> (<see cref="ConversationTurn.UnderstandingToday"/>), else in UTC.</summary>
    private DateOnly UserToday(ITurnContext turn) => turn.UnderstandingToday(timeProvider, TimeZoneInfo.Utc);

    /// <summary>The user's time zone as Teams reports it with each message (<c>localTimezone</c>), when valid.</summary>
    private static string? ReaderZone(ITurnContext turn) => SessionTime.KnownZone(turn.Activity.LocalTimezone);

    private static string? UserIdOf(ITurnContext turn) => turn.Activity.From?.AadObjectId is { Length: > 0 and <= 128 } id ? id : null;

    private static Guid? SessionIdOf(JsonElement? data) => GuidOf(data, "sessionId");

    private static Guid? GuidOf(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } d && Read(d, name) is { } raw && Guid.TryParse(raw, out var id) && id != Guid.Empty ? id : null;

    /// <summary>
    /// The id of a new-session card sent before cards carried a <c>formId</c>. Refusing it would throw away the form a
    /// coordinator has just filled in, so it saves — once: the id is derived from the card's message (Teams sends its id
    /// as <c>replyToId</c> with every submit of the card, so a double click or a retry has the same), like the
    /// <c>formId</c> of a newer card (one card, one session); without a message id, from the form's content, so the same
    /// form sent twice is the same session.
    /// </summary>
    internal static Guid LegacyFormId(Activity activity, SessionFormValues values)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(values);
        var card = activity.ReplyToId is { Length: > 0 } replyTo
            ? "message\n" + replyTo
            : "content\n" + activity.From?.AadObjectId + "\n" + values.ToJson().ToJsonString();
        return DerivedId(System.Text.Encoding.UTF8.GetBytes("coaching.save\n" + activity.Conversation?.Id + "\n" + card));
    }

    /// <summary>A stable id for the session of an import's line (SHA-256 of the import id and the line's normalised content, as a version-8 UUID).</summary>
    internal static Guid DerivedId(Guid importId, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return DerivedId(System.Text.Encoding.UTF8.GetBytes("coaching.import\n" + importId.ToString("N") + "\n" + content));
    }

    /// <summary>SHA-256 of <paramref name="input"/> as a version-8 UUID.</summary>
    private static Guid DerivedId(ReadOnlySpan<byte> input)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    /// <summary>A string value; null when absent, not a string, or text that cannot be accepted (<see cref="CardInput"/>).</summary>
    private static string? Read(JsonElement data, string name) => CardInput.TryGetText(data, name, out var text) ? text : null;

    private static string? Limit(string? value, int max) => value is null ? null : Utf16Text.Cut(value, max);

    private static Task SendCardAsync(ITurnContext turn, Attachment card, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Attachments = [card] }, cancellationToken);
}
