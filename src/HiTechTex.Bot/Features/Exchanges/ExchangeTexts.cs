using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Everything the exchange feature says, one instance per language (EN, PT, ES, IT, TR, CS) in
/// <c>ExchangeTexts.Languages.cs</c>; the English block is the reference. Cards get these as data.
/// </summary>
internal sealed partial record ExchangeTexts
{
    public required string Language { get; init; }

    public required string FormTitle { get; init; }

    public required string FormIntro { get; init; }

    public required string VisitingOrganisation { get; init; }

    public required string HostSearch { get; init; }

    public required string HostSearchPlaceholder { get; init; }

    public required string HostOrganisation { get; init; }

    public required string NoMatches { get; init; }

    public required string StartDate { get; init; }

    public required string EndDate { get; init; }

    public required string ActivityType { get; init; }

    public required string Objectives { get; init; }

    public required string Agenda { get; init; }

    public required string ExpectedOutcomes { get; init; }

    public required string CheckButton { get; init; }

    public required string SaveDraftButton { get; init; }

    public required string SubmitButton { get; init; }

    public required string CancelButton { get; init; }

    public required string Eligibility { get; init; }

    public required string Eligible { get; init; }

    public required string LumpSum { get; init; }

    /// <summary>
    /// {0}: the halved amount, {1}: the cap, both formatted with the currency (<see cref="ExchangeMoney"/>); {2}: the
    /// working days and {3}: the kilometres from which the full cap is paid (configured, never written in the text).
    /// </summary>
    public required string LumpSumHalvedFormat { get; init; }

    public required string Status { get; init; }

    public required string Applicant { get; init; }

    public required string Period { get; init; }

    /// <summary>{0} = working days.</summary>
    public required string WorkingDaysFormat { get; init; }

    public required string History { get; init; }

    /// <summary>
    /// Above the newest entries of a history too long for the card's size limit; {0} = how many earlier entries are not shown.
    /// </summary>
    public required string EarlierHistoryFormat { get; init; }

    public required string Comment { get; init; }

    public required string CommentRequired { get; init; }

    public required string Approve { get; init; }

    public required string Reject { get; init; }

    public required string RequestChanges { get; init; }

    public required string Reassign { get; init; }

    public required string ReassignTo { get; init; }

    public required string Withdraw { get; init; }

    public required string Edit { get; init; }

    public required string Refresh { get; init; }

    public required string ReportIntro { get; init; }

    public required string ReportOutcomes { get; init; }

    public required string EvidenceTickets { get; init; }

    public required string EvidenceInvoices { get; init; }

    public required string EvidenceAgenda { get; init; }

    public required string SendReport { get; init; }

    public required string ValidateReport { get; init; }

    public required string ReturnReport { get; init; }

    public required string YourDecision { get; init; }

    public required string DraftSaved { get; init; }

    public required string FormCancelled { get; init; }

    /// <summary>
    /// A step-by-step question gave up after <see cref="ExchangeStepByStepDialog.QuestionAttempts"/> answers it could
    /// not use: nothing was saved or submitted (an edited draft stays as it was), and how to start again (an
    /// <see cref="ApplyCommands"/> command).
    /// </summary>
    public required string StepByStepGaveUp { get; init; }

    /// <summary>The retry of a step-by-step question with buttons (which organisation, activity type, what next).</summary>
    public required string ChooseOneRetry { get; init; }

    public required string NotAllowed { get; init; }

    public required string NotFound { get; init; }

    public required string StaleCard { get; init; }

    public required string ChangedMeanwhile { get; init; }

    /// <summary>{0} = the reference: the second click of a submission (or a second device) finds it already submitted.</summary>
    public required string AlreadySubmittedFormat { get; init; }

    /// <summary>{0} = the reference, {1} = the organisation whose approvers cannot be reached, {2} = whom to contact (<see cref="CoordinatorContactFormat"/>).</summary>
    public required string ApproverUnreachableFormat { get; init; }

    /// <summary>{0} = the labels of the answers that are not valid, comma-separated (<see cref="InvalidFields"/>).</summary>
    public required string InvalidFieldsFormat { get; init; }

