namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Everything the coaching journey says, one instance per language (EN, PT, ES, IT, TR, CS); the English block is
/// the reference. Strings ending in <c>Format</c> take <see cref="string.Format(IFormatProvider, string, object[])"/>
/// arguments.
/// </summary>
internal sealed partial class CoachingTexts
{
    public required string Language { get; init; }

    /// <summary>The typed commands that open the catalog in this language.</summary>
    public required IReadOnlyList<string> ListCommands { get; init; }

    /// <summary>The typed commands that show "my sessions" in this language.</summary>
    public required IReadOnlyList<string> MineCommands { get; init; }

    /// <summary>Coordinators: the typed commands that open the new-session form in this language.</summary>
    public required IReadOnlyList<string> NewSessionCommands { get; init; }

    /// <summary>Coordinators: the typed commands that open the import form in this language.</summary>
    public required IReadOnlyList<string> ImportCommands { get; init; }

    public required string ListTitle { get; init; }

    public required string ListEmpty { get; init; }

    public required string FilterTopic { get; init; }

    public required string FilterLanguage { get; init; }

    public required string FilterMonth { get; init; }

    public required string AnyOption { get; init; }

    public required string ApplyFilters { get; init; }

    public required string Details { get; init; }

    public required string Register { get; init; }

    public required string CancelMyRegistration { get; init; }

    public required string MySessionsTitle { get; init; }

    public required string MySessionsEmpty { get; init; }

    public required string BrowseSessions { get; init; }

    public required string When { get; init; }

    public required string Trainer { get; init; }

    public required string Where { get; init; }

    /// <summary>Where an online session takes place, with Graph configured: the bot makes its Teams meeting.</summary>
    public required string Online { get; init; }

    /// <summary>Where an online session takes place without Graph: no Teams meeting is made by the bot (no "Teams").</summary>
    public required string OnlineWithoutTeams { get; init; }

    public required string Seats { get; init; }

    public required string SeatsFormat { get; init; }

    public required string JoinMeeting { get; init; }

    public required string AddToCalendar { get; init; }

    public required string StatusLabel { get; init; }

    public required string StatusConfirmed { get; init; }

    public required string StatusWaitlistedFormat { get; init; }

    public required string ConfirmedFormat { get; init; }

    /// <summary>After the confirmation, without Graph: the calendar file is the card's button ({0}: its label).</summary>
    public required string ConfirmedCalendarFileFormat { get; init; }

    public required string WaitlistedFormat { get; init; }

    public required string AlreadyConfirmed { get; init; }

    public required string AlreadyWaitlistedFormat { get; init; }

    public required string NotOpenYetFormat { get; init; }

    public required string Closed { get; init; }

    public required string SessionCancelled { get; init; }

    public required string NotFound { get; init; }

    public required string RegistrationCancelledFormat { get; init; }

    public required string NotRegistered { get; init; }

    /// <summary>
    /// {0} = title, {1} = when (the reader's zone). Asked on the session's card before one's own registration is
    /// cancelled (the seat may go to the next person on the waitlist at once).
    /// </summary>
    public required string UnregisterConfirmFormat { get; init; }

    /// <summary>The answer that cancels one's registration.</summary>
    public required string ConfirmUnregister { get; init; }

    /// <summary>The answer that keeps it.</summary>
    public required string KeepRegistration { get; init; }

    /// <summary>{0} = title. On the card after "No, keep it".</summary>
    public required string RegistrationKeptFormat { get; init; }

    /// <summary>{0} = title. A second "Yes" (double click, an older card): nothing else happens.</summary>
    public required string AlreadyCancelledFormat { get; init; }

    /// <summary>An old question's "Yes" after registering again: {0} the session's title.</summary>
    public required string NotTheRegistrationAskedFormat { get; init; }

    /// <summary>A question's "Yes" naming a registration that cannot be read (an altered card): nothing cancelled.</summary>
    public required string UnregisterUnreadable { get; init; }

