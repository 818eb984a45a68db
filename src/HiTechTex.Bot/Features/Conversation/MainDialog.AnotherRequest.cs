using System.Text.Json;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>Another request while a journey waits: answered on top, or asked about leaving what waits.</summary>
internal sealed partial class MainDialog
{
    /// <summary>
    /// A message that asks for something else while a journey waits — a menu or list card's button (an
    /// <c>Action.Submit</c> with a <c>data.action</c> and no form id, or the same <c>Action.Execute</c>: both are read
    /// alike at every waiting question or form), or, while a card form waits (typed text is never
    /// its answer), a typed request the recognizer understands; while a question waits, a whole typed command ("my
    /// applications": no one answers "Which organisation will host you?" with that). Without this the waiting form answered "This form is
    /// no longer active" to the welcome card's buttons and "Please fill in the form above" to "my sessions". A
    /// one-turn request (<see cref="IJourney.AnswersInOneTurn"/>), the help or welcome card are answered on top of the
    /// waiting stack, which is left as it was, and the user is reminded of what waits; a journey that waits itself is
    /// begun only after the user says yes to leaving (<see cref="AskToLeaveAsync"/>); the waiting journey asked for
    /// again gets the reminder, and a button asking for what is under way already (<see cref="IsSameRequestAsUnderway"/>)
    /// is said to be so, as typed. Returns null to let the waiting dialog take the message as before: in a group (each
    /// member's dialog is their own, and personal journeys do not run there), during the first-use questions, for a
    /// card-form submit (but a one-turn journey's form, e.g. a coordinator's session form, whose data carries its own
    /// form id: answered on top like its other buttons) or a choice button, and for typed text other than a command or a rules question while a question (not a form) waits.
    /// At "leave what we started?" a whole typed command and a menu or list card's button — an <c>Action.Execute</c> one
    /// too — are answered as a request there (<see cref="AnswerLeaveWithCommandAsync"/>, <see cref="AnswerLeaveWithButtonAsync"/>),
    /// and the buttons of the waiting form or question below it do what they do there (<see cref="AnswerLeaveWithTheClickBelowAsync"/>).
    /// </summary>
    private async Task<DialogTurnResult?> TryAnswerAnotherRequestAsync(DialogContext outerDc, CancellationToken cancellationToken)
    {
        var context = outerDc.Context;
        var activity = context.Activity;
        if (activity.IsGroupConversation() || outerDc.ActiveDialog is not { } instance)
        {
            return null;
        }

        if (ReadCardData(activity) is { } clicked
            && CreateInnerContext(context, instance, outerDc) is { ActiveDialog.Id: LeavePromptId } atLeave
            && IsClickOfWhatWaitsBelow(atLeave, activity, clicked))
        {
            return await AnswerLeaveWithTheClickBelowAsync(outerDc, atLeave, clicked, cancellationToken).ConfigureAwait(false);
        }

        string? typed = null;
        var action = ReadCardAction(activity);
        JsonElement? data = null;
        var ownFormId = false;
        if (action is not null)
        {
            data = ReadCardData(activity);
            if (data is { } submitted && submitted.TryGetProperty(CardFormPrompt.FormIdKey, out _))
            {
                // A form's own submit (this one's, or an old one's that the prompt declines) — unless the button is a
                // one-turn journey's, whose cards carry a form id of their own (a coordinator's session form): decided
                // below, once the waiting journey is known.
                if (!ClaimedByOneTurnJourney(action))
                {
                    return null;
                }

                ownFormId = true;
            }

            if (action == ContinuePrivatelyAction)
            {
                typed = data is { } d && CardInput.TryGetText(d, "text", out var replayed) && replayed is not null
                    ? Utf16Text.Cut(replayed.Trim(), MaxReplayedText)
                    : null;
                (action, data) = (null, null);
            }
        }
        else if (activity.Value is null)
        {
            typed = MessageText.ForUnderstanding(activity);
        }

        if (action is null && string.IsNullOrEmpty(typed))
        {
            return null;
        }

        // Which journey waits, and for what: the main dialog's inner stack holds the journey; its own stack the prompt.
        var innerDc = CreateInnerContext(context, instance, outerDc);
        var runningId = innerDc.ActiveDialog?.Id;
        if (runningId == ProfileDialog.DialogId && action is null && DeleteDataJourney.IsCommand(typed))
        {
            // "delete my data" during the first-use questions is no name nor organisation: like help and cancel it works
            // at any point (nothing is saved yet, so nothing is lost by leaving them).
            Log.AnotherRequest(logger, "delete my data", runningId, "left the first-use questions", activity.Conversation?.Id);
            return await RouteInsteadAsync(outerDc, innerDc, new PendingRequest(typed, null, null), cancellationToken).ConfigureAwait(false);
        }

        if (runningId == ProfileDialog.DialogId && action is not null)
        {
            return await AnswerProfileQuestionWithButtonAsync(outerDc, innerDc, action, data, cancellationToken).ConfigureAwait(false);
        }

        if (action is null && runningId is not (null or StepsId) && !WaitsForForm(innerDc)
            && AnswerOnTopOfAQuestion(context, typed) is { } answer)
        {
            // "what do you do with my data?" / "who can take part?" at the organisation, a date, the objectives: no
            // answer to that question (it was saved as the organisation, or refused as a date using a try) — what is kept or
            // the rules, then the same question again; the waiting dialog's state is not touched (no try used).
            Log.AnotherRequest(logger, answer.Kind, runningId, "answered on top of a question", activity.Conversation?.Id);
            await context.SendActivityAsync(answer.Text, cancellationToken).ConfigureAwait(false);
            await LeafOf(innerDc).RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (runningId == LeavePromptId && action is null && CommandOf(typed) is { } commandedAtLeave)
        {
            return await AnswerLeaveWithCommandAsync(outerDc, innerDc, commandedAtLeave, typed!, cancellationToken).ConfigureAwait(false);
        }

        if (runningId == LeavePromptId && action is not null)
        {
            return await AnswerLeaveWithButtonAsync(outerDc, innerDc, action, data, cancellationToken).ConfigureAwait(false);
        }

        if (runningId is null or StepsId or LeaveDialogId or LeavePromptId || runningId == ProfileDialog.DialogId
            || LoadedJourneys.FirstOrDefault(j => j.Dialog.Id == runningId) is not { } running)
        {
            return null;
        }

        if (ownFormId && ReferenceEquals(JourneyFor(action, Intent.None), running))
        {
            return null;   // the waiting journey's own form: its prompt's answer
        }

        var leafDc = LeafOf(innerDc);
        var waitsForForm = WaitsForForm(innerDc);

        // Typed text folded, and matched against the journeys' commands and the role commands, once for the checks below.
        var text = action is null ? FoldedText.Of(typed) : default;
        var commanded = CommandOf(text);
        // "who is CLUTEX?" at "my profile"'s organisation question: a question about that listed organisation, no answer.
        var askedOrganisationId = action is null && !waitsForForm && commanded is null && runningId == EditProfileDialog.DialogId
            && services.GetService<IOrganisationLookup>() is { } organisationLookup
                ? await ProfileDialog.OrganisationAskedAboutAtChangedQuestionAsync(leafDc, organisationLookup, cancellationToken).ConfigureAwait(false)
                : null;
        if (action is null && !waitsForForm && commanded is null && askedOrganisationId is null
            && !(runningId == EditProfileDialog.DialogId && ProfileDialog.IsRequestAtChangedQuestion(leafDc)))
        {
            // Typed text answers a question; only a whole command ("my applications") is another request (a rules or
            // privacy question asked as a question was answered on top above) — and at "my profile"'s name or
            // organisation question a sure request ("find partners in Italy"), which is no name, or a question about a
            // listed organisation ("who is CLUTEX?"): the user has a profile, so it is asked about like any other (it used
            // to be refused there, one of the question's tries).
            return null;
        }

        var texts = context.GetTexts();
        IJourney? requested;
        JourneyStart start;
        Attachment? card = null;
        if (action is not null && CoordinatorButtonRefused(context, action))
        {
            // The stuck list's "Retry now" from someone who is no coordinator, at a form or a question: whom it is for, on top.
            Log.AnotherRequest(logger, action, runningId, "refused on top", activity.Conversation?.Id);
            await RefuseRoleCommandAsync(context, RoleRefusal.Coordinators, action, cancellationToken).ConfigureAwait(false);
            await RemindAsync(leafDc, waitsForForm, running, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (action is not null)
        {
            var intent = IntentOfAction(action);
            card = action switch
            {
                "help" => HelpCard(context),
                "welcome" => cards.Welcome(texts),
                _ => null,
            };
            requested = JourneyFor(action, intent);
            start = new JourneyStart(intent, IntentEntities.Empty, null, action, data);
        }
        else if (SmallTalk.Recognize(typed) != SmallTalkKind.None)
        {
            return null;   // "thanks", "ok" at a form: the form's reminder
        }
        else if (commanded is null && IsPrivacyQuestion(action, typed))
        {
            // "do you delete my data after the exchange?" while the form waits: what is kept, and the form stays. (Not at
            // a question: there "how to store personal data in labs" may well be the answer, e.g. the objectives.)
            Log.AnotherRequest(logger, "privacy question", runningId, "answered on top", activity.Conversation?.Id);
            await context.SendActivityAsync(texts.PrivacyAnswer, cancellationToken).ConfigureAwait(false);
            await RemindAsync(leafDc, waitsForForm, running, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }
        else if (commanded is null && RulesQuestionRecognizer.IsRulesQuestion(typed))
        {
            // "how many exchanges can I do?" while the form waits: the rules, and the form stays.
            Log.AnotherRequest(logger, "rules question", runningId, "answered on top", activity.Conversation?.Id);
            await context.SendActivityAsync(texts.ExchangeRules, cancellationToken).ConfigureAwait(false);
            await RemindAsync(leafDc, waitsForForm, running, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }
        else if (ExactRoleCommandOf(text) is var exact && (exact != RoleCommand.None || commanded is null)
            && await RoleCommandOfAsync(context, text, exact, cancellationToken).ConfigureAwait(false) is { } role)
        {
            // "tenho candidaturas para aprovar?" while the application form waits: the approvals, not the form again;
            // "pending approvals" from someone who approves nothing, at a form or a question: whom it is for, on top.
            if (role.Journey is null)
            {
                Log.AnotherRequest(logger, "role command", runningId, "refused on top", activity.Conversation?.Id);
                await RefuseRoleCommandAsync(context, role.Refusal, null, cancellationToken).ConfigureAwait(false);
                await RemindAsync(leafDc, waitsForForm, running, cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            }

            requested = role.Journey;
            start = new JourneyStart(Intent.None, IntentEntities.Empty, role.Command, null, null);
        }
        else if (commanded is not null)
        {
            requested = commanded;
            start = new JourneyStart(Intent.None, IntentEntities.Empty, typed, null, null);
        }
        else
        {
            var recognized = await recognizer.RecognizeAsync(typed!, context.UnderstandingLocale(), context.UnderstandingTimeZone(), cancellationToken).ConfigureAwait(false);
            Log.Routed(logger, recognized.Intent.ToString(), recognized.Score, recognized.Source, activity.Conversation?.Id);
            var entities = recognized.Entities ?? IntentEntities.Empty;
            card = recognized.Intent == Intent.Help ? HelpCard(context) : null;
            requested = Journeys.Contains(recognized.Intent) ? JourneyFor(null, recognized.Intent) : null;
            start = new JourneyStart(recognized.Intent, entities, typed, null, null);
            if (askedOrganisationId is not null && recognized is { Intent: Intent.None, Declined: false })
            {
                // Nothing else understood: the partner search's details of the organisation asked about, as typed with
                // nothing waiting (UnderstandAsync) — which is how it runs if the user leaves for it.
                start = NamedOrganisation.DetailStart(askedOrganisationId, typed, entities);
                requested = JourneyFor(start.CardAction, Intent.FindPartners);
            }
        }

        var request = action ?? start.Intent.ToString();
        if (card is not null)
        {
            Log.AnotherRequest(logger, request, runningId, "card on top", activity.Conversation?.Id);
            await SendCardAsync(outerDc, card, cancellationToken).ConfigureAwait(false);
            await RemindAsync(leafDc, waitsForForm, running, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (requested is null)
        {
            return null;   // an action or intent no journey answers: the waiting dialog's own answer
        }

        if (action is null && !waitsForForm
            && (((ReferenceEquals(requested, running) || IsUnderway(innerDc, requested)) && TypedCommand.MatchesAny(requested.Commands, typed!))
                || TypedCommand.MatchesAny(running.SameRequestCommands, typed!)))
        {
            // "apply step by step" typed at one of its own questions (or "apply for exchange" at the step-by-step questions,
            // begun by the form's "Answer step by step" or not, the final Submit / Save draft / Cancel too): no answer to
            // the question — never stored as, say, the objectives — nor a new start that would drop the answers, but what
            // is under way already: said so, and the same question asked again (no try used).
            Log.AnotherRequest(logger, request, runningId, "already under way", activity.Conversation?.Id);
            await context.SendActivityAsync(texts.AlreadyUnderway, cancellationToken).ConfigureAwait(false);
            await leafDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (action is not null && !waitsForForm && IsSameRequestAsUnderway(innerDc, requested, data))
        {
            // The menu's "Apply for an exchange" at a step-by-step application question: what is under way already, as
            // the same request typed there is (above) — never an offer to leave the answers given for a new form.
            Log.AnotherRequest(logger, request, runningId, "already under way", activity.Conversation?.Id);
            await context.SendActivityAsync(texts.AlreadyUnderway, cancellationToken).ConfigureAwait(false);
            await leafDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (ReferenceEquals(requested, running))
        {
            if (!waitsForForm)
            {
                return null;   // the journey's own buttons (a choice, a step) are its answers
            }

            // The form asked for again (typed, or the menu's button): the one above is still open. A start that names
            // something else to open in it (a listed draft's Edit: its data carries the application) is another
            // request, asked about below.
            if (!NamesSomething(data))
            {
                Log.AnotherRequest(logger, request, runningId, "reminded", activity.Conversation?.Id);
                await RemindAsync(leafDc, waitsForForm, running, cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            }
        }
        else if (requested.AnswersInOneTurn)
        {
            // On a stack of its own that is not kept: the waiting journey's stack is not touched.
            Log.AnotherRequest(logger, request, runningId, "answered on top", activity.Conversation?.Id);
            var scratch = new DialogContext(Dialogs, context, new DialogState(), outerDc);
            var result = await scratch.BeginDialogAsync(requested.Dialog.Id, start, cancellationToken).ConfigureAwait(false);
            if (result.Status == DialogTurnStatus.Waiting)
            {
                Log.OneTurnJourneyWaited(logger, requested.Dialog.Id, activity.Conversation?.Id);
            }

            await RemindAsync(leafDc, waitsForForm, running, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        Log.AnotherRequest(logger, request, runningId, "asked to leave", activity.Conversation?.Id);
        await innerDc.BeginDialogAsync(LeaveDialogId, PendingRequest.Of(typed, action, data), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>
    /// A whole typed command at "leave what we started?" (<see cref="AskToLeaveAsync"/>) is no failed yes or no (no try
    /// is used): another journey's command — "find partners", "my sessions" — means "yes, leave it and do this", so what
    /// waited is left and that command routed as if just typed with nothing waiting (the request that brought the
    /// question is dropped for it); the waiting journey's own command (or one of its <see cref="IJourney.SameRequestCommands"/>)
    /// means "no, stay", answered as a no is: <see cref="ConversationTexts.KeepUnfinished"/> and the waiting question or
    /// form again; a role's command from someone without the role is refused on top and the question asked again. Help
    /// and cancel never get here (interruptions, read first).
    /// </summary>
    private async Task<DialogTurnResult> AnswerLeaveWithCommandAsync(
        DialogContext outerDc, DialogContext innerDc, IJourney commanded, string typed, CancellationToken cancellationToken)
    {
        var conversationId = outerDc.Context.Activity.Conversation?.Id;
        var text = FoldedText.Of(typed);
        if (ExactRoleCommandOf(text) is var exact && exact != RoleCommand.None
            && await RoleCommandOfAsync(outerDc.Context, text, exact, cancellationToken).ConfigureAwait(false) is { Journey: null } refused)
        {
            // "pending approvals" from someone who approves nothing: whom it is for, on top — nothing to leave for.
            Log.AnotherRequest(logger, "role command", LeavePromptId, "refused on top", conversationId);
            await RefuseRoleCommandAsync(outerDc.Context, refused.Refusal, null, cancellationToken).ConfigureAwait(false);
            await LeafOf(innerDc).RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        return await LeaveOrKeepAsync(
            outerDc, innerDc, j => ReferenceEquals(j, commanded) || TypedCommand.MatchesAny(j.SameRequestCommands, typed),
            new PendingRequest(typed, null, null), "command", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A menu or list card's button (an <c>Action.Submit</c>, or an <c>Action.Execute</c>) clicked at "leave what we
    /// started?" is answered as the same request typed there is (<see cref="AnswerLeaveWithCommandAsync"/>), never a failed
    /// yes or no: the journey the button starts (<see cref="JourneyFor"/> of its <c>data.action</c> and
    /// <see cref="IntentOfAction"/>, as with nothing waiting) — another journey's leaves what waited and starts it; the
    /// waiting journey's own (naming nothing else, such as a listed draft's Edit) or the same request by another button
    /// (the menu's "Apply for an exchange" at a step-by-step application: <see cref="IJourney.SameRequestCommands"/> are
    /// the commands of the journey it starts) keeps it, as a no does; a coordinator's button from someone who is none is
    /// refused on top; the help card's and the menu's buttons show their card on top, as "help" does. Each of those asks
    /// the question again without using a try. Null for a button no journey answers: the question reads it, as before.
    /// </summary>
    private async Task<DialogTurnResult?> AnswerLeaveWithButtonAsync(
        DialogContext outerDc, DialogContext innerDc, string action, JsonElement? data, CancellationToken cancellationToken)
    {
        if (await TryAnswerButtonOnTopAsync(outerDc, action, LeavePromptId, cancellationToken).ConfigureAwait(false))
        {
            await LeafOf(innerDc).RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        // A menu journey no feature claims is the "coming soon" placeholder, as with nothing waiting: another request too.
        var intent = IntentOfAction(action);
        var requested = JourneyFor(action, intent);
        if (requested is null && !Journeys.Contains(intent))
        {
            return null;
        }

        return await LeaveOrKeepAsync(
            outerDc, innerDc,
            j => requested is not null && (ReferenceEquals(j, requested)
                ? !NamesSomething(data)
                : requested.Commands.Intersect(j.SameRequestCommands, StringComparer.Ordinal).Any()),
            PendingRequest.Of(null, action, data), "button", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A button answered on top of the question that waits (<paramref name="waiting"/>, for the log), which the caller
    /// then asks again: a coordinator's button from someone who is none is refused, the help card's and the menu's
    /// buttons ("help", "welcome") show their card. False for any other button.
    /// </summary>
    private async Task<bool> TryAnswerButtonOnTopAsync(DialogContext outerDc, string action, string waiting, CancellationToken cancellationToken)
    {
        var context = outerDc.Context;
        var conversationId = context.Activity.Conversation?.Id;
        if (CoordinatorButtonRefused(context, action))
        {
            Log.AnotherRequest(logger, action, waiting, "refused on top", conversationId);
            await RefuseRoleCommandAsync(context, RoleRefusal.Coordinators, action, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (action is "help" or "welcome")
        {
            Log.AnotherRequest(logger, action, waiting, "card on top", conversationId);
            await SendCardAsync(outerDc, action == "help" ? HelpCard(context) : cards.Welcome(context.GetTexts()), cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A menu or list card's button (an <c>Action.Submit</c>, or an <c>Action.Execute</c>) clicked at a first-use
    /// question is no answer to it, and uses none of its tries (it used to be read as a failed answer, one of three): a
    /// journey's button is kept and run once the profile is saved, as a request typed at the name or organisation
    /// question is — said so (<see cref="ProfileDialog.RequestKeptFor"/>), the latest one kept in place of what brought
    /// the questions and of a request typed at them before (<see cref="ProfileDialog.ForgetKeptRequest"/>; one typed
    /// after it is run instead, as the latest); the help card's and the menu's buttons show their card on top (help also says how to go on, as
    /// "help" typed there does); "My profile" is what is under way already. Each asks the question again; an
    /// <c>Action.Execute</c> click shows what was said on the card (<see cref="ButtonAnsweredTurnKey"/>). Null for a
    /// button no journey answers: the question reads it, as before.
    /// </summary>
    private async Task<DialogTurnResult?> AnswerProfileQuestionWithButtonAsync(
        DialogContext outerDc, DialogContext innerDc, string action, JsonElement? data, CancellationToken cancellationToken)
    {
        var context = outerDc.Context;
        var texts = context.GetTexts();
        var leafDc = LeafOf(innerDc);
        string? said = null;
        if (await TryAnswerButtonOnTopAsync(outerDc, action, ProfileDialog.DialogId, cancellationToken).ConfigureAwait(false))
        {
            if (action == "help")
            {
                said = texts.EngineHelp;
            }
        }
        else if (action == EditProfileDialog.CardAction)
        {
            Log.AnotherRequest(logger, action, ProfileDialog.DialogId, "already under way", context.Activity.Conversation?.Id);
            said = texts.AlreadyUnderway;
        }
        else
        {
            var intent = IntentOfAction(action);
            if ((JourneyFor(action, intent) is null && !Journeys.Contains(intent))
                || innerDc.Stack.FirstOrDefault(i => i.Id == StepsId) is not { } steps)
            {
                return null;
            }

            // Routed by the main steps once the profile is saved (RouteAsync), as a menu button clicked before the
            // questions began is: in place of what was kept so far ("hello", an earlier button).
            var values = WaterfallDialog.ValuesOf(steps);
            Keep(values, PendingRequest.Of(null, action, data));
            values[UnderstoodKey] = null;
            if (innerDc.Child is { } profileDc)
            {
                ProfileDialog.ForgetKeptRequest(profileDc);   // a request typed there before: this one is the latest
            }

            Log.AnotherRequest(logger, action, ProfileDialog.DialogId, "kept for after the profile", context.Activity.Conversation?.Id);
            said = ProfileDialog.RequestKeptFor(texts, leafDc.ActiveDialog?.Id);
        }

        if (said is not null)
        {
            context.TurnState[ButtonAnsweredTurnKey] = said;
            await context.SendActivityAsync(ConversationTurn.Plain(said), cancellationToken).ConfigureAwait(false);
        }

        await leafDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>
    /// A click on the form or question that waits below "leave what we started?" — the form's own card
    /// (<see cref="CardFormPrompt.Awaits"/>), or a button of that asking of the question (<see cref="PromptButtons.IsOwnButton"/>:
    /// the step-by-step application's final Submit / Save draft / Cancel) — is what the user chose there, never a failed
    /// yes or no (nor an earlier question's button, as the question's click was said to be): the question is dropped
    /// without what waits being sent again, and the click is taken as if nothing had been asked — Submit submits, Save
    /// draft saves, "Answer step by step" goes on step by step, a refused submission is answered as the form answers it —
    /// in the same turn. A Cancel (<see cref="IJourney.IsCancelOfItsForm"/>) is a yes: what waited ends as its Cancel ends
    /// it, then the request the question named is routed, as after a yes. Returns null when what waits takes the turn the
    /// usual way.
    /// </summary>
    private async Task<DialogTurnResult?> AnswerLeaveWithTheClickBelowAsync(
        DialogContext outerDc, DialogContext innerDc, JsonElement clicked, CancellationToken cancellationToken)
    {
        var conversationId = outerDc.Context.Activity.Conversation?.Id;
        var below = BelowTheLeaveQuestion(innerDc);
        var cancels = LoadedJourneys.Any(j => IsUnderway(below, j) && j.IsCancelOfItsForm(clicked));
        var request = innerDc.Stack.FirstOrDefault(i => i.Id == LeaveDialogId) is { } leave ? KeptRequest(WaterfallDialog.ValuesOf(leave)) : null;
        while (innerDc.ActiveDialog?.Id is LeavePromptId or LeaveDialogId)
        {
            await innerDc.CancelActiveDialogAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!cancels || request is null)
        {
            Log.AnotherRequest(logger, "its own button", LeavePromptId, "handed to what waited", conversationId);
            return null;
        }

        Log.AnotherRequest(logger, "its own cancel", LeavePromptId, "left what waited", conversationId);
        var cancelled = await innerDc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (cancelled.Status == DialogTurnStatus.Waiting && innerDc.ActiveDialog is not null)
        {
            return EndOfTurn;   // a Cancel the form did not end with: what it said stands, and nothing more is routed
        }

        return await RouteInsteadAsync(outerDc, innerDc, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The end of "leave what we started?" answered by another request: kept — the question's own "no", which says so,
    /// and the journey below asks again — when a journey under way below it is what <paramref name="isSameRequest"/>
    /// says was asked for again; else everything is left and <paramref name="request"/> routed as if just sent with
    /// nothing waiting (the request that brought the question is dropped for it).
    /// </summary>
    private async Task<DialogTurnResult> LeaveOrKeepAsync(
        DialogContext outerDc, DialogContext innerDc, Func<IJourney, bool> isSameRequest, PendingRequest request, string kind,
        CancellationToken cancellationToken)
    {
        var conversationId = outerDc.Context.Activity.Conversation?.Id;

        var below = BelowTheLeaveQuestion(innerDc);
        if (LoadedJourneys.Any(j => IsUnderway(below, j) && isSameRequest(j)))
        {
            return await KeepWhatWaitedAsync(outerDc, innerDc, "its own " + kind, cancellationToken).ConfigureAwait(false);
        }

        Log.AnotherRequest(logger, "another " + kind, LeavePromptId, "left what waited", conversationId);
        return await RouteInsteadAsync(outerDc, innerDc, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every dialog of the main dialog's stack left (what waited is dropped, as with "cancel") and <paramref name="request"/>
    /// routed as if just sent with nothing waiting.
    /// </summary>
    private async Task<DialogTurnResult> RouteInsteadAsync(DialogContext outerDc, DialogContext innerDc, PendingRequest request, CancellationToken cancellationToken)
    {
        await innerDc.CancelAllDialogsAsync(false, cancellationToken).ConfigureAwait(false);
        var result = await innerDc.BeginDialogAsync(StepsId, request, cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, result.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// "Leave what we started?" answered as a no is (by a request or a click that means "stay"): this question ends,
    /// <see cref="ConversationTexts.KeepUnfinished"/> is said, and what waits below asks its question or sends its form again.
    /// </summary>
    private async Task<DialogTurnResult> KeepWhatWaitedAsync(DialogContext outerDc, DialogContext innerDc, string kind, CancellationToken cancellationToken)
    {
        Log.AnotherRequest(logger, kind, LeavePromptId, "kept what waited", outerDc.Context.Activity.Conversation?.Id);
        var result = await innerDc.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, result.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What waits below "leave what we started?" (its prompt and waterfall on top of the same stack), read without
    /// changing it.
    /// </summary>
    private DialogContext BelowTheLeaveQuestion(DialogContext innerDc) =>
        new(Dialogs, innerDc.Context, new DialogState([.. innerDc.Stack.SkipWhile(i => i.Id is LeavePromptId or LeaveDialogId)]), innerDc.Parent);

    /// <summary>
    /// Whether a click (<paramref name="clicked"/>, its data) is on what waits below "leave what we started?": the waiting
    /// form's card (its form id), or a button of the waiting question's asking (its prompt id).
    /// </summary>
    private bool IsClickOfWhatWaitsBelow(DialogContext innerDc, Activity activity, JsonElement clicked)
    {
        var leafDc = LeafOf(BelowTheLeaveQuestion(innerDc));
        if (leafDc.ActiveDialog is not { } leaf)
        {
            return false;
        }

        return leafDc.FindDialog(leaf.Id) is CardFormPrompt
            ? CardInput.TryGetText(clicked, CardFormPrompt.FormIdKey, out var formId) && CardFormPrompt.Awaits(leaf, formId)
            : PromptButtons.IsOwnButton(activity, leaf);
    }

    /// <summary>
    /// Whether a button that starts <paramref name="requested"/> (naming nothing else to open) asks for what another
    /// journey under way is doing already: <see cref="IJourney.SameRequestCommands"/> of that journey are commands of the
    /// one the button starts — the menu's "Apply for an exchange" at a step-by-step application, begun by the form's
    /// "Answer step by step" or not.
    /// </summary>
    private bool IsSameRequestAsUnderway(DialogContext innerDc, IJourney requested, JsonElement? data) =>
        !NamesSomething(data)
        && LoadedJourneys.Any(j => !ReferenceEquals(j, requested) && IsUnderway(innerDc, j)
            && requested.Commands.Intersect(j.SameRequestCommands, StringComparer.Ordinal).Any());

    private static DialogContext LeafOf(DialogContext innerDc)
    {
        var leafDc = innerDc;
        while (leafDc.Child is { } child)
        {
            leafDc = child;
        }

        return leafDc;
    }

    /// <summary>Whether <paramref name="journey"/>'s dialog is one of those running (a journey's dialog begun inside another's).</summary>
    private static bool IsUnderway(DialogContext innerDc, IJourney journey)
    {
        for (DialogContext? dc = innerDc; dc is not null; dc = dc.Child)
        {
            if (dc.ActiveDialog?.Id == journey.Dialog.Id)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WaitsForForm(DialogContext innerDc) =>
        LeafOf(innerDc) is var leafDc && leafDc.ActiveDialog is { } leaf && leafDc.FindDialog(leaf.Id) is CardFormPrompt;

    /// <summary>
    /// What is answered on top of a waiting question (not a form): a question about what the bot keeps asked of the bot
    /// (<see cref="PrivacyQuestion.IsAskedOfBot"/>), or a rules question asked as a question
    /// (<see cref="RulesQuestionRecognizer.IsAskedRulesQuestion"/>) — never a command ("delete my data") or an interruption.
    /// </summary>
    private (string Kind, string Text)? AnswerOnTopOfAQuestion(ITurnContext context, string? typed)
    {
        // The journeys' commands are read last: a turn of the profile questions builds no journey unless it must.
        var kind = string.IsNullOrWhiteSpace(typed) ? null
            : PrivacyQuestion.IsAskedOfBot(typed) ? "privacy question"
            : RulesQuestionRecognizer.IsAskedRulesQuestion(typed) ? "rules question"
            : null;
        if (kind is null || DeleteDataRequest.IsRequest(typed) || InterruptionRecognizer.Recognize(typed) != InterruptionKind.None
            || CommandOf(typed) is not null)
        {
            return null;
        }

        var texts = context.GetTexts();
        return (kind, kind == "privacy question" ? texts.PrivacyAnswer : texts.ExchangeRules);
    }

    /// <summary>
    /// Whether a card button whose data carries a form id belongs to a journey that answers in one turn: such a journey
    /// keeps no prompt waiting, so the form id is its own (the session form's, which makes a double click save once) and
    /// not a waiting form's — the click is another request (answered on top), never "this form is no longer active".
    /// </summary>
    private bool ClaimedByOneTurnJourney(string action) =>
        LoadedJourneys.FirstOrDefault(j => j.CardActions.Contains(action)) is { AnswersInOneTurn: true };

    /// <summary>Card data that carries more than its <c>action</c> (an id of what to open).</summary>
    private static bool NamesSomething(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.EnumerateObject().Any(p => p.Name != "action");

    /// <summary>
    /// After an answer on top: a form is not sent again (the card above holds what the user typed into it) but
    /// mentioned by name — the answer now sits under it, so "the form above" would point at the answer (a saved session
    /// form); a question is asked again.
    /// </summary>
    private static async Task RemindAsync(DialogContext leafDc, bool waitsForForm, IJourney running, CancellationToken cancellationToken)
    {
        if (waitsForForm)
        {
            var activity = leafDc.Context.Activity;
            var texts = leafDc.Context.GetTexts();
            var reminder = running.Intents.Contains(Intent.ApplyForExchange) ? texts.ExchangeFormStillOpen : texts.FormStillOpen;
            await leafDc.Context.SendActivityAsync(activity.CreateReply(reminder), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await leafDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// "Leave what we started?", naming the new request (<see cref="ConversationTexts.LeaveUnfinishedFor"/>) when it has a
    /// name: asked again after help or an answer on top, the same text, and its retry names it too.
    /// </summary>
    private async Task<DialogTurnResult> AskToLeaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var pending = step.Options as PendingRequest;
        if (pending is not null)
        {
            Keep(step.Values, pending);
        }

        var named = new LeaveNamed(pending?.Action, pending is { Action: null } ? ShownTyped(step.Context, pending.Text) : null);
        return await step.PromptAsync(LeavePromptId, LeaveOptions(step.Context.GetTexts(), named), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// "Leave what we started?" in the language of <paramref name="texts"/>, naming the request <paramref name="named"/>
    /// (kept in the options, so that the question is worded anew in a later turn's language — its prompt's Localize): the
    /// label of the menu button clicked (<see cref="ConversationCards.ButtonLabel"/>) in that language, or what was typed,
    /// as shown; nothing for another button, which says nothing by itself.
    /// </summary>
    private static PromptOptions LeaveOptions(ConversationTexts texts, LeaveNamed named)
    {
        var request = named.Action is { } action ? ConversationCards.ButtonLabel(texts, action) : named.Typed;
        var options = request is not null
            ? PromptOptions.Text(texts.LeaveUnfinishedFor(request), texts.LeaveUnfinishedForRetry(request))
            : PromptOptions.Text(texts.LeaveUnfinished, texts.LeaveUnfinishedRetry);
        options.Validations = named;
        options.MaxAttempts = LeaveAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.LeaveUnfinishedGaveUp);
        return options;
    }

    /// <summary>What names the request "leave what we started?" asks about: the button's action, or the typed text as shown.</summary>
    private sealed record LeaveNamed(string? Action, string? Typed);

    /// <summary>
    /// A typed request as the user asked for it, to name it in "leave what we started?": mentions by their names, a long
    /// message cut at <see cref="MaxRequestShown"/>; null for none.
    /// </summary>
    private static string? ShownTyped(ITurnContext context, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var shown = MessageText.ForDisplay(context.Activity, typed);
        return Utf16Text.Shorten(shown, MaxRequestShown);
    }

    /// <summary>The longest typed request "leave what we started?" repeats whole: it names the request, not quotes a page.</summary>
    internal const int MaxRequestShown = 80;

    /// <summary>
    /// The answers "leave what we started?" takes before it gives up. Running out of them means no: what waits is kept
    /// and asked again (<see cref="ConversationTexts.LeaveUnfinishedGaveUp"/> says so, and how to go on instead).
    /// </summary>
    public const int LeaveAttempts = 3;

    /// <summary>
    /// Yes: every dialog of the conversation ends (what waited is dropped, as with "cancel") and the request is routed
    /// as if just sent. No — or no yes or no after <see cref="LeaveAttempts"/> answers: this question ends and the
    /// journey below asks its question (or sends its form) again.
    /// </summary>
    private async Task<DialogTurnResult> LeaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptAttemptsExceeded)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);   // LeaveUnfinishedGaveUp was said
        }

        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(step.Context.GetTexts().KeepUnfinished, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var request = KeptRequest(step.Values);
        Log.AnotherRequest(logger, request.Action ?? "typed", LeaveDialogId, "left what waited", step.Context.Activity.Conversation?.Id);
        await step.CancelAllDialogsAsync(false, cancellationToken).ConfigureAwait(false);
        return await step.BeginDialogAsync(StepsId, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request as a waterfall keeps it (the main steps', "leave what we started?"'s): read by <see cref="KeptRequest"/>.</summary>
    private static void Keep(IDictionary<string, object?> values, PendingRequest request)
    {
        values[TextKey] = request.Text;
        values[ActionKey] = request.Action;
        values[DataKey] = request.Data;
    }

    /// <summary>The request a waterfall keeps (<see cref="Keep"/>), e.g. the one "leave what we started?" asked about.</summary>
    private static PendingRequest KeptRequest(IDictionary<string, object?> values) =>
        new(values.GetValue<string>(TextKey), values.GetValue<string>(ActionKey), values.GetValue<string>(DataKey));

    /// <summary>A request kept while the user is asked whether to leave what waits; routed when they say yes.</summary>
    private sealed record PendingRequest(string? Text, string? Action, string? Data)
    {
        /// <summary>
        /// A typed request or a click, as kept in the conversation state until it is routed: card data beyond the replay
        /// limit is not (only its action).
        /// </summary>
        public static PendingRequest Of(string? text, string? action, JsonElement? data) =>
            new(text, action, data?.GetRawText() is { Length: <= MaxReplayedData } raw ? raw : null);
    }
}