    /// <summary>{0} = an answer's label, {1} = its maximum number of characters (<see cref="TooLong"/>): named in <see cref="InvalidFieldsFormat"/>.</summary>
    public required string TooLongFormat { get; init; }

    /// <summary>A card button whose data could not be read (out of date, or forged): there is no form to check.</summary>
    public required string ButtonUnreadable { get; init; }

    /// <summary>{0} = reference, {1} = the new status: said when a decision was stored but its card could not be shown.</summary>
    public required string DoneFormat { get; init; }

    public required string NotEligible { get; init; }

    public required string ReportTooEarly { get; init; }

    public required string ErrorTitle { get; init; }

    public required string BackToMenu { get; init; }

    /// <summary>{0} = reference, {1} = status.</summary>
    public required string StatusChangedFormat { get; init; }

    /// <summary>{0} = reference.</summary>
    public required string ReminderFormat { get; init; }

    /// <summary>{0} = reference.</summary>
    public required string ReportRequestFormat { get; init; }

    public required string MyApplicationsTitle { get; init; }

    public required string PendingApprovalsTitle { get; init; }

    public required string NoApplications { get; init; }

    public required string NoPendingApprovals { get; init; }

    public required string NewApplication { get; init; }

    public required string NotCoordinator { get; init; }

    /// <summary>A coordinator's action (a forged "Retry now") by anybody else: "can do this", not "can see this".</summary>
    public required string NotCoordinatorAction { get; init; }

    /// <summary>The coordinator's card of applications stuck in delivery (<see cref="StuckCommands"/>): its title, and what it says when there is none.</summary>
    public required string StuckTitle { get; init; }

    public required string NoStuckApplications { get; init; }

    /// <summary>The button on the progress card that opens the stuck applications.</summary>
    public required string StuckButton { get; init; }

    public required string RetryNowButton { get; init; }

    /// <summary>Why an application is stuck, and what the coordinator can do: nobody may decide its step.</summary>
    public required string StuckNoApprover { get; init; }

    public required string StuckNoApproverAdvice { get; init; }

    /// <summary>Its approval card reached none of the step's approvers, and the bot no longer tries it.</summary>
    public required string StuckCardNotDelivered { get; init; }

    /// <summary>
    /// As <see cref="StuckCardNotDelivered"/> (refused at each try: not installed, blocked, 403/404), when for one of the
    /// approvers the tries ran out on Teams failing (5xx, timeouts: <see cref="ExchangeStuckEntry.Refused"/> false): not
    /// blamed on the approvers; <see cref="StuckCardFailingAdvice"/> follows.
    /// </summary>
    public required string StuckCardNotDeliveredFailing { get; init; }

    /// <summary>What the coordinator can do about <see cref="StuckCardNotDeliveredFailing"/>: Retry now later, the approvers need do nothing.</summary>
    public required string StuckCardFailingAdvice { get; init; }

    /// <summary>Its approval card reached none of the step's approvers so far, and the bot still tries it (<see cref="ExchangeStuckEntry.StillTried"/>).</summary>
    public required string StuckCardNotDeliveredStillTrying { get; init; }

    /// <summary>
    /// As <see cref="StuckCardNotDeliveredStillTrying"/> (refused so far: not installed, blocked, 403/404), when Teams failed
    /// for one of the approvers (5xx, timeouts: <see cref="ExchangeStuckEntry.Refused"/> false): not blamed on the approvers;
    /// <see cref="StuckCardStillTryingFailingAdvice"/> follows.
    /// </summary>
    public required string StuckCardNotDeliveredStillTryingFailing { get; init; }

    /// <summary>What the coordinator can do about <see cref="StuckCardNotDeliveredStillTryingFailing"/>: nothing, the approvers neither.</summary>
    public required string StuckCardStillTryingFailingAdvice { get; init; }

    /// <summary>Why an application is stuck: its card was refused for some approvers at each of its bounded tries (the others have it).</summary>
    public required string StuckCardRefused { get; init; }

    /// <summary>
    /// Why an application is stuck: a message to its applicant was refused at each of its tries ({0}: which, from
    /// <see cref="ApplicantNotices"/>); <see cref="StuckNoticeAdvice"/> follows.
    /// </summary>
    public required string StuckApplicantNotReachedFormat { get; init; }

