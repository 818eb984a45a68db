using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The root dialog: makes sure the user has a profile (first use), then routes what they asked — a welcome-card
/// button or free text through <see cref="IIntentRecognizer"/> — to a journey, the help card or the welcome card.
/// Help, cancel and start over work at any point (<see cref="InterruptibleComponentDialog"/>). Another request while
/// a journey waits for an answer (<see cref="TryAnswerAnotherRequestAsync"/>): a one-turn request (a partner search,
/// the session list, my applications) is answered on top and the waiting form or question stays open; another journey
/// that waits is started only after a yes to "leave what we started?".
/// </summary>
internal sealed partial class MainDialog : InterruptibleComponentDialog
{
    public const string DialogId = "main";

    /// <summary>The journeys a card button or an intent can start; each is a placeholder until its issue lands.</summary>
    public static readonly IReadOnlyList<Intent> Journeys =
        [Intent.FindPartners, Intent.ApplyForExchange, Intent.RegisterForCoaching, Intent.MyApplications, Intent.MySessions];

    private const string TextKey = "text";
    private const string ActionKey = "action";
    private const string NewProfileKey = "newProfile";
    private const string DataKey = "data";
    private const string UnderstoodKey = "understood";
    private const string SmallTalkKey = "smallTalk";
    private const string DeclinedKey = "declined";
    private const string StartOverKey = "startOver";
    private const string RoleRefusedKey = "roleRefused";
    private const string RulesQuestionKey = "rulesQuestion";
    private const string PrivacyQuestionKey = "privacyQuestion";
    private const string NamedOrganisationKey = "namedOrganisation";
    private const string StepsId = "main.steps";
    private const string LeaveDialogId = "main.leave";
    private const string LeavePromptId = "main.leave.confirm";

    private static readonly JsonSerializerOptions BotStateJson = HiTechTex.Bot.Protocol.State.BotState.DefaultJsonOptions;

    /// <summary>
    /// The <c>data.action</c> of the button sent to a 1:1 chat for what was typed in a group (<c>data.text</c>): the
    /// click is handled as if that text had been typed there.
    /// </summary>
    public const string ContinuePrivatelyAction = "continuePrivately";

    /// <summary>Longest typed request carried by that button; a journey request is a sentence, not a page.</summary>
    internal const int MaxReplayedText = 1000;

    /// <summary>Card data larger than this is not replayed whole (only its action): the card must stay small.</summary>
    private const int MaxReplayedData = 4000;

    private readonly ConversationStates states;
    private readonly IIntentRecognizer recognizer;
    private readonly ConversationCards cards;
    private readonly ILogger<MainDialog> logger;
    private readonly IServiceProvider services;
    private IReadOnlyList<IJourney>? journeys;

    /// <param name="services">The turn's scope: the <see cref="IJourney"/>s are resolved from it on first use.</param>
    public MainDialog(
        ConversationStates states,
        ProfileDialog profileDialog,
        IIntentRecognizer recognizer,
        ConversationCards cards,
        IServiceProvider services,
        ILogger<MainDialog> logger)
        : base(DialogId, logger)
    {
        this.states = states;
        this.recognizer = recognizer;
        this.cards = cards;
        this.services = services;
        this.logger = logger;
        AddDialog(new WaterfallDialog(StepsId, [EnsureProfileAsync, RouteAsync]));
        AddDialog(profileDialog);
        AddDialog(new WaterfallDialog(LeaveDialogId, [AskToLeaveAsync, LeaveAsync]));
        AddDialog(new ConfirmPrompt(LeavePromptId)
        {
            // A question asked before its options kept what it names (an older deploy) stays as it was asked.
            Localize = (context, options) => DialogStateValues.Convert<LeaveNamed>(options.Validations) is { } named
                ? LeaveOptions(context.GetTexts(), named)
                : options,
        });

        // The journeys (each with its dialogs and services, a database context among them) are built only in a turn
        // that routes or runs one: a turn that continues the profile dialog, say, needs none of them.
        Dialogs.AddDeferred(JourneyDialogs);
    }

    private IReadOnlyList<IJourney> LoadedJourneys => journeys ??= [.. services.GetServices<IJourney>()];

    private IEnumerable<Dialog> JourneyDialogs()
    {
        foreach (var journey in LoadedJourneys)
        {
            yield return journey.Dialog;
        }

        foreach (var intent in Journeys.Where(i => !LoadedJourneys.Any(j => j.Intents.Contains(i))))
        {
            yield return new ComingSoonDialog(intent);
        }
    }

    /// <summary>The card data of an Action.Submit message (the value) or an Action.Execute invoke (value.action.data).</summary>
    public static JsonElement? ReadCardData(Activity activity) => CardInput.DataOf(activity)?.Clone();

    /// <summary>The card action (<c>data.action</c>) of an Action.Submit message or an Action.Execute invoke.</summary>
    public static string? ReadCardAction(Activity activity) =>
        CardInput.DataOf(activity) is { } data && CardInput.TryGetText(data, "action", out var name) ? name : null;