    public required string PromotedFormat { get; init; }

    public required string ReminderFormat { get; init; }

    public required string SessionCancelledNoticeFormat { get; init; }

    public required string NewSession { get; init; }

    public required string Edit { get; init; }

    public required string CancelSession { get; init; }

    public required string Save { get; init; }

    public required string FormTitleNew { get; init; }

    public required string FormTitleEdit { get; init; }

    public required string FieldTitle { get; init; }

    public required string FieldDescription { get; init; }

    public required string FieldDate { get; init; }

    public required string FieldStart { get; init; }

    public required string FieldEnd { get; init; }

    public required string FieldTimeZone { get; init; }

    public required string FieldCapacity { get; init; }

    public required string FieldMode { get; init; }

    public required string OnSite { get; init; }

    public required string FieldLocation { get; init; }

    public required string FieldClosesOn { get; init; }

    public required string FieldOrganizer { get; init; }

    public required string FieldRequired { get; init; }

    public required string FormInvalidFormat { get; init; }

    /// <summary>Why a field is refused, after its label: "Registration closes on: must be on or before the session's date".</summary>
    public required string ReasonClosesOnAfterSession { get; init; }

    public required string ReasonClosesOnPast { get; init; }

    public required string ReasonDateFormat { get; init; }

    /// <summary>The session's date is written as a date but the calendar has no such day ("2026-02-30").</summary>
    public required string ReasonDateImpossible { get; init; }

    /// <summary>The session would start before now (a past day, or today at a time gone by).</summary>
    public required string ReasonDatePast { get; init; }

    /// <summary>{0} how many years ahead a session may be.</summary>
    public required string ReasonDateTooFarFormat { get; init; }

    /// <summary>The list was asked for a month already over ({0}: "March 2025"); the upcoming sessions follow.</summary>
    public required string MonthPastFormat { get; init; }

    /// <summary>
    /// The list was asked for a day on no calendar ({0}: "31 February"), whose month is shown ({1}: "February 2027",
    /// mid-sentence).
    /// </summary>
    public required string NoSuchDayMonthFormat { get; init; }

    /// <summary>The list was asked for a day on no calendar ({0}: "31 February"); what follows says which sessions are shown.</summary>
    public required string NoSuchDayFormat { get; init; }

    /// <summary>The list was asked for a year already over ({0}: "2025"); the upcoming sessions follow.</summary>
    public required string YearPastFormat { get; init; }

    /// <summary>Words of a typed request that filter nothing ({0}), when the list is the whole catalogue.</summary>
    public required string UnusedAllFormat { get; init; }

    /// <summary>Words of a typed request that filter nothing ({0}), when the rest of the request filters the list.</summary>
    public required string UnusedPartFormat { get; init; }

    /// <summary>{0} the largest capacity.</summary>
    public required string ReasonCapacityFormat { get; init; }

    public required string ReasonEndAfterStart { get; init; }

    /// <summary>
    /// An end earlier than the start that would make the session longer than {0} hours: only a session across midnight
    /// that short is read as ending on the next day.
    /// </summary>
    public required string ReasonEndNextDayTooLongFormat { get; init; }

    /// <summary>Why the time zone was refused: not a zone name the bot knows (the field's label gives an example).</summary>
    public required string ReasonTimeZone { get; init; }

    /// <summary>Why the organizer mailbox was refused: not an e-mail address (with an example).</summary>
    public required string ReasonOrganizer { get; init; }

    /// <summary>A start or end time that is not written as the form writes times ("9h", "", "noon").</summary>
    public required string ReasonTimeFormat { get; init; }

    /// <summary>{0}: the time as typed, shaped like hh:mm but no time of day ("25:70", "24:00").</summary>
    public required string ReasonTimeImpossibleFormat { get; init; }

    /// <summary>The time falls in the spring-forward gap of the session's zone on that day (02:30 on the last Sunday of March in Lisbon).</summary>
    public required string ReasonTimeSkipped { get; init; }