    /// <summary>The messages to an applicant, named in <see cref="StuckApplicantNotReachedFormat"/>.</summary>
    public required IReadOnlyDictionary<ExchangeApplicantNotice, string> ApplicantNotices { get; init; }

    /// <summary>
    /// Why an application is stuck: an approver's reminder, whose card they have, was refused at each of its tries (who:
    /// the "not reached" line); <see cref="StuckNoticeAdvice"/> follows.
    /// </summary>
    public required string StuckApproverNotReminded { get; init; }

    public required string StuckCardAdvice { get; init; }

    /// <summary>Stuck: the approval card was being sent when the bot stopped (on the wire): it may not have arrived, and is not sent again by itself.</summary>
    public required string StuckCardMayNotHaveArrived { get; init; }

    /// <summary>What the coordinator can do about <see cref="StuckCardMayNotHaveArrived"/> (ask first: Retry now sends it again).</summary>
    public required string StuckCardMayNotHaveArrivedAdvice { get; init; }

    /// <summary>The applicant's notice of the decision was given up.</summary>
    public required string StuckStatusNotice { get; init; }

    /// <summary>As <see cref="StuckStatusNotice"/> (a refusal: blocked, 403/404), when Teams kept failing to deliver it (5xx, timeouts): not blamed on a block.</summary>
    public required string StuckStatusNoticeFailing { get; init; }

    /// <summary>An approver's notice that the application was withdrawn was given up.</summary>
    public required string StuckWithdrawnNotice { get; init; }

    /// <summary>As <see cref="StuckWithdrawnNotice"/> (a refusal: blocked, 403/404), when Teams kept failing to deliver it (5xx, timeouts): not blamed on a block.</summary>
    public required string StuckWithdrawnNoticeFailing { get; init; }

    public required string StuckNoticeAdvice { get; init; }

    /// <summary>Why: the update of an approver's card after a withdrawal or a decision kept failing (5xx, timeouts) and was given up.</summary>
    public required string StuckCardUpdate { get; init; }

    /// <summary>As <see cref="StuckCardUpdate"/>, when Teams refused the update (blocked, the card or chat gone: 403/404).</summary>
    public required string StuckCardUpdateRefused { get; init; }

    /// <summary>What the coordinator can do about <see cref="StuckCardUpdate"/>.</summary>
    public required string StuckCardUpdateAdvice { get; init; }

    /// <summary>{0} = the names (and <see cref="StuckUnnamedFormat"/>) of who a stuck entry did not reach.</summary>
    public required string StuckNotReachedFormat { get; init; }

    /// <summary>{0} = how many people not reached the bot knows no name for.</summary>
    public required string StuckUnnamedFormat { get; init; }

    /// <summary>
    /// {0} = the names (and <see cref="StuckUnnamedFormat"/>) of whom a card stopped on the wire
    /// (<see cref="StuckCardMayNotHaveArrived"/>) may not have reached: not "Not reached", which it may well have.
    /// </summary>
    public required string StuckMayNotHaveReachedFormat { get; init; }

    /// <summary>{0} = reference. "Retry now": delivered.</summary>
    public required string RetryDeliveredFormat { get; init; }

    /// <summary>{0} = reference. "Retry now": tried again and still not delivered; the follow-up goes on trying.</summary>
    public required string RetryQueuedFormat { get; init; }


    /// <summary>
    /// One "Retry now" that tried several problems of an application with different outcomes: a sentence per outcome, {0}
    /// the problems so (from <see cref="RetryProblems"/> and <see cref="ApplicantNotices"/>) — delivered now…
    /// </summary>
    public required string RetrySummaryDeliveredFormat { get; init; }

    /// <summary>…tried again and still not delivered, the follow-up going on trying…</summary>
    public required string RetrySummaryQueuedFormat { get; init; }

    /// <summary>…refused again, listed again (a Retry now from the list shown again tries once more).</summary>
    public required string RetrySummaryRefusedFormat { get; init; }

    /// <summary>What a "Retry now" tried, named in its summary (<see cref="RetrySummaryDeliveredFormat"/>); the applicant's messages by <see cref="ApplicantNotices"/>.</summary>
    public required IReadOnlyDictionary<ExchangeStuckReason, string> RetryProblems { get; init; }