    /// <summary>
    /// The help card for the person reading it: everyone's commands, then those of their roles — a cluster manager's
    /// "pending approvals" and "manage members", a coordinator's "new session", "import sessions", "exchange progress",
    /// "export exchanges" and "stuck applications" — in their language (roles from the configuration, as every handler checks them).
    /// </summary>
    private Attachment HelpCard(ITurnContext context)
    {
        var texts = context.GetTexts();
        var roles = RolesOf(context);
        var commands = new List<(string Command, string Description)>();
        if (roles.IsClusterManager)
        {
            commands.Add((ExchangeTexts.Resolve(texts.Language).PendingApprovalsCommands[0], texts.HelpCommandPendingApprovals));
            commands.Add((PartnerTexts.Resolve(texts.Language).ManageMembersCommands[0], texts.HelpCommandManageMembers));
        }

        if (roles.IsCoordinator)
        {
            var coaching = CoachingTexts.Resolve(texts.Language);
            var exchanges = ExchangeTexts.Resolve(texts.Language);
            commands.Add((coaching.NewSessionCommands[0], texts.HelpCommandNewSession));
            commands.Add((coaching.ImportCommands[0], texts.HelpCommandImportSessions));
            commands.Add((exchanges.ProgressCommands[0], texts.HelpCommandExchangeProgress));
            commands.Add((exchanges.ExportCommands[0], texts.HelpCommandExportExchanges));
            commands.Add((exchanges.StuckCommands[0], texts.HelpCommandStuckApplications));
        }

        return cards.Help(texts, commands);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);

        // Help in the middle of a question: the card of what the bot can do, then the base class says how to go on
        // and asks the question again.
        var activity = outerDc.Context.Activity;
        if (activity.IsType(ActivityTypes.Message))
        {
            var interruption = InterruptionRecognizer.Recognize(activity.Text);
            if (interruption == InterruptionKind.Help)
            {
                await SendCardAsync(outerDc, HelpCard(outerDc.Context), cancellationToken).ConfigureAwait(false);
            }
            else if (interruption == InterruptionKind.None
                && await TryAnswerAnotherRequestAsync(outerDc, cancellationToken).ConfigureAwait(false) is { } answered)
            {
                return answered;
            }
        }
        else if (activity.IsType(ActivityTypes.Invoke)
            && await TryAnswerAnotherRequestAsync(outerDc, cancellationToken).ConfigureAwait(false) is { } clicked)
        {
            // An Action.Execute click of a menu or list button while a question waits: the same as its Action.Submit.
            return clicked;
        }