    public required string SavedFormat { get; init; }

    public required string SessionCancelledDone { get; init; }

    /// <summary>The cancellation confirmed again: it was done before, nobody is told again.</summary>
    public required string SessionAlreadyCancelled { get; init; }

    public required string NotCoordinator { get; init; }

    /// <summary>{0}: the busy times, without their zone; {1}: the session's time zone, named once.</summary>
    public required string ConflictWarningFormat { get; init; }

    /// <summary>
    /// Instead of the conflict warning when the organizer's calendar could not be read ({0}: the mailbox): Graph answered
    /// an error for it (unknown mailbox, no permission) or did not answer. Saved all the same; not "free".
    /// </summary>
    public required string ScheduleUncheckedFormat { get; init; }

    public required string SyncLabel { get; init; }

    /// <summary>The calendar state's label on an on-site session's card (no "Teams meeting" there).</summary>
    public required string SyncLabelOnSite { get; init; }

    public required string SyncPending { get; init; }

    public required string SyncSynced { get; init; }

    public required string SyncFailedFormat { get; init; }

    /// <summary>The coordinator's button under a failed calendar sync.</summary>
    public required string RetrySync { get; init; }

    /// <summary>{0}: the session's title; the retry is queued.</summary>
    public required string SyncRetriedFormat { get; init; }

    /// <summary>Retry clicked while a sync is under way (a double click): nothing queued again.</summary>
    public required string SyncRetryPending { get; init; }

    /// <summary>Retry clicked when nothing failed.</summary>
    public required string SyncRetryInSync { get; init; }

    public required string SyncNotConfigured { get; init; }

    /// <summary>"Retry calendar sync" when Graph is not configured (a forged or old card): nothing to retry.</summary>
    public required string SyncRetryNotConfigured { get; init; }

    /// <summary>The reasons under "failed: {0}" and "being set up… ({0})" (<see cref="CalendarSyncReason"/>): no technical detail.</summary>
    public required string SyncReasonRefused { get; init; }

    /// <summary>
    /// 401 or 403 from Graph on the session's own calendar work (<see cref="CalendarSyncReason.AccessDenied"/>): {0} the
    /// session's title, {1} the organizer mailbox the bot was refused (the session's; no app id or secret), and what to do.
    /// </summary>
    public required string SyncReasonAccessDeniedFormat { get; init; }

    public required string SyncReasonNotFound { get; init; }

    /// <summary>The organizer's mailbox is unknown to the calendar service (see <see cref="CalendarSyncReason.MailboxNotFound"/>).</summary>
    public required string SyncReasonMailboxNotFound { get; init; }

    public required string SyncReasonSignInRefused { get; init; }

    public required string SyncReasonUnexpected { get; init; }

    public required string SyncReasonSessionEnded { get; init; }

    public required string SyncReasonTooManyAttempts { get; init; }

    public required string SyncReasonThrottled { get; init; }

    public required string SyncReasonUnavailable { get; init; }

    public required string SyncReasonTimeout { get; init; }

    /// <summary>A reason stored before the codes (free text, possibly technical): not shown as such.</summary>
    public required string SyncReasonUnknown { get; init; }

    /// <summary>
    /// The old meeting could not be deleted from the previous organizer's calendar after a change of organizer mailbox
    /// (see <see cref="CalendarSyncReason.OldMailboxAccessDenied"/>): it names that calendar, not the organizer's.
    /// </summary>
    public required string SyncReasonOldMailboxAccessDenied { get; init; }

    /// <summary>
    /// The clean-up of the session's old meeting failed and is retried (<see cref="CalendarSyncReason.OldMeetingNotRemovedRetrying"/>):
    /// {0} the session's title, {1} the old meeting's day.
    /// </summary>
    public required string SyncReasonOldMeetingRetryingFormat { get; init; }