    /// <summary>{0} = reference. "Retry now" on an application no longer stuck (a second click): nothing changed.</summary>
    public required string NothingToRetryFormat { get; init; }

    /// <summary>{0} = reference. "Retry now" tried the card update again and Teams refused it again (403/404): listed again, not retried by the bot.</summary>
    public required string RetryRefusedFormat { get; init; }

    /// <summary>
    /// A "Retry now" that tried nothing (the same button again after its try, or nothing listed any more) on an application
    /// with something still owed: said first, then where each kind stands, named as in the first click's summary.
    /// </summary>
    public required string RetryStandingNothingSent { get; init; }

    /// <summary>…{0} the kinds the follow-up still tries at its next rounds (an earlier try failed, its tries not spent)…</summary>
    public required string RetryStandingQueuedFormat { get; init; }

    /// <summary>…{0} the kinds the follow-up no longer tries (listed as stuck: a list shown again offers one more try)…</summary>
    public required string RetryStandingNotRetriedFormat { get; init; }

    /// <summary>
    /// …{0} an approver's reminder still owed to somebody who is no longer an approver of the step (roles changed in the
    /// configuration or the directory): not needed, and not sent by the follow-up either.
    /// </summary>
    public required string RetryStandingNoLongerApproverFormat { get; init; }

    /// <summary>{0} = reference. "Retry now" clicked again while the first click's try runs: nothing sent twice.</summary>
    public required string RetryRunningFormat { get; init; }

    public required string ProgressTitle { get; init; }

    /// <summary>{0} = completed, {1} = target.</summary>
    public required string ProgressFormat { get; init; }

    public required string Completed { get; init; }

    public required string ApprovedCount { get; init; }

    public required string Pending { get; init; }

    public required string ByPartner { get; init; }

    public required string ByCountryPair { get; init; }

    public required string ByActivityType { get; init; }

    /// <summary>{0}: the export link; {1}: the minutes it works for.</summary>
    public required string ExportReadyFormat { get; init; }

    public required string ExportUnavailable { get; init; }

    public required string ExportInPersonalChat { get; init; }

    public required string StepByStepButton { get; init; }

    public required string AskHost { get; init; }

    public required string HostNotFound { get; init; }

    public required string ChooseHost { get; init; }

    public required string AskStartDate { get; init; }

    public required string AskEndDate { get; init; }

    public required string DateNotUnderstood { get; init; }

    public required string DateInPast { get; init; }

    /// <summary>{0} = the first day.</summary>
    public required string EndBeforeStartFormat { get; init; }

    public required string ChooseActivityType { get; init; }

    public required string AskObjectives { get; init; }

    public required string AskAgenda { get; init; }

    public required string AskOutcomes { get; init; }

    /// <summary>The button (and typed answer) that keeps a question's current answer when an application is edited step by step.</summary>
    public required string KeepButton { get; init; }

    /// <summary>Other words that keep the current answer ("same", "igual"): those of every language are understood.</summary>
    public required IReadOnlyList<string> KeepWords { get; init; }

    /// <summary>Above a question's current answer (on its Keep card) when an application is edited step by step.</summary>
    public required string CurrentAnswer { get; init; }

    /// <summary>Said once when the step-by-step questions start from an application's current answers.</summary>
    public required string EditStepByStepIntro { get; init; }

    /// <summary>{0} = who asked for changes, {1} = their comment (plain text).</summary>
    public required string ChangesRequestedByFormat { get; init; }

    /// <summary>Above a question the requested changes are about.</summary>
    public required string CommentIsAboutThis { get; init; }

    /// <summary>Heading of the list of changed answers, before Submit / Save draft / Cancel.</summary>
    public required string WhatChanged { get; init; }

    /// <summary>Said before Submit / Save draft / Cancel when no answer differs from the stored application.</summary>
    public required string NothingChanged { get; init; }

    /// <summary>A changed objective, agenda or outcome in the list of changes ("Agenda: new answer").</summary>
    public required string NewAnswer { get; init; }

    /// <summary>{0} = the maximum number of characters.</summary>
    public required string AnswerLengthFormat { get; init; }

