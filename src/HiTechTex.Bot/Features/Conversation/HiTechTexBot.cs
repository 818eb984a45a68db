using System.Net;
using System.Text.Json;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The bot: a welcome card when it is added to a conversation, and <see cref="MainDialog"/> for messages, card
/// submits and <c>Action.Execute</c> invokes. The conversation and user state are saved once, together, at the end
/// of the turn; when another turn saved first, nothing is written and the user is asked to send again (unless the
/// turn answered them and left nothing waiting nor a changed profile — a deleted one is gone already: then the answer stands alone).
/// </summary>
internal sealed class HiTechTexBot(
    ConversationStates states,
    MainDialog mainDialog,
    ConversationCards cards,
    IServiceProvider services,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<HiTechTexBot> logger) : ActivityHandler
{
    // The card-action and compose-extension handlers (with their services) are resolved from the turn's scope only in
    // an invoke that needs them, not built for every message.
    private IEnumerable<ICardActionHandler> CardActionHandlers => services.GetServices<ICardActionHandler>();

    private IEnumerable<IComposeExtensionHandler> ComposeExtensionHandlers => services.GetServices<IComposeExtensionHandler>();

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.IsBotUninstalled())
        {
            // Removed or uninstalled: what was stored for this conversation goes (its reference went in the middleware).
            var members = await states.EraseAsync(turnContext, cancellationToken).ConfigureAwait(false);
            Log.StateErased(logger, turnContext.Activity.Conversation?.Id, members, ConversationStates.ErasesProfile(turnContext.Activity));
            if (TeamConversations.TeamIdOf(turnContext.Activity) is { } teamId)
            {
                await EraseTeamAsync(teamId, turnContext.Activity.Conversation?.Id, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (TeamConversations.TeamIdOf(turnContext.Activity) is { } inTeam)
        {
            await RecordTeamConversationAsync(inTeam, turnContext.Activity, cancellationToken).ConfigureAwait(false);
        }

        if (turnContext.Activity.IsGroupConversation()
            && (turnContext.Activity.IsType(ActivityTypes.Message) || turnContext.Activity.IsType(ActivityTypes.Invoke)))
        {
            turnContext.OnSendActivities(MentionTheSenderOnce());
        }

        // The Teams client's language until the profile is read (a failure reading it is then still told in it).
        var clientTexts = ConversationTexts.Resolve(null, turnContext.Activity.Locale);
        turnContext.UseTexts(clientTexts);
        await states.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var profile = await states.GetProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        turnContext.UseProfileName(profile?.Name);
        var texts = ConversationTexts.Resolve(profile?.Language, turnContext.Activity.Locale);
        if (!ReferenceEquals(texts, clientTexts))
        {
            turnContext.UseTexts(texts);   // one instance per language: set again only when the profile speaks another
        }

        await FollowTimeZoneAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // A question left unanswered for days is not what the user's new message answers: start afresh, and say so.
        // Only what the person sends (a message, a card's submit or Action.Execute) expires or stamps their dialog; an
        // event (an installationUpdate, a member joining, a reaction, typing) leaves it to their next message, which is
        // then told, and does not extend a question the user left waiting.
        var now = time.GetUtcNow();
        var personsTurn = IsPersonsTurn(turnContext.Activity);
        if (personsTurn
            && await states.ExpireIdleDialogAsync(turnContext, options.Value.DialogExpiry, now, cancellationToken).ConfigureAwait(false) is { } idle)
        {
            // Told in the chat for an Action.Execute click too (it used to get only its card's answer, and the user never
            // learnt why their form did nothing); a form's click is then answered on the card and goes no further.
            Log.DialogExpired(logger, turnContext.Activity.Conversation?.Id, idle);
            turnContext.TurnState[DialogExpiredTurnKey] = true;
            await turnContext.SendActivityAsync(turnContext.GetTexts().DialogExpired, cancellationToken).ConfigureAwait(false);
        }

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            // The turn that creates the profile (its last answer) is the first one whose zone is kept: cards and
            // notices sent to a just-onboarded person then show their local times, without waiting for another message.
            await FollowTimeZoneAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }

        if (personsTurn)
        {
            await states.TouchDialogAsync(turnContext, now, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await states.SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException exception)
        {
            // Two messages of the same user raced (double send, Teams retry). Saving this turn's view would undo
            // the other's; dropping it and asking again keeps the stored conversation whole.
            Log.StateConflict(logger, turnContext.Activity.Conversation?.Id, exception.Key);
            if (!await AnsweredWithNothingToLoseAsync(turnContext, profile, cancellationToken).ConfigureAwait(false))
            {
                await turnContext.SendActivityAsync(turnContext.GetTexts().Busy, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Set in a turn's state when this turn's message or click dropped the sender's expired dialog.</summary>
    private const string DialogExpiredTurnKey = "htt.dialogExpired";

    /// <summary>A turn of the person: a message (a card's Action.Submit is one) or an Action.Execute click, not an event.</summary>
    private static bool IsPersonsTurn(Activity activity) => activity.IsType(ActivityTypes.Message) || CardInput.IsCardAction(activity);

    /// <summary>
    /// Whether a turn whose state was not saved needs no "please send that again": it answered the user, nothing of it
    /// waits for an answer (no question or form left open, which the dropped state would forget) and the profile is as
    /// it was (a "profile saved" that was not saved must be told). The second click of one card processed by another
    /// instance at once ("already submitted", from the database) is such a turn: the conflict message after it read as
    /// if that answer were wrong. So is the "yes" of "delete my data": the profile went from the store at once (not with
    /// the save), and a deleted user's dialog state needs no save — "please send that again" after "Done" would ask to
    /// delete again what is gone.
    /// </summary>
    private async Task<bool> AnsweredWithNothingToLoseAsync(ITurnContext turnContext, UserProfile? profileBefore, CancellationToken cancellationToken)
    {
        if (!turnContext.Responded)
        {
            return false;
        }

        var dialogs = await states.DialogStateOf(turnContext).GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        var profile = await states.GetProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return (dialogs?.DialogStack is null || dialogs.DialogStack.Count == 0)
            && (Equals(profileBefore, profile) || (profileBefore is not null && profile is null));   // unchanged, or deleted
    }

    /// <summary>
    /// Teams reports the client's time zone with each message; what features keep of it (a registration's zone, for
    /// reminders) follows the user when it changes. The zone last seen is in the user state, already read for the turn,
    /// so an unchanged zone costs no query and no write (nor does any zone before the user has a profile — it is followed
    /// at the end of the turn that saves the profile); a change costs
    /// one update per listener and is saved with the turn's state. A failure is logged and retried on the next message (the zone is then not marked as seen).
    /// </summary>
    private async Task FollowTimeZoneAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id)
            || activity.From.AadObjectId is not { Length: > 0 and <= 128 } user
            || activity.LocalTimezone is not { Length: > 0 and <= 64 } zone
            // Cheapest first: the zone already seen (the user state is loaded for the turn anyway).
            || await states.GetTimeZoneAsync(turnContext, cancellationToken).ConfigureAwait(false) == zone
            // Someone without a profile has nothing kept to follow (registering needs one); the zone is recorded once
            // they have one — so a new user's first turns cost no query.
            || await states.GetProfileAsync(turnContext, cancellationToken).ConfigureAwait(false) is null
            // Only a zone as Teams writes it, a canonical IANA id (not a Windows id, not another spelling).
            || TimeZoneIds.Known(zone) != zone)
        {
            return;
        }

        try
        {
            foreach (var listener in services.GetServices<ITimeZoneListener>())
            {
                await listener.TimeZoneChangedAsync(user, zone, cancellationToken).ConfigureAwait(false);
            }

            await states.TimeZone.SetAsync(turnContext, zone, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TimeZoneNotFollowed(logger, activity.Conversation?.Id, exception);
        }
    }

    /// <summary>
    /// Removed from a team: Teams says so once, in the general channel; the other channels and threads the bot spoke
    /// in (recorded by <see cref="TeamConversations"/>) lose their references and states here too (spec checklist 14).
    /// </summary>
    private async Task EraseTeamAsync(string teamId, string? announcedIn, CancellationToken cancellationToken)
    {
        var teams = services.GetRequiredService<TeamConversations>();
        var references = services.GetRequiredService<IConversationReferenceStore>();
        var cache = services.GetService<ConversationReferenceCache>();
        var conversations = await teams.ListAsync(teamId, cancellationToken).ConfigureAwait(false);
        foreach (var (channelId, conversationId) in conversations.Where(c => c.ConversationId != announcedIn))
        {
            await states.EraseConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
            await references.DeleteAsync(conversationId, cancellationToken).ConfigureAwait(false);
            cache?.Forget(conversationId);   // re-added later, the thread's reference must be stored again
        }

        await teams.ForgetAsync(teamId, cancellationToken).ConfigureAwait(false);
        Log.TeamErased(logger, teamId, conversations.Count);
    }

    /// <summary>A channel conversation is recorded under its team; a failure is logged, never the user's problem.</summary>
    private async Task RecordTeamConversationAsync(string teamId, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<TeamConversations>().RecordAsync(teamId, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TeamConversationNotRecorded(logger, activity.Conversation?.Id, exception);
        }
    }

    /// <summary>
    /// In a group chat or a channel the first message a turn sends starts with an @mention of the member it answers:
    /// each member has their own dialog there, and "Which organisation do you work for?" must say whom it asks (the
    /// mention also notifies them). A plain-text message (shown literally: a mention tag would be printed as typed) is
    /// passed over for the next one; once a message mentions someone (this way or its own), the rest are left as they are.
    /// </summary>
    private static SendActivitiesHandler MentionTheSenderOnce()
    {
        var done = false;
        return (turnContext, activities, next) =>
        {
            foreach (var message in done ? [] : activities.Where(a => a.IsType(ActivityTypes.Message)))
            {
                if (message.Entities?.Any(e => e.IsMention) == true)
                {
                    done = true;   // it mentions someone already
                }
                else if (!string.Equals(message.TextFormat, "plain", StringComparison.OrdinalIgnoreCase))
                {
                    done = true;
                    if (MentionHelper.Mention(turnContext.Activity.From) is { } mention)
                    {
                        message.Text = string.IsNullOrEmpty(message.Text) ? mention.Text : $"{mention.Text} {message.Text}";
                        message.Entities = [.. message.Entities ?? [], mention];
                    }
                }

                if (done)
                {
                    break;
                }
            }

            return next();
        };
    }

    /// <summary>
    /// Welcomes once per conversation: when the bot itself is among the members added. Teams also sends an
    /// installationUpdate for the same install; welcoming on both would greet twice, and greeting every new member of
    /// a team would be noise.
    /// </summary>
    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(turnContext.Activity.IsBot))
        {
            await turnContext.SendActivityAsync(ConversationCards.AsMessage(cards.Welcome(turnContext.GetTexts())), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        mainDialog.RunAsync(turnContext, states.DialogStateOf(turnContext), logger, cancellationToken);

    protected override Task OnCardSubmitAsync(ITurnContext turnContext, CardSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        // A form's Action.Submit whose dialog expired with this very click: the chat was told it expired, and that is
        // the one notice, as for an Action.Execute click — run, it was also told "This form is no longer active…" with
        // the menu. A journey's button is a new request, run afresh as a message after the expiry is.
        return IsExpiredFormClick(turnContext, submission.Data)
            ? Task.CompletedTask
            : mainDialog.RunAsync(turnContext, states.DialogStateOf(turnContext), logger, cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        // Cards answered outside any dialog (approvals, introductions) are owned by a handler of their verb.
        var verb = invokeValue.Action?.Verb;
        var handler = verb is null ? null : CardActionHandlers.FirstOrDefault(h => h.CanHandle(verb));
        if (handler is not null)
        {
            return await handler.HandleAsync(turnContext, invokeValue, cancellationToken).ConfigureAwait(false);
        }

        // No handler owns the verb: only a form of a dialog (its formId) or a journey's button (data.action) is left.
        // Anything else is not a button of ours — an old card of a removed feature, or a forged click — and
        // changes nothing (it used to say "Thanks, got it." and then show the menu as if something was typed).
        var data = MainDialog.ReadCardData(turnContext.Activity);
        if (data is not { } d || !(HasString(d, CardFormPrompt.FormIdKey) || HasString(d, "action")))
        {
            Log.UnknownCardVerb(logger, verb is null ? null : Utf16Text.Cut(verb, 64));
            return AdaptiveCardInvokeResponse.Message(turnContext.GetTexts().ButtonNotRecognised);
        }

        // A form's button whose dialog expired with this very click: the chat was told it expired; its answer is not
        // taken as a new request (the form's data would otherwise be read as one), and the card says so. A journey's
        // button is a new request, run afresh as a message after the expiry is.
        if (IsExpiredFormClick(turnContext, d))
        {
            return AdaptiveCardInvokeResponse.Message(turnContext.GetTexts().ClickExpired);
        }

        // The answer goes to the chat as messages; the card itself only shows that the click arrived. A dialog
        // (a form prompt) may set a fuller invoke response itself, which then wins.
        await mainDialog.RunAsync(turnContext, states.DialogStateOf(turnContext), logger, cancellationToken).ConfigureAwait(false);
        return AdaptiveCardInvokeResponse.Message(
            turnContext.TurnState.TryGetValue(MainDialog.ButtonAnsweredTurnKey, out var answered) && answered is string { Length: > 0 } answer
                ? answer
                : turnContext.TurnState.ContainsKey(MainDialog.FormEndedTurnKey)
                    ? turnContext.GetTexts().FormEnded
                    : turnContext.GetTexts().FormReceived);
    }

    /// <summary>Whether this turn's click expired its sender's dialog and is a form's (its formId), not a journey's button (data.action).</summary>
    private static bool IsExpiredFormClick(ITurnContext turnContext, JsonElement data) =>
        turnContext.TurnState.ContainsKey(DialogExpiredTurnKey) && HasString(data, CardFormPrompt.FormIdKey) && !HasString(data, "action");

    // Through CardInput: a forged lone surrogate in the id is "not given", never a failed turn.
    private static bool HasString(JsonElement data, string name) =>
        CardInput.TryGetText(data, name, out var text) && !string.IsNullOrEmpty(text);

    protected override Task<JsonElement> OnComposeExtensionQueryAsync(ITurnContext turnContext, JsonElement query, CancellationToken cancellationToken)
    {
        var commandId = CardInput.TryGetText(query, "commandId", out var id) ? id : null;
        var handler = ComposeExtensionHandlers.FirstOrDefault(h => string.Equals(h.CommandId, commandId, StringComparison.Ordinal));
        return handler is null
            ? throw new InvokeResponseException((int)HttpStatusCode.NotImplemented)
            : handler.QueryAsync(turnContext, query, cancellationToken);
    }
}