        return await base.ContinueDialogAsync(outerDc, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EnsureProfileAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // What the user asked is kept: after a first-use profile capture it is still answered.
        var activity = step.Context.Activity;
        var action = ReadCardAction(activity);
        var data = ReadCardData(activity);
        if (step.Options is PendingRequest pending)
        {
            // Asked for while another journey waited, and the user chose to leave that one.
            Keep(step.Values, pending);
        }
        else if (action == ContinuePrivatelyAction)
        {
            // The button of the card sent here for a request typed in a group: it is that request, typed again.
            var replayed = data is { } d && CardInput.TryGetText(d, "text", out var text) ? text : null;
            Keep(step.Values, new PendingRequest(replayed is null ? null : Utf16Text.Cut(replayed.Trim(), MaxReplayedText), null, null));
        }
        else
        {
            Keep(step.Values, new PendingRequest(MessageText.ForUnderstanding(activity), action, data is { } raw ? raw.GetRawText() : null));
        }

        var profile = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (profile is not null)
        {
            return await step.NextAsync(profile, cancellationToken).ConfigureAwait(false);
        }

        // "delete my data" needs no profile: started at once; the routing step then ends.
        if (step.GetValue<string>(ActionKey) is null && DeleteDataJourney.IsCommand(step.GetValue<string>(TextKey))
            && CommandOf(step.GetValue<string>(TextKey)) is { } unprofiled)
        {
            var start = new JourneyStart(Intent.None, IntentEntities.Empty, step.GetValue<string>(TextKey), null, null);
            return MustContinuePrivately(step, unprofiled, start)
                ? await ContinuePrivatelyAsync(step, unprofiled, start, cancellationToken).ConfigureAwait(false)
                : await step.BeginDialogAsync(unprofiled.Dialog.Id, start, cancellationToken).ConfigureAwait(false);
        }

        // A question about what the bot keeps, before giving it anything: answered, without the first-use questions.
        if (step.GetValue<string>(DataKey) is null && IsPrivacyQuestion(step.GetValue<string>(ActionKey), step.GetValue<string>(TextKey)))
        {
            await step.Context.SendActivityAsync(step.Context.GetTexts().PrivacyAnswer, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // "cancel" with nothing in progress (no profile yet, so nothing started): said so, as for someone with a
        // profile — not the first-use questions, which the next "cancel" would then cancel, and so on.
        if (step.GetValue<string>(ActionKey) is null && step.GetValue<string>(DataKey) is null
            && InterruptionRecognizer.Recognize(step.GetValue<string>(TextKey)) == InterruptionKind.Cancel)
        {
            if (!await PointedToWaitingThreadAsync(step, cancellationToken).ConfigureAwait(false))
            {
                await step.Context.SendActivityAsync(step.Context.GetTexts().NothingToCancel, cancellationToken).ConfigureAwait(false);
            }

            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // A question's or a form's button (not a menu button) clicked by someone with no profile: nothing of theirs
        // waits for it — in a group it is someone else's card (or an ended question's), in a 1:1 chat a card from before
        // their data was deleted. Said so, and nothing is started: the first-use questions wait until they write to the
        // bot (they used to start on the click, in front of the group, for whoever clicked).
        if (step.GetValue<string>(ActionKey) is null
            && (IsChoiceClick(step.GetValue<string>(DataKey)) || CarriesFormId(step.GetValue<string>(DataKey))))
        {
            var texts = step.Context.GetTexts();
            var answer = step.Context.Activity.IsGroupConversation()
                ? texts.ButtonNotForYou(step.Context.Activity.BotName())
                : texts.ButtonBeforeProfile;
            step.Context.TurnState[ButtonAnsweredTurnKey] = answer;
            await step.Context.SendActivityAsync(answer, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // Asked in a group for something personal: the 1:1 chat, where the profile is asked for too.
        if (step.Context.Activity.IsGroupConversation())
        {
            var (journey, start, intent, entities) = await RequestedAsync(step, profileComplete: false, cancellationToken).ConfigureAwait(false);
            if (journey is not null && journey.IsPersonal(start))
            {
                return await ContinuePrivatelyAsync(step, journey, start, cancellationToken).ConfigureAwait(false);
            }

            // A card's button in the group — another member's search results, the sessions' list — clicked by someone
            // with no profile: judged on its own, as anyone's click is (a shared card's action needs no profile, and a
            // feature's own checks say whom an action is for), not met with the first-use questions in front of the
            // group. A button no feature takes (the menu of someone's help card, an old card's) is said to be someone
            // else's, as a question's is. The first-use questions wait until they write to the bot.
            if (step.GetValue<string>(ActionKey) is not null)
            {
                if (journey is not null)
                {
                    return await step.BeginDialogAsync(journey.Dialog.Id, start, cancellationToken).ConfigureAwait(false);
                }

                if (step.GetValue<string>(RoleRefusedKey) is nameof(RoleRefusal.Coordinators))
                {
                    await RefuseRoleCommandAsync(step.Context, RoleRefusal.Coordinators, step.GetValue<string>(ActionKey), cancellationToken).ConfigureAwait(false);
                    return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
                }

                var notTheirs = step.Context.GetTexts().ButtonNotForYou(step.Context.Activity.BotName());
                step.Context.TurnState[ButtonAnsweredTurnKey] = notTheirs;
                await step.Context.SendActivityAsync(notTheirs, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            // An answer to the first-use questions posted outside their thread of a channel: pointed there, not asked
            // them all over again in this one.
            if (journey is null && AsksForNothingNew(step, intent)
                && await PointedToWaitingThreadAsync(step, cancellationToken).ConfigureAwait(false))
            {
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            // Answered here after the profile: keep what was understood for the routing step.
            step.Values[UnderstoodKey] = JsonSerializer.Serialize(new Understood(intent, entities), BotStateJson);
        }

        step.Values[NewProfileKey] = true;
        return await step.BeginDialogAsync(ProfileDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not UserProfile)
        {
            // The profile capture gave up; the next message starts it again.
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // A journey request typed at the first-use organisation question ("I need a dyeing partner in Italy"): kept
        // there instead of being saved as the organisation, and run now, as if typed after the profile.
        var afterProfile = ProfileDialog.RequestAfterProfile(step.Context);
        if (afterProfile is { } request)
        {
            Keep(step.Values, new PendingRequest(request, null, null));
            step.Values[UnderstoodKey] = null;
        }

        var texts = step.Context.GetTexts();
        var newProfile = step.GetValue<bool>(NewProfileKey);
        // A request kept at the first-use questions is asked now that the profile is there: "who is CLUTEX?" typed at the
        // organisation question gets CLUTEX's details (NamedOrganisation), as it would typed after the profile.
        var (started, start, intent, entities) = await RequestedAsync(step, profileComplete: !newProfile || afterProfile is not null, cancellationToken).ConfigureAwait(false);

        // In a channel, a message outside the thread where this member's question waits (a new post is another
        // conversation, which that question never hears of) that asks for nothing new: told to answer there — it used
        // to get "I didn't understand" (or "nothing to cancel") here while the question went on waiting. A request
        // (a command, a journey, help, a greeting…) is answered here as usual.
        if (started is null && !newProfile && AsksForNothingNew(step, intent)
            && await PointedToWaitingThreadAsync(step, cancellationToken).ConfigureAwait(false))
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (started is not null)
        {
            return MustContinuePrivately(step, started, start)
                ? await ContinuePrivatelyAsync(step, started, start, cancellationToken).ConfigureAwait(false)
                : await step.BeginDialogAsync(started.Dialog.Id, start, cancellationToken).ConfigureAwait(false);
        }

        switch (intent)
        {
            case var journey when Journeys.Contains(journey):
                return await step.BeginDialogAsync(ComingSoonDialog.IdFor(journey), entities, cancellationToken).ConfigureAwait(false);
            case Intent.Help:
                await SendCardAsync(step, HelpCard(step.Context), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Cancel:
                // Routed, so nothing is running ("cancel" inside a question is the interruption's): say what can be.
                await step.Context.SendActivityAsync(texts.NothingToCancel, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when !newProfile && step.GetValue<string>(SmallTalkKey) is { } smallTalk && Enum.TryParse<SmallTalkKind>(smallTalk, out var talk):
                await AnswerSmallTalkAsync(step, talk, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when step.GetValue<bool>(PrivacyQuestionKey):
                await step.Context.SendActivityAsync(texts.PrivacyAnswer, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when step.GetValue<bool>(RulesQuestionKey):
                await step.Context.SendActivityAsync(texts.ExchangeRules, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when step.GetValue<string>(RoleRefusedKey) is { } refused && Enum.TryParse<RoleRefusal>(refused, out var refusal)
                && refusal != RoleRefusal.None:
                // "tenho candidaturas para aprovar?" from someone who approves nothing: not an application form.
                await RefuseRoleCommandAsync(step.Context, refusal, step.GetValue<string>(ActionKey), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when step.GetValue<bool>(StartOverKey):
                // "start over" with nothing in progress (or the root begun again by it): said once, then the menu.
                if (!step.Context.Responded)
                {
                    await step.Context.SendActivityAsync(texts.StartingOver, cancellationToken).ConfigureAwait(false);
                }

                await SendCardAsync(step, cards.Welcome(texts), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when !newProfile && step.GetValue<bool>(DeclinedKey):
                // "I don't want to apply": nothing started, and no "I didn't understand".
                await step.Context.SendActivityAsync(texts.Declined, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when !newProfile && step.GetValue<string>(ActionKey) is null && CarriesFormId(step.GetValue<string>(DataKey)):
                // A form's button after its dialog ended ("start over", cancel, a finished or expired dialog): no prompt
                // took it, so nothing of it was saved or sent — said so, instead of a silent menu. Unless its feature
                // knows the click: the second click of a double click on Save, the first having saved it.
                if (await EndedFormAnsweredAsync(step.Context, step.GetValue<string>(DataKey), cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                step.Context.TurnState[FormEndedTurnKey] = true;
                await step.Context.SendActivityAsync(ConversationTurn.Plain(texts.FormEnded), cancellationToken).ConfigureAwait(false);
                await SendCardAsync(step, cards.Welcome(texts), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when !newProfile && CarriesFileOrImage(step.Context.Activity):
                await step.Context.SendActivityAsync(texts.CannotReadAttachments, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when step.GetValue<string>(TextKey) is { Length: > 0 } && !newProfile:
                await step.Context.SendActivityAsync(texts.DidNotUnderstand, cancellationToken).ConfigureAwait(false);
                await SendCardAsync(step, HelpCard(step.Context), cancellationToken).ConfigureAwait(false);
                break;
            default:
                // A choice button of a question that has ended — the second click of a double click on the step-by-step
                // application's "Submit for approval" — may be known to its feature (said submitted already, not the menu).
                if (!newProfile && step.GetValue<string>(ActionKey) is null && IsChoiceClick(step.GetValue<string>(DataKey))
                    && await EndedFormAnsweredAsync(step.Context, step.GetValue<string>(DataKey), cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                // Any other button of a question that is over ("Čeština" on an old language card, the Keep of an edit
                // answered step by step that has ended): said so, then the menu.
                if (!newProfile && step.GetValue<string>(ActionKey) is null && IsChoiceClick(step.GetValue<string>(DataKey))
                    && IsQuestionButton(step.Context.Activity))
                {
                    await step.Context.SendActivityAsync(
                        ConversationTurn.Plain(step.Context.Activity.IsGroupConversation() ? texts.QuestionEndedInGroup : texts.QuestionEnded),
                        cancellationToken).ConfigureAwait(false);
                }

                // A greeting right after the profile, an empty message, the help card's menu button: the menu.
                await SendCardAsync(step, cards.Welcome(texts), cancellationToken).ConfigureAwait(false);
                break;
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Set in a turn's state (to the chat's answer) when a button was answered without running anything — a question's
    /// button clicked by someone with no profile; <see cref="HiTechTexBot"/> answers an Action.Execute click with it.
    /// </summary>
    public const string ButtonAnsweredTurnKey = "htt.buttonAnswered";

    /// <summary>Set in a turn's state when a form's button arrived after its dialog ended (<see cref="HiTechTexBot"/> answers the click with it).</summary>
    public const string FormEndedTurnKey = "htt.formEnded";

    /// <summary>Whether a feature recognised and answered a button of its ended form (<see cref="IEndedFormResponder"/>).</summary>
    private async Task<bool> EndedFormAnsweredAsync(ITurnContext context, string? data, CancellationToken cancellationToken)
    {
        if (data is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(data);
        foreach (var responder in services.GetServices<IEndedFormResponder>())
        {
            if (await responder.TryAnswerAsync(context, document.RootElement, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a click is a question's button: a prompt's (it carries the prompt's id, <see cref="PromptButtons"/>), or the
    /// Keep of a step-by-step application question (<see cref="ExchangeCards.IsKeepClick"/>), whose cards sent before
    /// buttons carried an id have none.
    /// </summary>
    private static bool IsQuestionButton(Activity activity) =>
        PromptButtons.PromptIdOf(activity) is not null || activity.Value is { } value && ExchangeCards.IsKeepClick(value);

    /// <summary>Whether the card data is a choice prompt's button (<c>{"choice": …}</c>, no form id).</summary>
    private static bool IsChoiceClick(string? data)
    {
        if (data is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && CardInput.TryGetText(document.RootElement, "choice", out var choice) && !string.IsNullOrEmpty(choice)
                && !document.RootElement.TryGetProperty(CardFormPrompt.FormIdKey, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool CarriesFormId(string? data)
    {
        if (data is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(CardFormPrompt.FormIdKey, out var formId) && formId.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// A pasted image or a shared file (Teams sends the image as an <c>image/*</c> attachment, often with an HTML copy of
    /// the message, and a file as a download-info attachment): the bot cannot read either, and saying so beats "I
    /// didn't understand". Adaptive Card and HTML attachments are not files.
    /// </summary>
    internal static bool CarriesFileOrImage(Activity activity) =>
        activity.IsType(ActivityTypes.Message) && activity.Attachments?.Any(a =>
            a.ContentType is { } type
            && (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
                || string.Equals(type, "application/vnd.microsoft.teams.file.download.info", StringComparison.OrdinalIgnoreCase))) == true;

    /// <summary>A greeting gets a hello by name and the menu; thanks, an acknowledgement or a goodbye a short answer.</summary>
    private async Task AnswerSmallTalkAsync(WaterfallStepContext step, SmallTalkKind talk, CancellationToken cancellationToken)
    {
        var texts = step.Context.GetTexts();
        switch (talk)
        {
            case SmallTalkKind.Greeting:
                var profile = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
                if (step.Context.Activity.IsGroupConversation() && MentionHelper.Mention(step.Context.Activity.From) is { } mention)
                {
                    // In a group the hello @mentions whom it answers (the name shown is Teams', the tag's text exactly
                    // as in the entity); the plain greeting by the profile's name could carry no mention, which went
                    // onto the menu card below as a bare "@Ana" line instead.
                    await step.Context.SendActivityAsync(
                        new Activity { Type = ActivityTypes.Message, Text = texts.GreetingMentioning(mention.Text!), Entities = [mention] },
                        cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await step.Context.SendActivityAsync(ConversationTurn.Plain(texts.Greeting(profile?.Name ?? "")), cancellationToken).ConfigureAwait(false);
                }

                await SendCardAsync(step, cards.Welcome(texts), cancellationToken).ConfigureAwait(false);
                break;
            case SmallTalkKind.Thanks:
                await step.Context.SendActivityAsync(texts.YouAreWelcome, cancellationToken).ConfigureAwait(false);
                break;
            case SmallTalkKind.Goodbye:
                await step.Context.SendActivityAsync(texts.Goodbye, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await step.Context.SendActivityAsync("👍", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private IJourney? JourneyFor(string? action, Intent intent) => action is null
        ? LoadedJourneys.FirstOrDefault(j => j.Intents.Contains(intent))
        : LoadedJourneys.FirstOrDefault(j => j.CardActions.Contains(action)) ?? LoadedJourneys.FirstOrDefault(j => j.Intents.Contains(intent));

    /// <summary>
    /// What the turn asks for: the journey it starts (a typed command, a card action, or the recognized intent) with
    /// its start, else none and the intent for the main dialog's own answers (help, cancel, the menu…).
    /// </summary>
    /// <param name="profileComplete">
    /// The profile was saved before this message: only then is an organisation's name typed alone a partner search
    /// (<see cref="NamedOrganisation"/>); a first message is kept for after the first-use questions, which it does not answer.
    /// </param>
    private async Task<(IJourney? Journey, JourneyStart Start, Intent Intent, IntentEntities Entities)> RequestedAsync(
        WaterfallStepContext step, bool profileComplete, CancellationToken cancellationToken)
    {
        var action = step.GetValue<string>(ActionKey);
        var typed = step.GetValue<string>(TextKey);

        // Folded once, and matched against the role commands once, for all the checks below (a button's turn: neither).
        var text = action is null ? FoldedText.Of(typed) : default;
        var exact = ExactRoleCommandOf(text);

        // A coordinator's card button clicked by someone who is no coordinator: refused like the typed command.
        if (CoordinatorButtonRefused(step.Context, action))
        {
            step.Values[RoleRefusedKey] = nameof(RoleRefusal.Coordinators);
            return (null, new JourneyStart(Intent.None, IntentEntities.Empty, null, null, null), Intent.None, IntentEntities.Empty);
        }

        // A role's command typed as the menu has it ("pending approvals", "candidaturas bloqueadas"): decided against the
        // person's roles in one place (RoleCommandOfAsync), like the same command in one's own words below — someone
        // without the role is told whom it is for, and what they can do instead, not shown an empty list.
        if (exact != RoleCommand.None && await RoleCommandOfAsync(step.Context, text, exact, cancellationToken).ConfigureAwait(false) is { } exactRole)
        {
            step.Values[RoleRefusedKey] = exactRole.Refusal.ToString();
            return (exactRole.Journey, new JourneyStart(Intent.None, IntentEntities.Empty, exactRole.Command, null, null), Intent.None, IntentEntities.Empty);
        }

        if (action is null && CommandOf(text) is { } commanded)
        {
            return (commanded, new JourneyStart(Intent.None, IntentEntities.Empty, typed, null, null), Intent.None, IntentEntities.Empty);
        }

        // "do you delete my data after the exchange?", "o que guardam sobre mim?": what the bot keeps and how to delete
        // it — not the application form (before the rules: "how long do you keep my data after the exchange?").
        if (IsPrivacyQuestion(action, typed))
        {
            step.Values[PrivacyQuestionKey] = true;
            return (null, new JourneyStart(Intent.None, IntentEntities.Empty, typed, null, null), Intent.None, IntentEntities.Empty);
        }

        // "quantos intercâmbios posso fazer?": the rules — not a coordinator's progress figures, nor the application form.
        if (action is null && RulesQuestionRecognizer.IsRulesQuestion(typed) && InterruptionRecognizer.Recognize(typed) == InterruptionKind.None)
        {
            step.Values[RulesQuestionKey] = true;
            return (null, new JourneyStart(Intent.None, IntentEntities.Empty, typed, null, null), Intent.None, IntentEntities.Empty);
        }

        // A role command in one's own words ("tenho candidaturas para aprovar?"). An exact one was decided above, once:
        // asking again would give the same answer (none).
        if (action is null && exact == RoleCommand.None
            && await RoleCommandOfAsync(step.Context, text, exact, cancellationToken).ConfigureAwait(false) is { } role)
        {
            step.Values[RoleRefusedKey] = role.Refusal.ToString();
            return (role.Journey, new JourneyStart(Intent.None, IntentEntities.Empty, role.Command, null, null), Intent.None, IntentEntities.Empty);
        }

        var (intent, entities) = await UnderstandAsync(step, profileComplete, cancellationToken).ConfigureAwait(false);
        if (step.GetValue<string>(NamedOrganisationKey) is { } organisationId)
        {
            // "CITEVE", "who is NTT?": that organisation's details, as its Details button in the search's results shows them.
            var detail = NamedOrganisation.DetailStart(organisationId, typed, entities);
            return (JourneyFor(detail.CardAction, intent), detail, intent, entities);
        }

        var start = new JourneyStart(intent, entities, action is null ? typed : null, action, ReadData(step));
        return (JourneyFor(action, intent), start, intent, entities);
    }

    /// <summary>A typed question about what the bot keeps or deletes (not the request "delete my data", nor a command word).</summary>
    private static bool IsPrivacyQuestion(string? action, string? typed) =>
        action is null && PrivacyQuestion.IsQuestion(typed) && !DeleteDataRequest.IsRequest(typed)
        && InterruptionRecognizer.Recognize(typed) == InterruptionKind.None;

    /// <summary>
    /// A typed message that asks for nothing the bot would start or answer (what would be "I didn't understand", a
    /// "cancel", an acknowledgement, an empty mention): in a channel it may be the answer to a question waiting elsewhere.
    /// </summary>
    private static bool AsksForNothingNew(WaterfallStepContext step, Intent intent) =>
        step.GetValue<string>(ActionKey) is null && step.GetValue<string>(DataKey) is null
        && intent is Intent.None or Intent.Cancel
        && !step.GetValue<bool>(PrivacyQuestionKey) && !step.GetValue<bool>(RulesQuestionKey) && !step.GetValue<bool>(StartOverKey)
        && step.GetValue<string>(RoleRefusedKey) is null
        && step.GetValue<string>(SmallTalkKey) is not nameof(SmallTalkKind.Greeting) and not nameof(SmallTalkKind.Goodbye)
            and not nameof(SmallTalkKind.Thanks);

    /// <summary>
    /// When the sender's dialog waits in another thread of this channel (<see cref="ConversationStates.WaitingThreadElsewhereAsync"/>),
    /// says so — answer there, with the bot's mention — with a link to that thread when Teams gave what it needs; true
    /// when it did.
    /// </summary>
    private async Task<bool> PointedToWaitingThreadAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        if (ConversationStates.ChannelOf(context.Activity) is null)
        {
            return false;
        }

        var expiry = services.GetService<Microsoft.Extensions.Options.IOptions<ConversationOptions>>()?.Value.DialogExpiry ?? TimeSpan.Zero;
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        if (await states.WaitingThreadElsewhereAsync(context, expiry, now, cancellationToken).ConfigureAwait(false) is not { } thread)
        {
            return false;
        }

        var texts = context.GetTexts();
        var text = texts.AnswerInThread(context.Activity.BotName());
        if (ThreadLink(context.Activity, thread) is { } link)
        {
            text += $" [{texts.GoToThread}]({link})";
        }

        Log.PointedToWaitingThread(logger, context.Activity.Conversation?.Id, thread);
        await context.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The Teams deep link to a thread of the activity's channel
    /// (<c>https://teams.microsoft.com/l/message/{channel}/{root}?tenantId=…&amp;groupId=…&amp;parentMessageId={root}&amp;createdTime={root}</c>,
    /// a root message id being its creation time in milliseconds); null unless the tenant and the team's group are GUIDs
    /// and the root id is a number.
    /// </summary>
    internal static string? ThreadLink(Activity activity, string threadConversationId)
    {
        var channel = ConversationStates.ChannelOf(activity);
        var root = ConversationStates.ThreadRootOf(threadConversationId);
        var team = activity.GetTeamsChannelData().Team;
        if (channel is null || root is not { Length: <= 20 } || !root.All(char.IsAsciiDigit)
            || !Guid.TryParse(activity.GetTenantId(), out var tenant) || !Guid.TryParse(team?.AadGroupId, out var group))
        {
            return null;
        }

        return $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel)}/{root}?tenantId={tenant:D}&groupId={group:D}&parentMessageId={root}&createdTime={root}";
    }

    private static bool MustContinuePrivately(WaterfallStepContext step, IJourney journey, JourneyStart start) =>
        step.Context.Activity.IsGroupConversation() && journey.IsPersonal(start);

    /// <summary>
    /// A personal journey asked for in a group chat or a channel: its start goes to the person's 1:1 chat as a card
    /// whose button asks again (the typed text, or the card button's data), and the group is told — mentioning the
    /// person — that it continues there, or that no 1:1 chat could be reached. Nothing of the journey runs here.
    /// </summary>
    private async Task<DialogTurnResult> ContinuePrivatelyAsync(WaterfallStepContext step, IJourney journey, JourneyStart start, CancellationToken cancellationToken)
    {
        var activity = step.Context.Activity;
        var texts = step.Context.GetTexts();
        var action = step.GetValue<string>(ActionKey);
        var typed = Utf16Text.Cut(step.GetValue<string>(TextKey) ?? "", MaxReplayedText);
        JsonObject replay;
        if (action is null)
        {
            replay = new JsonObject { ["action"] = ContinuePrivatelyAction, ["text"] = typed };
        }
        else
        {
            replay = step.GetValue<string>(DataKey) is { Length: > 0 and <= MaxReplayedData } raw && JsonNode.Parse(raw) is JsonObject data
                ? data
                : new JsonObject { ["action"] = action };
        }

        // A button says nothing by itself: the journey names what it asked for (and may make Continue ask less).
        var request = action is null ? MessageText.ForDisplay(activity, typed) : null;
        string? handOffNote = null;
        if (action is not null && await journey.HandOffAsync(start, texts.Language, activity.LocalTimezone, activity.From?.AadObjectId, cancellationToken).ConfigureAwait(false) is { } handOff)
        {
            request = handOff.Request;
            replay = handOff.Replay;
            handOffNote = handOff.Note;
        }

        var card = cards.ContinuePrivately(texts, request, replay, handOffNote);
        var result = await SendPrivatelyAsync(step.Context, ConversationCards.AsMessage(card), cancellationToken).ConfigureAwait(false);
        Log.ContinuedPrivately(logger, activity.Conversation?.Id, result.Status.ToString());
        var text = result.IsSent ? texts.ContinuedPrivately : texts.CannotContinuePrivately;
        if (!result.IsSent && PrivateChatLink(activity.Recipient?.Id) is { } link)
        {
            text += $" [{texts.OpenPrivateChat}]({link})";
        }

        var note = MentionHelper.MentionMessage(activity.From, text);
        await step.Context.SendActivityAsync(note, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="message"/> to the sender's 1:1 chat (by their Entra object id and tenant); a refusal by the
    /// connector, a network failure or no messenger is <see cref="ProactiveSendStatus.NoReference"/> — the group still
    /// gets its answer.
    /// </summary>
    private async Task<ProactiveSendResult> SendPrivatelyAsync(ITurnContext context, Activity message, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        try
        {
            return await services.GetRequiredService<IProactiveMessenger>()
                .SendToPersonAsync(null, activity.From?.AadObjectId, activity.GetTenantId(), message, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.PrivateChatFailed(logger, activity.Conversation?.Id, exception);
            return new ProactiveSendResult(ProactiveSendStatus.NoReference);
        }
    }

    /// <summary>
    /// The Teams deep link that opens a 1:1 chat with the bot (<c>https://teams.microsoft.com/l/chat/0/0?users=28:{appId}</c>,
    /// the form Microsoft's bot hand-off documentation uses); null unless the bot's account id is <c>28:</c> and a GUID.
    /// </summary>
    internal static string? PrivateChatLink(string? botId) =>
        botId is { Length: > 3 } && botId.StartsWith("28:", StringComparison.Ordinal) && Guid.TryParseExact(botId[3..], "D", out var appId)
            ? $"https://teams.microsoft.com/l/chat/0/0?users=28:{appId:D}"
            : null;

    /// <summary>The recognizer's answer kept across the first-use questions.</summary>
    private sealed record Understood(Intent Intent, IntentEntities? Entities);

    private async Task<(Intent Intent, IntentEntities Entities)> UnderstandAsync(WaterfallStepContext step, bool profileComplete, CancellationToken cancellationToken)
    {
        var action = step.GetValue<string>(ActionKey);
        if (action is not null)
        {
            return (IntentOfAction(action), IntentEntities.Empty);
        }

        var text = step.GetValue<string>(TextKey);
        if (string.IsNullOrEmpty(text))
        {
            return (Intent.None, IntentEntities.Empty);
        }

        switch (InterruptionRecognizer.Recognize(text))
        {
            case InterruptionKind.Help:
                return (Intent.Help, IntentEntities.Empty);
            case InterruptionKind.Cancel:
                return (Intent.Cancel, IntentEntities.Empty);
            case InterruptionKind.StartOver:
                step.Values[StartOverKey] = true;
                return (Intent.None, IntentEntities.Empty);
        }

        // "hello", "thanks", "ok", "bye": answered as such, without the recognizer (nor an Azure OpenAI call).
        if (SmallTalk.Recognize(text) is not SmallTalkKind.None and var talk)
        {
            step.Values[SmallTalkKey] = talk.ToString();
            return (Intent.None, IntentEntities.Empty);
        }

        // Understood already when the first-use step had to decide whether a group request was personal (one
        // recognizer call — an Azure OpenAI request when configured — per message, not two).
        if (step.GetValue<string>(UnderstoodKey) is { Length: > 0 } understood
            && JsonSerializer.Deserialize<Understood>(understood, BotStateJson) is { } earlier)
        {
            return (earlier.Intent, earlier.Entities ?? IntentEntities.Empty);
        }

        var recognized = await recognizer.RecognizeAsync(text, step.Context.UnderstandingLocale(), step.Context.UnderstandingTimeZone(), cancellationToken).ConfigureAwait(false);
        Log.Routed(logger, recognized.Intent.ToString(), recognized.Score, recognized.Source, step.Context.Activity.Conversation?.Id);
        if (recognized.Declined)
        {
            step.Values[DeclinedKey] = true;
        }

        // Nothing understood: an organisation's name typed alone or asked about ("CITEVE", "who is NTT?", "kdo je
        // CLUTEX?") is a partner search for it — the directory says what is a name — rather than "I didn't understand".
        if (profileComplete && recognized is { Intent: Intent.None, Declined: false } && services.GetService<IOrganisationLookup>() is { } lookup
            && await NamedOrganisation.FindAsync(lookup, text, cancellationToken).ConfigureAwait(false) is { Id: { } id } named)
        {
            Log.Routed(logger, nameof(Intent.FindPartners), 1, NamedOrganisation.SourceName, step.Context.Activity.Conversation?.Id);
            step.Values[NamedOrganisationKey] = id;
            return (Intent.FindPartners, new IntentEntities { Keywords = [named.Name] });
        }

        return (recognized.Intent, recognized.Entities ?? IntentEntities.Empty);
    }

    /// <summary>The intent of a menu card's button; "welcome" (the help card's menu button) and the rest: none.</summary>
    private static Intent IntentOfAction(string action) => action switch
    {
        "findPartners" => Intent.FindPartners,
        "applyExchange" => Intent.ApplyForExchange,
        "bookSession" => Intent.RegisterForCoaching,
        "myApplications" => Intent.MyApplications,
        "mySessions" => Intent.MySessions,
        "help" => Intent.Help,
        _ => Intent.None,
    };

    /// <summary>
    /// The journey a whole typed message names as a command (<see cref="IJourney.Commands"/>, folded), if any — or
    /// "delete my data" asked in ordinary words (<see cref="DeleteDataJourney.IsCommand"/>).
    /// </summary>
    internal IJourney? CommandOf(string? text) => CommandOf(FoldedText.Of(text));

    /// <summary><see cref="CommandOf(string?)"/> of a text folded once for the turn.</summary>
    private IJourney? CommandOf(FoldedText text) => text.Folded is not { } folded
        ? null
        : LoadedJourneys.FirstOrDefault(j => TypedCommand.ContainsFolded(j.Commands, folded))
            ?? (DeleteDataJourney.IsCommand(text.Text) ? LoadedJourneys.OfType<DeleteDataJourney>().FirstOrDefault() : null);

    /// <summary>
    /// A typed text with its folded form (<see cref="TypedCommand.Fold"/>; null for no text, or only spaces): folded once,
    /// where a turn checks the same text against several command lists.
    /// </summary>
    private readonly record struct FoldedText(string? Text, string? Folded)
    {
        public static FoldedText Of(string? text) => new(text, string.IsNullOrWhiteSpace(text) ? null : TypedCommand.Fold(text));
    }

    private static JsonElement? ReadData(WaterfallStepContext step)
    {
        if (step.GetValue<string>(DataKey) is not { Length: > 0 } raw)
        {
            return null;
        }

        using var document = JsonDocument.Parse(raw);
        return document.RootElement.Clone();
    }

    private static Task SendCardAsync(DialogContext dc, Attachment card, CancellationToken cancellationToken) =>
        dc.Context.SendActivityAsync(ConversationCards.AsMessage(card), cancellationToken);
}