    public required string ChooseNext { get; init; }

    /// <summary>{0} = the organisation named in the profile (shown as plain text).</summary>
    public required string NotInDirectoryFormat { get; init; }

    /// <summary>An exchange asked for while the profile names no organisation: say so, and how to set it.</summary>
    public required string NoOrganisationInProfile { get; init; }

    public required string VisitingNotYours { get; init; }

    /// <summary>{0} = reference, {1} = status, {2} = who decided, {3} = their comment (plain text).</summary>
    public required string StatusChangedWithCommentFormat { get; init; }

    public required string RequestedChanges { get; init; }

    /// <summary>The visiting organisation on approval and status cards, which others read ("(yours)" is only on the applicant's form).</summary>
    public required string VisitingOrganisationLabel { get; init; }

    /// <summary>The button that opens an application from a list.</summary>
    public required string Open { get; init; }

    /// <summary>What an application's button clicked in a group asked for, on the 1:1 hand-off card ({0} its reference).</summary>
    public required string HandOffApplicationFormat { get; init; }

    /// <summary>{0} = reference. To an approver who had the card before the applicant made the requested changes.</summary>
    public required string ResubmittedFormat { get; init; }

    /// <summary>{0} = reference. To the new approver of a reassigned application when the bot knows no name for who reassigned it.</summary>
    public required string AssignedToYouFormat { get; init; }

    /// <summary>{0} = reference, {1} = who reassigned it (their profile's name; the card's notice is a TextRun, shown literally).</summary>
    public required string AssignedToYouByFormat { get; init; }

    /// <summary>{0} = reference, {1} = the applicant. To the approvers who had the card.</summary>
    public required string WithdrawnNoticeFormat { get; init; }

    /// <summary>
    /// {0} = the country's name. On a form opened from a travel wish to a country outside the partnership ("I want to
    /// go to France"): its host search is left empty.
    /// </summary>
    public required string HostCountryNotCoveredFormat { get; init; }