    /// <summary>
    /// The clean-up of the session's old meeting failed for good (<see cref="CalendarSyncReason.OldMeetingNotRemoved"/>):
    /// {0} the session's title, {1} the old meeting's day.
    /// </summary>
    public required string SyncReasonOldMeetingNotRemovedFormat { get; init; }

    public required string Participants { get; init; }

    /// <summary>Under the coordinator's participant list cut short by the card's size limit: {0} = how many more are not listed.</summary>
    public required string MoreParticipantsFormat { get; init; }

    public required string Waitlist { get; init; }

    public required string Error { get; init; }

    public required string ImportSessions { get; init; }

    public required string ImportHelp { get; init; }

    /// <summary>The import box's label, with its limits: {0} lines, {1} characters.</summary>
    public required string ImportFieldFormat { get; init; }

    public required string Import { get; init; }

    public required string ImportResultFormat { get; init; }

    /// <summary><see cref="ImportResultFormat"/> when one session was imported ({0} is 1).</summary>
    public required string ImportResultOneFormat { get; init; }

    public required string ImportNoErrors { get; init; }

    /// <summary>{0} a line that repeats line {1} (imported once).</summary>
    public required string ImportRepeatFormat { get; init; }

    /// <summary>{0} lines read, {1} the first line not read.</summary>
    public required string ImportUnreadLinesFormat { get; init; }

    /// <summary>{0} characters read, {1} the first line not read.</summary>
    public required string ImportUnreadCharactersFormat { get; init; }

    /// <summary>After the unread lines: they did not reach the bot whole, the coordinator pastes them again.</summary>
    public required string ImportPasteAgain { get; init; }

    /// <summary>After the unread lines: they are in the correction box.</summary>
    public required string ImportUnreadInBox { get; init; }

    /// <summary>The pasted text holds a character no text may hold (<see cref="HiTechTex.Bot.Protocol.Turns.CardInput"/>): nothing imported.</summary>
    public required string ImportUnreadable { get; init; }

    /// <summary>The import box held no line of a session (nothing, only whitespace, only the header): nothing imported.</summary>
    public required string ImportEmpty { get; init; }

    /// <summary>Ends a list of lines with errors cut short for the card's size: {0} more lines.</summary>
    public required string ImportMoreErrorsFormat { get; init; }

    /// <summary>Why an imported line was not read: {0} the fields it has, {1} the fields a line needs (the description may be left out).</summary>
    public required string ImportTooFewFieldsFormat { get; init; }

    /// <summary>The correction box holds only {0} of the {1} lines with errors (a card's size limit); {2} the first line left out.</summary>
    public required string ImportBoxKeptFormat { get; init; }

    public required string SessionOver { get; init; }

    public required string AlreadySavedFormat { get; init; }

    public required string ImportAlreadyDone { get; init; }

    public required string SessionMovedNoticeFormat { get; init; }

    /// <summary>Under a move notice without Graph: a calendar file added before still has the old time; {0} is the new file's link.</summary>
    public required string MovedCalendarFileFormat { get; init; }

    /// <summary>Under a move notice with Graph (online session): the Teams meeting in their calendar follows.</summary>
    public required string MovedTeamsMeetingUpdated { get; init; }

    /// <summary>Under a move notice with Graph (on-site session): the calendar event follows.</summary>
    public required string MovedCalendarEventUpdated { get; init; }

    /// <summary>Under a promotion notice without Graph: {0} is the calendar file's link.</summary>
    public required string PromotedCalendarFileFormat { get; init; }

    /// <summary>Under a promotion notice with Graph (online session): the Teams meeting's invitation comes.</summary>
    public required string PromotedTeamsMeetingInvite { get; init; }

    /// <summary>Under a promotion notice with Graph (on-site session): the calendar invitation comes.</summary>
    public required string PromotedCalendarEventInvite { get; init; }

    /// <summary>
    /// To a seat holder when the session's event, deleted from the organizer's calendar, was made again: {0} the
    /// session, {1} its new Teams link (the old one no longer works).
    /// </summary>
    public required string EventRecreatedFormat { get; init; }

