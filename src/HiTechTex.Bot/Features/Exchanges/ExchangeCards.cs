using HiTechTex.Bot.Features.Conversation;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Binds the exchange card templates (<c>cards/exchange-*.json</c>). Everything a person typed — people's names
/// included — goes into the cards as the text of a <c>TextRun</c> (or of a choice), never into Markdown; names pass
/// <see cref="NameRule.ForCard"/>, since one stored before the name rules may hold a line break or a bidi override;
/// objectives, agenda, outcomes and comments pass <see cref="FreeText.Clean"/> for the same reason.
/// </summary>
internal sealed class ExchangeCards(
    ICardRenderer renderer,
    IPartnerDirectory directory,
    ExchangeStore store,
    ExchangeViews views,
    ExchangeApprovers approvers,
    ExchangeEligibility eligibility,
    ExchangeClock clock,
    RecipientLanguages people)
{
    public const string ApplicationTemplate = "exchange-application";
    public const string FormTemplate = "exchange-form";
    public const string ListTemplate = "exchange-list";
    public const string ProgressTemplate = "exchange-progress";
    public const string StuckTemplate = "exchange-stuck";
    public const string KeepTemplate = "exchange-keep";
    public const string ErrorTemplate = "error";

    // The application keeps the applicant's Teams user id, not the channel: the bot is a Teams bot.
    private const string TeamsChannelId = "msteams";

    /// <summary>The application as <paramref name="viewerAadObjectId"/> may see it, with the buttons of their role.</summary>
    /// <param name="readerZone">The time zone the viewer's Teams client reported in this turn; null (a card sent or updated
    /// for somebody else) takes the zone last seen from them, else <c>Exchanges:TimeZone</c>, named on the card.</param>
    /// <param name="confirmWithdraw">The applicant asked to withdraw: the card asks them to confirm instead of offering Withdraw.</param>
    public async Task<JsonObject> ApplicationAsync(
        ExchangeApplication application, string viewerAadObjectId, ExchangeTexts texts, string? notice, IReadOnlyList<string> refreshUserIds,
        string? readerZone, CancellationToken cancellationToken, bool confirmWithdraw = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        var view = await views.ForAsync(application, viewerAadObjectId, cancellationToken).ConfigureAwait(false);
        if (!view.CanSee)
        {
            return Error(texts, texts.NotAllowed);
        }

        var visiting = await directory.FindAsync(application.VisitingOrganisationId, cancellationToken).ConfigureAwait(false);
        var host = await directory.FindAsync(application.HostOrganisationId, cancellationToken).ConfigureAwait(false);
        var audit = await store.AuditAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var culture = Culture(texts.Language);
        var zone = ExchangeTime.KnownZone(readerZone)
            ?? ExchangeTime.KnownZone(await ReaderZoneAsync(application, viewerAadObjectId, cancellationToken).ConfigureAwait(false));
        var reassign = new JsonArray();
        if (view.CanReassign)
        {
            var candidates = await approvers.CandidatesAsync(application, cancellationToken).ConfigureAwait(false);
            var visitingCluster = visiting?.ClusterId is { } vc ? await directory.FindAsync(vc, cancellationToken).ConfigureAwait(false) : null;
            var hostCluster = host?.ClusterId is { } hc ? await directory.FindAsync(hc, cancellationToken).ConfigureAwait(false) : null;
            var unnamed = 0;
            foreach (var candidate in candidates.Where(c => !AadObjectIds.Same(c, viewerAadObjectId)
                && !AadObjectIds.Same(c, application.ApplicantAadObjectId)))
            {
                var name = await people.FindNameAsync(candidate, application.TenantId, cancellationToken).ConfigureAwait(false)
                    ?? ContactName(candidate, visiting, host, visitingCluster, hostCluster)
                    ?? string.Format(culture, texts.ClusterManagerFormat, ++unnamed);
                reassign.Add(new JsonObject { ["title"] = NameRule.ForCard(name), ["value"] = candidate });
            }
        }

        var history = audit.Select(a => (JsonNode)new JsonObject
        {
            ["at"] = ExchangeTime.Moment(a.At, zone, clock.TimeZoneId, ExchangeTime.CultureOf(texts.Language)),
            ["actor"] = NameRule.ForCard(a.ActorName),
            ["action"] = texts.Actions[a.Action],
            ["comment"] = FreeText.CleanOrNull(a.Comment) is { } comment ? $" — “{comment}”" : "",
        }).ToList();
        var data = new JsonObject
        {
            ["id"] = application.Id.ToString(),
            ["v"] = application.Version,
            ["title"] = $"{application.Reference} · {OrganisationLabel(visiting, application.VisitingOrganisationId)} → {OrganisationLabel(host, application.HostOrganisationId)}",
            ["notice"] = notice ?? "",
            ["statusText"] = texts.Statuses[application.Status],
            ["applicant"] = NameRule.ForCard(application.ApplicantName),
            ["visiting"] = OrganisationLabel(visiting, application.VisitingOrganisationId),
            ["host"] = OrganisationLabel(host, application.HostOrganisationId),
            ["period"] = Period(application, host, texts, culture),
            ["activityType"] = application.ActivityType is { } type ? texts.ActivityTypes[type] : "–",
            ["lumpSum"] = LumpSumText(application, visiting, host, texts),
            ["objectives"] = Or(application.Objectives),
            ["agenda"] = Or(application.Agenda),
            ["outcomes"] = Or(application.ExpectedOutcomes),
            ["reportOutcomes"] = FreeText.Clean(application.ReportOutcomes),
            ["reportEvidence"] = EvidenceText(application.ReportEvidence, texts),
            ["refreshUserIds"] = new JsonArray([.. refreshUserIds.Take(ExchangeNotifier.MaxRefreshUserIds).Select(id => (JsonNode)JsonValue.Create(id)!)]),
            ["audit"] = new JsonArray([.. history]),
            ["canDecide"] = view.CanDecide,
            ["reassignChoices"] = reassign,
            ["canReport"] = view.CanReport,
            ["canValidate"] = view.CanValidate,
            ["canWithdraw"] = view.CanWithdraw,
            ["confirmWithdraw"] = view.CanWithdraw && confirmWithdraw,
            ["canEdit"] = view.CanEdit,
            ["labels"] = new JsonObject
            {
                ["refresh"] = texts.Refresh, ["status"] = texts.Status, ["applicant"] = texts.Applicant,
                ["visiting"] = texts.VisitingOrganisationLabel, ["host"] = texts.HostOrganisation, ["period"] = texts.Period,
                ["activityType"] = texts.ActivityType, ["lumpSum"] = texts.LumpSum, ["objectives"] = texts.Objectives,
                ["agenda"] = texts.Agenda, ["outcomes"] = texts.ExpectedOutcomes, ["reportOutcomes"] = texts.ReportOutcomes, ["history"] = texts.History,
                ["comment"] = texts.Comment, ["reassignTo"] = texts.ReassignTo, ["approve"] = texts.Approve, ["reject"] = texts.Reject,
                ["requestChanges"] = texts.RequestChanges, ["reassign"] = texts.Reassign, ["reportIntro"] = texts.ReportIntro,
                ["evidence"] = texts.EvidenceTickets.Split(' ')[0], ["evidenceTickets"] = texts.EvidenceTickets,
                ["evidenceInvoices"] = texts.EvidenceInvoices, ["evidenceAgenda"] = texts.EvidenceAgenda, ["sendReport"] = texts.SendReport,
                ["validateReport"] = texts.ValidateReport, ["returnReport"] = texts.ReturnReport, ["edit"] = texts.Edit, ["withdraw"] = texts.Withdraw,
                ["confirmWithdraw"] = texts.ConfirmWithdraw, ["keepApplication"] = texts.KeepApplication,
            },
        };
        return WithinSizeLimit(data, history, texts, culture);
    }

    /// <summary>
    /// The application's card with as much of its history as the size limit lets it carry: every decision adds an entry
    /// with a comment of up to 500 characters, and with three full answers a few rounds of changes made the card too large
    /// to be shown to anyone. The newest entries stay, under a line that says how many earlier ones are not shown.
    /// </summary>
    private JsonObject WithinSizeLimit(JsonObject data, List<JsonNode> history, ExchangeTexts texts, CultureInfo culture) =>
        CardListFit.Render(history.Count, shown =>
        {
            if (shown < history.Count)
            {
                data["audit"] = new JsonArray([.. history.Skip(history.Count - shown).Select(entry => entry.DeepClone())]);
                data["historyNote"] = string.Format(culture, texts.EarlierHistoryFormat, history.Count - shown);
            }

            return renderer.RenderCard(ApplicationTemplate, data);
        });

    /// <summary>The zone last seen from the viewer (the applicant by the Teams user id kept with the application).</summary>
    private async Task<string?> ReaderZoneAsync(ExchangeApplication application, string viewerAadObjectId, CancellationToken cancellationToken) =>
        AadObjectIds.Same(viewerAadObjectId, application.ApplicantAadObjectId) && application.ApplicantUserId.Length > 0
            ? await people.FindUserTimeZoneAsync(TeamsChannelId, application.ApplicantUserId, cancellationToken).ConfigureAwait(false)
                ?? await people.FindTimeZoneAsync(viewerAadObjectId, application.TenantId, cancellationToken).ConfigureAwait(false)
            : await people.FindTimeZoneAsync(viewerAadObjectId, application.TenantId, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A short card saying a decision was stored (the error card's layout: a heading and one line), for when the
    /// application's own card cannot be rendered: a committed change is never reported as an error.
    /// </summary>
    public JsonObject Done(ExchangeTexts texts, string title, string message) => renderer.RenderCard(ErrorTemplate, new JsonObject
    {
        ["title"] = title,
        ["message"] = message,
        ["labels"] = new JsonObject { ["menu"] = texts.BackToMenu },
    });

    /// <summary>The polite error card (nothing of the application in it).</summary>
    public JsonObject Error(ExchangeTexts texts, string message) => renderer.RenderCard(ErrorTemplate, new JsonObject
    {
        ["title"] = texts.ErrorTitle,
        ["message"] = message,
        ["labels"] = new JsonObject { ["menu"] = texts.BackToMenu },
    });

    /// <summary>The key, in a Keep button's data (<see cref="Keep"/>), of the question it keeps.</summary>
    public const string KeepKey = "keep";

    /// <summary>
    /// Whether a card click is a Keep button of a step-by-step question (<see cref="Keep"/>): its data names the question.
    /// The button sits on the question's own card; its prompt adds its id
    /// (<see cref="Protocol.Dialogs.Prompts.PromptButtons"/>), which a Keep sent before buttons carried one lacks.
    /// </summary>
    public static bool IsKeepClick(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(KeepKey, out var question) && question.ValueKind == JsonValueKind.String;

    /// <summary>
    /// A step-by-step question's current answer (shown literally) with a Keep button, when an application is edited:
    /// the button's data says which question it keeps, so that a Keep of an earlier question keeps nothing else.
    /// </summary>
    public Attachment Keep(ExchangeQuestion question, string current, ExchangeTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return renderer.Render(KeepTemplate, new JsonObject
        {
            ["current"] = current,
            ["question"] = question.ToString(),
            ["labels"] = new JsonObject { ["current"] = texts.CurrentAnswer, ["keep"] = texts.KeepButton },
        });
    }

    public Attachment Form(ExchangeFormState state, IReadOnlyList<Organisation> visitingChoices, IReadOnlyList<Organisation> hostChoices,
        EligibilityResult result, string lumpSum, ExchangeTexts texts, string? notice, string? requestedChanges = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(texts);
        // The date pickers offer only the days the server accepts (a year back to three years ahead). A stored day outside
        // them — a draft saved over a year ago, a far year typed in a request — would stand in its picker as a value the
        // client refuses to send, and Save and Submit would do nothing, saying nothing: its box is left empty, and the
        // notice names the day, to be chosen again.
        var (first, last) = (ExchangeEligibility.EarliestAcceptedDate(clock.Today), ExchangeEligibility.LatestAcceptedDate(clock.Today));
        string Day(DateOnly? date, string label)
        {
            if (date is not { } day)
            {
                return "";
            }

            if (day >= first && day <= last)
            {
                return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            notice = notice is { Length: > 0 } ? notice + " " + texts.DateOutsideForm(label, day, first, last) : texts.DateOutsideForm(label, day, first, last);
            return "";
        }

        var (startDate, endDate) = (Day(state.StartDate, texts.StartDate), Day(state.EndDate, texts.EndDate));
        return renderer.Render(FormTemplate, new JsonObject
        {
            ["title"] = texts.FormTitle,
            ["intro"] = texts.FormIntro,
            ["notice"] = notice ?? "",
            ["requestedChanges"] = requestedChanges ?? "",
            ["visitingId"] = state.VisitingId ?? "",
            ["visitingChoices"] = Choices(visitingChoices),
            ["hostQuery"] = state.HostQuery ?? "",
            ["hostId"] = state.HostId ?? "",
            ["hostChoices"] = Choices(hostChoices),
            ["startDate"] = startDate,
            ["endDate"] = endDate,
            ["minDate"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["maxDate"] = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["activityType"] = state.ActivityType?.ToString() ?? "",
            ["activityTypes"] = new JsonArray([.. Enum.GetValues<ExchangeActivityType>().Select(t => (JsonNode)new JsonObject { ["title"] = texts.ActivityTypes[t], ["value"] = t.ToString() })]),
            ["objectives"] = state.Objectives ?? "",
            ["agenda"] = state.Agenda ?? "",
            ["outcomes"] = state.Outcomes ?? "",
            ["problems"] = new JsonArray([.. result.Problems.Select(p => (JsonNode)new JsonObject { ["text"] = texts.Problem(result, p) })]),
            ["lumpSum"] = lumpSum,
            ["labels"] = new JsonObject
            {
                ["visiting"] = texts.VisitingOrganisation, ["hostSearch"] = texts.HostSearch, ["hostSearchPlaceholder"] = texts.HostSearchPlaceholder,
                ["host"] = texts.HostOrganisation, ["noMatches"] = texts.NoMatches, ["startDate"] = texts.StartDate, ["endDate"] = texts.EndDate,
                ["activityType"] = texts.ActivityType, ["objectives"] = texts.Objectives, ["agenda"] = texts.Agenda, ["outcomes"] = texts.ExpectedOutcomes,
                ["eligibility"] = texts.Eligibility, ["eligible"] = texts.Eligible, ["lumpSum"] = texts.LumpSum, ["check"] = texts.CheckButton,
                ["save"] = texts.SaveDraftButton, ["submit"] = texts.SubmitButton, ["cancel"] = texts.CancelButton, ["stepByStep"] = texts.StepByStepButton,
                ["requestedChanges"] = texts.RequestedChanges,
            },
        });
    }

    /// <param name="applicantAadObjectId">The applicant whose own list this is: each application they may still withdraw
    /// gets a Withdraw button (authorized again on the server when clicked), and the list a New application button. Null
    /// for lists of others' applications ("pending approvals": managers decide there, they don't apply).</param>
    public async Task<Attachment> ListAsync(string title, string empty, IReadOnlyList<ExchangeApplication> applications, ExchangeTexts texts,
        CancellationToken cancellationToken, string? applicantAadObjectId = null)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var culture = Culture(texts.Language);
        var items = new JsonArray();
        foreach (var application in applications.Take(20))
        {
            var visiting = await directory.FindAsync(application.VisitingOrganisationId, cancellationToken).ConfigureAwait(false);
            var host = await directory.FindAsync(application.HostOrganisationId, cancellationToken).ConfigureAwait(false);
            items.Add(new JsonObject
            {
                ["id"] = application.Id.ToString(),
                ["reference"] = application.Reference,
                ["route"] = $"{OrganisationLabel(visiting, application.VisitingOrganisationId)} → {OrganisationLabel(host, application.HostOrganisationId)}",
                ["statusText"] = texts.Statuses[application.Status],
                ["period"] = Period(application, host, texts, culture),
                ["v"] = application.Version,
                ["canWithdraw"] = applicantAadObjectId is not null
                    && (await views.ForAsync(application, applicantAadObjectId, cancellationToken).ConfigureAwait(false)).CanWithdraw,
            });
        }

        return renderer.Render(ListTemplate, new JsonObject
        {
            ["title"] = title,
            ["empty"] = empty,
            ["items"] = items,
            ["canApply"] = applicantAadObjectId is not null,
            ["labels"] = new JsonObject { ["open"] = texts.Open, ["withdraw"] = texts.Withdraw, ["newApplication"] = texts.NewApplication },
        });
    }

    public Attachment Progress(ExchangeProgress progress, ExchangeTexts texts)
    {
        ArgumentNullException.ThrowIfNull(progress);
        static JsonObject Section(string title, IReadOnlyList<ExchangeProgressRow> rows) => new()
        {
            ["title"] = title,
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name, ["completed"] = r.Completed.ToString(CultureInfo.InvariantCulture),
                ["approved"] = r.Approved.ToString(CultureInfo.InvariantCulture), ["pending"] = r.Pending.ToString(CultureInfo.InvariantCulture),
            })]),
        };

        return renderer.Render(ProgressTemplate, new JsonObject
        {
            ["title"] = texts.ProgressTitle,
            ["summary"] = string.Format(CultureInfo.InvariantCulture, texts.ProgressFormat, progress.Completed, progress.Target),
            ["completed"] = progress.Completed.ToString(CultureInfo.InvariantCulture),
            ["approved"] = progress.Approved.ToString(CultureInfo.InvariantCulture),
            ["pending"] = progress.Pending.ToString(CultureInfo.InvariantCulture),
            ["sections"] = new JsonArray(
                Section(texts.ByPartner, progress.ByPartner),
                Section(texts.ByCountryPair, progress.ByCountryPair),
                Section(texts.ByActivityType, progress.ByActivityType)),
            ["labels"] = new JsonObject
            {
                ["completed"] = texts.Completed.ToLower(Culture(texts.Language)), ["approved"] = texts.ApprovedCount.ToLower(Culture(texts.Language)),
                ["pending"] = texts.Pending.ToLower(Culture(texts.Language)),
                ["stuck"] = texts.StuckButton,
            },
        });
    }

    /// <summary>
    /// The coordinator's stuck applications: each with why, in their language, what they can do, and — where it can
    /// help — "Retry now" (authorized again on the server when clicked).
    /// </summary>
    public async Task<Attachment> StuckAsync(IReadOnlyList<ExchangeStuckEntry> entries, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(texts);
        var items = new JsonArray();
        foreach (var entry in entries.Take(20))
        {
            var application = entry.Application;
            var visiting = await directory.FindAsync(application.VisitingOrganisationId, cancellationToken).ConfigureAwait(false);
            var host = await directory.FindAsync(application.HostOrganisationId, cancellationToken).ConfigureAwait(false);
            var (reason, advice) = entry.Reason switch
            {
                ExchangeStuckReason.NoApprover => (texts.StuckNoApprover, texts.StuckNoApproverAdvice),
                // Still tried: refused so far (not installed, blocked) for every approver, or Teams failed for one (5xx, timeouts).
                ExchangeStuckReason.CardNotDelivered when entry.StillTried => entry.Refused
                    ? (texts.StuckCardNotDeliveredStillTrying, texts.StuckCardAdvice)
                    : (texts.StuckCardNotDeliveredStillTryingFailing, texts.StuckCardStillTryingFailingAdvice),
                // Its tries spent: refused at each (not installed, blocked) for every approver, or Teams kept failing for one.
                ExchangeStuckReason.CardNotDelivered => entry.Refused
                    ? (texts.StuckCardNotDelivered, texts.StuckCardAdvice)
                    : (texts.StuckCardNotDeliveredFailing, texts.StuckCardFailingAdvice),
                ExchangeStuckReason.CardMayNotHaveArrived => (texts.StuckCardMayNotHaveArrived, texts.StuckCardMayNotHaveArrivedAdvice),
                ExchangeStuckReason.CardRefused => (texts.StuckCardRefused, texts.StuckCardAdvice),
                // Why by the kind of failure: a refusal may be a block; Teams failing again and again is not.
                ExchangeStuckReason.StatusNoticeGivenUp => (entry.Refused ? texts.StuckStatusNotice : texts.StuckStatusNoticeFailing, texts.StuckNoticeAdvice),
                ExchangeStuckReason.ApplicantNotReached => (
                    string.Format(CultureInfo.InvariantCulture, texts.StuckApplicantNotReachedFormat, texts.ApplicantNotices[entry.Notice ?? ExchangeApplicantNotice.Status]),
                    texts.StuckNoticeAdvice),
                ExchangeStuckReason.CardUpdateGivenUp => (entry.Refused ? texts.StuckCardUpdateRefused : texts.StuckCardUpdate, texts.StuckCardUpdateAdvice),
                ExchangeStuckReason.ApproverNotReminded => (texts.StuckApproverNotReminded, texts.StuckNoticeAdvice),
                _ => (entry.Refused ? texts.StuckWithdrawnNotice : texts.StuckWithdrawnNoticeFailing, texts.StuckNoticeAdvice),
            };
            items.Add(new JsonObject
            {
                ["id"] = application.Id.ToString(),
                ["reference"] = application.Reference,
                ["route"] = $"{OrganisationLabel(visiting, application.VisitingOrganisationId)} → {OrganisationLabel(host, application.HostOrganisationId)}",
                ["statusText"] = texts.Statuses[application.Status],
                ["reason"] = reason,
                ["advice"] = advice,
                ["canRetry"] = entry.CanRetry,
                // The rounds of "Retry now" done when this list was made: the button's click claims the next (one try per button).
                ["round"] = entry.Round.ToString(CultureInfo.InvariantCulture),
                ["notReached"] = await NotReachedAsync(entry, texts, cancellationToken).ConfigureAwait(false),
            });
        }

        return renderer.Render(StuckTemplate, new JsonObject
        {
            ["title"] = texts.StuckTitle,
            ["empty"] = texts.NoStuckApplications,
            ["items"] = items,
            ["labels"] = new JsonObject { ["open"] = texts.Open, ["retry"] = texts.RetryNowButton },
        });
    }

    /// <summary>
    /// Who a stuck entry did not reach, by the name they go by with the bot ("Not reached: Vasco Almeida"), so that the
    /// coordinator told "tell them yourself" knows whom; someone whose name the bot does not know is counted ("and 1
    /// more"). Empty when nobody is named. Shown literally (a <c>TextRun</c>): names are people's own text.
    /// </summary>
    private async Task<string> NotReachedAsync(ExchangeStuckEntry entry, ExchangeTexts texts, CancellationToken cancellationToken)
    {
        if (entry.Recipients is not { Count: > 0 } recipients)
        {
            return "";
        }

        var names = new List<string>();
        var unnamed = 0;
        foreach (var recipient in recipients)
        {
            if (await people.FindNameAsync(recipient, entry.Application.TenantId, cancellationToken).ConfigureAwait(false) is { Length: > 0 } name)
            {
                names.Add(name);
            }
            else
            {
                unnamed++;
            }
        }

        var list = string.Join(", ", names);
        if (unnamed > 0)
        {
            var more = string.Format(CultureInfo.InvariantCulture, texts.StuckUnnamedFormat, unnamed);
            list = list.Length == 0 ? more : $"{list}, {more}";
        }

        // A card stopped on the wire may well have arrived: said so, not "Not reached".
        var format = entry.Reason == ExchangeStuckReason.CardMayNotHaveArrived ? texts.StuckMayNotHaveReachedFormat : texts.StuckNotReachedFormat;
        return string.Format(CultureInfo.InvariantCulture, format, list);
    }

    /// <summary>The lump-sum line: the estimate (amount, and why it is halved).</summary>
    public string LumpSumText(ExchangeApplication application, Organisation? visiting, Organisation? host, ExchangeTexts texts)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (visiting is null || host is null || application.StartDate is not { } start || application.EndDate is not { } end || end < start)
        {
            return "–";
        }

        var result = eligibility.Check(visiting, host, start, end, DateOnly.MinValue, false);
        var estimate = eligibility.EstimateLumpSum(host.Country, result.WorkingDays ?? 0, result.DistanceKm ?? 0);
        return LumpSumText(estimate, texts);
    }

    public static string LumpSumText(LumpSumEstimate estimate, ExchangeTexts texts)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(texts);
        var amount = ExchangeMoney.Euros(estimate.Amount, texts.Language);
        return estimate.IsHalved
            ? string.Format(Culture(texts.Language), texts.LumpSumHalvedFormat, amount, ExchangeMoney.Euros(estimate.Cap, texts.Language), estimate.FullWorkingDays, estimate.FullDistanceKm)
            : amount;
    }

    public static string OrganisationLabel(Organisation? organisation, string id) =>
        organisation is null ? (id.Length == 0 ? "–" : id) : $"{organisation.Name} ({organisation.Country})";

    // A directory contact's name for an Entra id (a manager is often also a contact of their cluster's entry); never
    // a fragment of the id, which tells a reader nothing.
    private static string? ContactName(string aadObjectId, params Organisation?[] organisations) =>
        organisations.OfType<Organisation>().SelectMany(o => o.Contacts)
            .FirstOrDefault(c => AadObjectIds.Same(c.EntraObjectId, aadObjectId) && c.Name.Length > 0)?.Name;

    private string Period(ExchangeApplication application, Organisation? host, ExchangeTexts texts, CultureInfo culture) =>
        application.StartDate is { } start && application.EndDate is { } end
            ? $"{ExchangeTime.Day(start, culture)} – {ExchangeTime.Day(end, culture)} ({string.Format(CultureInfo.InvariantCulture, texts.WorkingDaysFormat, eligibility.CountWorkingDays(host?.Country, start, end))})"
            : "–";

    private static string EvidenceText(string evidence, ExchangeTexts texts) => string.Join(", ", evidence
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(e => e switch
        {
            ExchangeEvidence.Tickets => texts.EvidenceTickets,
            ExchangeEvidence.Invoices => texts.EvidenceInvoices,
            ExchangeEvidence.Agenda => texts.EvidenceAgenda,
            _ => e,
        }));

    /// <summary>A text someone wrote as the card shows it: one stored before <see cref="FreeText"/> loses what would turn it around; one with nothing to see is "–".</summary>
    private static string Or(string text) => FreeText.CleanOrNull(text) ?? "–";

    private static JsonArray Choices(IReadOnlyList<Organisation> organisations) =>
        new([.. organisations.Select(o => (JsonNode)new JsonObject { ["title"] = $"{o.Name} ({o.Country}, {o.City})", ["value"] = o.Id })]);

    public static CultureInfo Culture(string language) => ConversationTexts.RegionalCulture(language);
}