    /// <summary>{0} = the country's name, in the reader's language.</summary>
    public string HostCountryNotCovered(string country) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, HostCountryNotCoveredFormat, country);

    /// <summary>
    /// {0} = the day the request named ("5 Dec 2026"), {1} = its weekday's name ("Saturday"), {2} = the next working day,
    /// which the form starts on. On a form opened from a request whose start falls on a weekend ("in a week" said on a
    /// Saturday), which the check would refuse as the first working day.
    /// </summary>
    public required string StartMovedFromWeekendFormat { get; init; }

    /// <summary>The notice for a start moved from <paramref name="weekend"/> to <paramref name="start"/>, in this language.</summary>
    public string StartMovedFromWeekend(DateOnly weekend, DateOnly start)
    {
        var culture = ExchangeCards.Culture(Language);
        return string.Format(
            culture,
            StartMovedFromWeekendFormat,
            ExchangeTime.Day(weekend, culture),
            culture.DateTimeFormat.GetDayName(weekend.DayOfWeek),
            ExchangeTime.Day(start, culture));
    }

    /// <summary>{0} = the day ("25 Apr 2027"), {1} = the host country's name, {2} = the holiday's name (<see cref="PublicHoliday.NameFor"/>).</summary>
    public required string HolidayFormat { get; init; }

    /// <summary>{0} = the day, {1} = the host country's name: a configured holiday without a name.</summary>
    public required string HolidayUnnamedFormat { get; init; }

    /// <summary>{0} = <see cref="Holiday"/>. The first working day is a public holiday of the host country.</summary>
    public required string StartOnHolidayFormat { get; init; }

    /// <summary>{0} = <see cref="Holiday"/>. The last working day is a public holiday of the host country.</summary>
    public required string EndOnHolidayFormat { get; init; }

    /// <summary>{0} = <see cref="Holiday"/>, {1} = the next working day, which the form starts on (like <see cref="StartMovedFromWeekendFormat"/>).</summary>
    public required string StartMovedFromHolidayFormat { get; init; }

    /// <summary>"25 Apr 2027 is a public holiday in Portugal (Freedom Day)", in this language.</summary>
    public string Holiday(PublicHoliday holiday)
    {
        ArgumentNullException.ThrowIfNull(holiday);
        var culture = ExchangeCards.Culture(Language);
        var country = Partners.PartnerTexts.Resolve(Language).Countries.GetValueOrDefault(holiday.Country, holiday.Country);
        var day = ExchangeTime.Day(holiday.Date, culture);
        return holiday.NameFor(Language) is { } name
            ? string.Format(culture, HolidayFormat, day, country, name)
            : string.Format(culture, HolidayUnnamedFormat, day, country);
    }

    /// <summary>The notice for a start moved from the holiday <paramref name="holiday"/> to <paramref name="start"/>, in this language.</summary>
    public string StartMovedFromHoliday(PublicHoliday holiday, DateOnly start)
    {
        var culture = ExchangeCards.Culture(Language);
        var text = string.Format(culture, StartMovedFromHolidayFormat, Holiday(holiday), ExchangeTime.Day(start, culture));
        return text.Length > 0 ? char.ToUpper(text[0], culture) + text[1..] : text;
    }

    /// <summary>
    /// The reason for <paramref name="problem"/> in this language: <see cref="Problems"/>, except a holiday, which is named
    /// from <paramref name="result"/>.
    /// </summary>
    public string Problem(EligibilityResult result, EligibilityProblem problem)
    {
        ArgumentNullException.ThrowIfNull(result);
        return problem switch
        {
            EligibilityProblem.StartOnHoliday when result.Holidays.Start is { } holiday =>
                string.Format(ExchangeCards.Culture(Language), StartOnHolidayFormat, Holiday(holiday)),
            EligibilityProblem.EndOnHoliday when result.Holidays.End is { } holiday =>
                string.Format(ExchangeCards.Culture(Language), EndOnHolidayFormat, Holiday(holiday)),
            _ => Problems[problem],
        };
    }

    /// <summary>
    /// {0} = a day the request wrote that is on no calendar ("30 February 2027", <see cref="NoSuchDay"/>), {1} = the
    /// form's field left empty for it (<see cref="StartDate"/> or <see cref="EndDate"/>).
    /// </summary>
    public required string NoSuchDayInRequestFormat { get; init; }

    /// <summary>{0} = the first day the request named, {1} = its last day, before the first: both fields are left empty.</summary>
    public required string RequestEndBeforeStartFormat { get; init; }

    /// <summary>{0} = a day on no calendar (<see cref="NoSuchDay"/>). The step-by-step date questions' answer to it.</summary>
    public required string NoSuchDayAnswerFormat { get; init; }

    /// <summary>
    /// {0} = the date field's label, {1} = the stored day, {2} and {3} = the first and last day the form's pickers offer:
    /// the day is outside them, so its box is left empty.
    /// </summary>
    public required string DateOutsideFormFormat { get; init; }

    /// <summary>The notice for a stored <paramref name="day"/> of <paramref name="field"/> outside the form's pickers (<paramref name="first"/>–<paramref name="last"/>).</summary>
    public string DateOutsideForm(string field, DateOnly day, DateOnly first, DateOnly last)
    {
        var culture = ExchangeCards.Culture(Language);
        return string.Format(culture, DateOutsideFormFormat, field, ExchangeTime.Day(day, culture), ExchangeTime.Day(first, culture), ExchangeTime.Day(last, culture));
    }

    /// <summary>The notice for a day on no calendar, written where <paramref name="field"/> was left empty.</summary>
    public string NoSuchDayInRequest(NoSuchDate day, string field) =>
        string.Format(ExchangeCards.Culture(Language), NoSuchDayInRequestFormat, NoSuchDay(day), field);

    /// <summary>The notice for a request whose last day (<paramref name="end"/>) is before its first (<paramref name="start"/>).</summary>
    public string RequestEndBeforeStart(DateOnly start, DateOnly end)
    {
        var culture = ExchangeCards.Culture(Language);
        return string.Format(culture, RequestEndBeforeStartFormat, ExchangeTime.Day(start, culture), ExchangeTime.Day(end, culture));
    }

    /// <summary>The step-by-step questions' answer to a day on no calendar.</summary>
    public string NoSuchDayAnswer(NoSuchDate day) => string.Format(ExchangeCards.Culture(Language), NoSuchDayAnswerFormat, NoSuchDay(day));

    /// <summary>
    /// A day on no calendar as the user wrote it, the month by its name in this language: "30 February 2027",
    /// "30 de fevereiro de 2027", "30 febbraio", "30 Şubat 2027", "30. února 2027" (the year when one was written, or
    /// when 29 February lacks it).
    /// </summary>
    public string NoSuchDay(NoSuchDate day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.Describe(Language, ExchangeCards.Culture(Language));
    }

    /// <summary>{0} = reference. Asked before a submitted or approved application is withdrawn.</summary>
    public required string ConfirmWithdrawFormat { get; init; }

    public required string ConfirmWithdraw { get; init; }

    /// <summary>The withdraw confirmation's other answer: nothing changes.</summary>
    public required string KeepApplication { get; init; }

    /// <summary>{0} = reference. The answer to <see cref="KeepApplication"/>, on the card.</summary>
    public required string KeptFormat { get; init; }

    /// <summary>Step by step, when the organisation in the profile matches several directory organisations the applicant may apply for.</summary>
    public required string ChooseVisiting { get; init; }

    /// <summary>{0} = reference, {1} = the organisation without an approver, {2} = whom to contact (<see cref="CoordinatorContactFormat"/>).</summary>
    public required string NoApproverFormat { get; init; }

    /// <summary>
    /// {0} = reference, {1} = the organisation, {2} = whom to contact. As <see cref="NoApproverFormat"/>, when the only
    /// approver set up for the step is the applicant (they manage their own organisation), who does not decide on their
    /// own application.
    /// </summary>
    public required string OnlyApproverIsApplicantFormat { get; init; }

    /// <summary>
    /// {0} = reference. To the applicant who was told nobody could decide (<see cref="NoApproverFormat"/>), when the
    /// follow-up has delivered the card to an approver configured since.
    /// </summary>
    public required string ReachedApproverFormat { get; init; }

    /// <summary>{0} = the programme (Privacy:Operator), with its contact e-mail when configured.</summary>
    public required string CoordinatorContactFormat { get; init; }

    /// <summary>{0} = number. A manager the bot knows no name of, in the Reassign list.</summary>
    public required string ClusterManagerFormat { get; init; }

    public required IReadOnlyDictionary<ExchangeStatus, string> Statuses { get; init; }

    public required IReadOnlyDictionary<ExchangeAction, string> Actions { get; init; }

    public required IReadOnlyDictionary<ExchangeActivityType, string> ActivityTypes { get; init; }

    public required IReadOnlyDictionary<EligibilityProblem, string> Problems { get; init; }

    /// <summary>
    /// The CSV export's column names, in the file's order (<see cref="ExchangeReports.CsvAsync"/>), without the two code
    /// columns at its end (<c>StatusCode</c>, <c>ActivityTypeCode</c>: the same in every language, for scripts).
    /// English keeps the names its export has always had.
    /// </summary>
    public required IReadOnlyList<string> ExportColumns { get; init; }

    /// <summary>Typed commands (besides the English ones every language accepts).</summary>
    public required IReadOnlyList<string> ApplyCommands { get; init; }

    public required IReadOnlyList<string> MyApplicationsCommands { get; init; }

    /// <summary>
    /// "withdraw my application" as a whole message: the list of one's applications, where each that can still be
    /// withdrawn has its Withdraw button (nothing is withdrawn by the words alone) — and, typed at a step-by-step
    /// question, no answer to it.
    /// </summary>
    public required IReadOnlyList<string> WithdrawCommands { get; init; }

    public required IReadOnlyList<string> PendingApprovalsCommands { get; init; }

    public required IReadOnlyList<string> ProgressCommands { get; init; }

    public required IReadOnlyList<string> ExportCommands { get; init; }

    public required IReadOnlyList<string> StuckCommands { get; init; }

    public required IReadOnlyList<string> StepByStepCommands { get; init; }

    /// <summary>An answer's label with its maximum, the number as the language writes it: "Objectives — at most 2,000 characters".</summary>
    public string TooLong(string label, int maxLength) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, TooLongFormat, label, Number(maxLength));

    /// <summary>The maximum of a step-by-step answer: "Please answer in at most 2,000 characters."</summary>
    public string AnswerLength(int maxLength) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerLengthFormat, Number(maxLength));

    private string Number(int number) => number.ToString("N0", ExchangeCards.Culture(Language));

    /// <summary>
    /// The words that ask for the application as questions in one's own sentence ("I want to apply step by step",
    /// "quero candidatar-me passo a passo"): an application request holding one of them (of any of the six languages)
    /// starts the step-by-step questions instead of the form.
    /// </summary>
    public required IReadOnlyList<string> StepByStepWords { get; init; }

    /// <summary>"Please correct these answers…" naming each answer by its label on the card.</summary>
    public string InvalidFields(IEnumerable<string> labels) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, InvalidFieldsFormat, string.Join(", ", labels));

    /// <summary>
    /// What the form says when it comes back refused: that the visiting organisation must be one's own and/or which answers
    /// are not valid — "Nothing was saved" said once, not after each (both sentences end with it).
    /// </summary>
    public string RefusedForm(bool visitingNotYours, IReadOnlyCollection<string> invalidLabels)
    {
        ArgumentNullException.ThrowIfNull(invalidLabels);
        if (invalidLabels.Count == 0)
        {
            return visitingNotYours ? VisitingNotYours : "";
        }

        var invalid = InvalidFields(invalidLabels);
        if (!visitingNotYours)
        {
            return invalid;
        }

        var marker = InvalidFieldsFormat.IndexOf("{0}", StringComparison.Ordinal);
        var nothingSaved = marker < 0 ? "" : InvalidFieldsFormat[(marker + 3)..].TrimStart('.', ' ');
        var notYours = nothingSaved.Length > 0 && VisitingNotYours.EndsWith(nothingSaved, StringComparison.Ordinal)
            ? VisitingNotYours[..^nothingSaved.Length].TrimEnd()
            : VisitingNotYours;
        return notYours + " " + invalid;
    }

    public static IReadOnlyList<ExchangeTexts> All => [English, Portuguese, Spanish, Italian, Turkish, Czech];

    // The step-by-step words of the six languages, folded (lower case, no accents) and padded with spaces; in a class of
    // their own, made on first use, once the languages (another file of this partial class) are.
    private static class FoldedStepByStep
    {
        public static readonly string[] Words =
            [.. All.SelectMany(t => t.StepByStepWords).Select(w => " " + Conversation.TypedCommand.Fold(w) + " ").Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether a typed application request asks for the questions one at a time ("I want to apply step by step",
    /// "voglio candidarmi passo dopo passo"): a <see cref="StepByStepWords"/> phrase of any language, as whole words.
    /// </summary>
    public static bool AsksStepByStep(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = " " + System.Text.RegularExpressions.Regex.Replace(Conversation.TypedCommand.Fold(text), @"[^\p{L}\p{Nd}-]+", " ") + " ";
        return FoldedStepByStep.Words.Any(w => words.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether an answer to a step-by-step question keeps its current answer: the whole message is a
    /// <see cref="KeepButton"/> or one of the <see cref="KeepWords"/> of any of the six languages ("keep", "same", "igual",
    /// "aynı"), ignoring case, accents and a final full stop or exclamation mark.
    /// </summary>
    public static bool IsKeep(string? text) =>
        !string.IsNullOrWhiteSpace(text) && FoldedKeep.Words.Contains(Conversation.TypedCommand.Fold(text).TrimEnd('.', '!', ' '));

    // Made on first use, once the languages (another file of this partial class) are.
    private static class FoldedKeep
    {
        public static readonly System.Collections.Frozen.FrozenSet<string> Words =
            System.Collections.Frozen.FrozenSet.ToFrozenSet(All.SelectMany(t => t.KeepWords.Append(t.KeepButton)).Select(Conversation.TypedCommand.Fold), StringComparer.Ordinal);
    }

    /// <summary>The texts of a language code (en, pt, es, it, tr, cs), English otherwise.</summary>
    public static ExchangeTexts Resolve(string? language)
    {
        var code = language is { Length: >= 2 } ? language[..2].ToLowerInvariant() : "en";
        return All.FirstOrDefault(t => t.Language == code) ?? English;
    }
}