    /// <summary>The same when the new event has no Teams link (an on-site session's calendar event): {0} the session.</summary>
    public required string EventRecreatedNoLinkFormat { get; init; }

    /// <summary>Under that notice, for an attendee of the event (someone with an e-mail address): the new invitation comes.</summary>
    public required string EventRecreatedInvite { get; init; }

    public required string CancelSessionConfirmFormat { get; init; }

    public required string ConfirmCancelSession { get; init; }

    public required string PagingFormat { get; init; }

    public required string NextPage { get; init; }

    public required string PreviousPage { get; init; }

    public required string OverCapacityFormat { get; init; }

    public required string HandOffRegisterFormat { get; init; }

    public required string HandOffSessionFormat { get; init; }

    // Computed, not stored: the language blocks live in another part, whose static initializers may run later.
    public static IReadOnlyList<CoachingTexts> All => [English, Portuguese, Spanish, Italian, Turkish, Czech];

    /// <summary>The texts of a language code (<c>pt</c>, <c>pt-PT</c>…), English when unknown.</summary>
    public static CoachingTexts Resolve(string? language)
    {
        var code = (language ?? "en").Split('-')[0];
        return All.FirstOrDefault(t => string.Equals(t.Language, code, StringComparison.OrdinalIgnoreCase)) ?? English;
    }

    /// <summary>The translated reason of a calendar sync failure or wait of <paramref name="session"/>.</summary>
    public string SyncReason(CalendarSyncReason reason, CoachingSession session) => reason switch
    {
        CalendarSyncReason.OldMeetingNotRemovedRetrying => OldMeeting(SyncReasonOldMeetingRetryingFormat, session),
        CalendarSyncReason.OldMeetingNotRemoved => OldMeeting(SyncReasonOldMeetingNotRemovedFormat, session),
        CalendarSyncReason.Refused => SyncReasonRefused,
        // The calendar the bot was refused: a cancellation goes to the event's mailbox, any other work (a create, a
        // move, a patch) to the organizer's — the same one unless a move is still to come.
        CalendarSyncReason.AccessDenied => Format(SyncReasonAccessDeniedFormat, session.Title,
            session.Status == SessionStatus.Cancelled ? session.EventMailbox : session.OrganizerMailbox),
        CalendarSyncReason.NotFound => SyncReasonNotFound,
        CalendarSyncReason.MailboxNotFound => SyncReasonMailboxNotFound,
        CalendarSyncReason.SignInRefused => SyncReasonSignInRefused,
        CalendarSyncReason.Unexpected => SyncReasonUnexpected,
        CalendarSyncReason.SessionEnded => SyncReasonSessionEnded,
        CalendarSyncReason.TooManyAttempts => SyncReasonTooManyAttempts,
        CalendarSyncReason.Throttled => SyncReasonThrottled,
        CalendarSyncReason.Unavailable => SyncReasonUnavailable,
        CalendarSyncReason.Timeout => SyncReasonTimeout,
        CalendarSyncReason.OldMailboxAccessDenied => SyncReasonOldMailboxAccessDenied,
        _ => SyncReasonUnknown,
    };

    private string OldMeeting(string format, CoachingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        // The old meeting's own day, the one its attendees had: after a move to another day and mailbox, the
        // session's day is the new meeting's.
        return Format(format, session.Title, SessionTime.Day(session.SyncErrorMeetingStartsAt ?? session.StartsAt, session.TimeZone, SessionTime.CultureOf(this)));
    }

    /// <summary>
    /// A day on no calendar as the user wrote it, the month by its name in this language: "31 February", "31 de
    /// fevereiro de 2027", "31 febbraio", "31. února" (the year when one was written, or when 29 February lacks it).
    /// </summary>
    public string NoSuchDay(HiTechTex.Bot.Language.NoSuchDate day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.Describe(Language, SessionTime.CultureOf(this));
    }

    public string Format(string format, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
}
