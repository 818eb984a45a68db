using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// A dialog that asks one question and ends with the recognised answer of type <typeparamref name="T"/>.
/// Begin it with <see cref="DialogContext.PromptAsync"/> and <see cref="PromptOptions"/>. An answer that is not
/// recognised, or that the validator refuses, gets <see cref="PromptOptions.RetryPrompt"/>; after
/// <see cref="PromptOptions.MaxAttempts"/> (else <see cref="DefaultMaxAttempts"/>) the prompt gives up with
/// <see cref="PromptAttemptsExceeded"/>: no question asks forever by accident.
/// </summary>
public abstract class Prompt<T>(string dialogId, PromptValidator<T>? validator = null) : Dialog(dialogId)
{
    internal const string OptionsKey = "options";
    internal const string AttemptCountKey = "attemptCount";
    internal const string PromptIdKey = "promptId";

    /// <summary>The maximum of answers a question takes when its options set none (<see cref="DefaultMaxAttempts"/>).</summary>
    public const int StandardMaxAttempts = 3;

    /// <summary>
    /// The answers this prompt takes before it gives up when <see cref="PromptOptions.MaxAttempts"/> is null:
    /// <see cref="StandardMaxAttempts"/>, so that a question created without a maximum still ends. Null (only where
    /// asking again loses nothing, e.g. <see cref="CardFormPrompt"/>, whose card keeps what was typed): no maximum.
    /// </summary>
    public virtual int? DefaultMaxAttempts { get; init; } = StandardMaxAttempts;

    /// <summary>
    /// Whether each asking of this question has an id (<see cref="PromptButtons"/>) that its buttons carry, so that a
    /// button of an earlier question is told apart. False for a <see cref="CardFormPrompt"/>, whose cards carry their
    /// own form id (an older form's button is answered by <see cref="IDialogMessages.FormExpired"/>).
    /// </summary>
    protected virtual bool IdentifiesItsAsking => true;

    /// <summary>The locale used when the activity has none.</summary>
    public string? DefaultLocale { get; set; }

    /// <summary>
    /// Rewrites the options for the current turn before the prompt reads an answer or speaks again (a retry, a reprompt,
    /// giving up). The options are stored as written in the turn that began the prompt, whose language may not be this
    /// turn's — a question asked while the Teams client spoke English and answered from a phone set to Portuguese.
    /// Without this the text would keep the first turn's language while the buttons (<see cref="ConfirmPrompt"/>'s
    /// yes/no) speak the current one's. Null: the options as stored.
    /// </summary>
    public Func<ITurnContext, PromptOptions, PromptOptions>? Localize { get; init; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        }

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        state[AttemptCountKey] = 0;
        if (IdentifiesItsAsking)
        {
            state[PromptIdKey] = PromptButtons.NewId();
        }

        OnInitializeState(state, promptOptions);
        await OnPromptAsync(dc.Context, state, Identified(state, promptOptions), false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var turnContext = dc.Context;
        if (!CanRecognize(turnContext.Activity))
        {
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = Current(turnContext, state);

        // A button of an earlier question (its card is still in the chat), or one whose id was altered: no answer to
        // this one, nothing changed, no try used.
        if (PromptIdOf(state) is { } current && PromptButtons.NamesAnotherQuestion(turnContext.Activity, current))
        {
            var notice = turnContext.Activity.CreateReply(turnContext.GetDialogMessages().EarlierQuestionButton(GetLocale(turnContext)));
            notice.InputHint = null;
            await turnContext.SendActivityAsync(notice, cancellationToken).ConfigureAwait(false);
            await OnPromptAsync(turnContext, state, options, false, cancellationToken).ConfigureAwait(false);
            SayClickNotTaken(turnContext);
            return EndOfTurn;
        }

        var recognized = await OnRecognizeAsync(turnContext, state, options, cancellationToken).ConfigureAwait(false);
        var attempts = state.GetValue<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attempts;

        var promptContext = new PromptValidatorContext<T>(turnContext, recognized, state, options, attempts);
        var isValid = validator is null
            ? recognized.Succeeded
            : await validator(promptContext, cancellationToken).ConfigureAwait(false);
        if (isValid)
        {
            await OnAcceptedAsync(turnContext, state, options, recognized, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if ((options.MaxAttempts ?? DefaultMaxAttempts) is { } maxAttempts && attempts >= maxAttempts)
        {
            await OnTooManyAttemptsAsync(turnContext, state, options, cancellationToken).ConfigureAwait(false);
            SayClickNotTaken(turnContext);
            return await dc.EndDialogAsync(new PromptAttemptsExceeded(Id, attempts), cancellationToken).ConfigureAwait(false);
        }

        await OnRetryAsync(turnContext, state, options, promptContext, cancellationToken).ConfigureAwait(false);
        SayClickNotTaken(turnContext);
        return EndOfTurn;
    }

    /// <summary>
    /// An <c>Action.Execute</c> click this question did not take as its answer: the card says so (the reply in the chat
    /// says why) unless the prompt answered the invoke itself (a form's reasons) — else the bot's default for a click
    /// ("Thanks, got it.") claimed it was received.
    /// </summary>
    private void SayClickNotTaken(ITurnContext turnContext)
    {
        if (CardInput.IsCardAction(turnContext.Activity))
        {
            turnContext.InvokeResponse ??= new InvokeResponse(200, AdaptiveCardInvokeResponse.Message(turnContext.GetDialogMessages().ClickNotTaken(GetLocale(turnContext))));
        }
    }

    /// <summary>A dialog pushed on top of the prompt ended: ask again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>Asks the question again, after its <see cref="PromptOptions.Recap"/> when it has one.</summary>
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        var options = Current(turnContext, instance.State);
        if (options.Recap is { } recap)
        {
            var reply = PromptActivities.CreateReply(turnContext, recap);
            reply.InputHint = recap.InputHint;
            await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        }

        await OnPromptAsync(turnContext, instance.State, options, false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The id of this asking of the question (<see cref="PromptButtons"/>), which its buttons carry; null for a prompt
    /// begun before prompts had one (its buttons carry none and every click is read as before).
    /// </summary>
    protected static string? PromptIdOf(IDictionary<string, object?> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.GetValue<string>(PromptIdKey) is { Length: > 0 } id ? id : null;
    }

    /// <summary>Sends the prompt, or the retry prompt when <paramref name="isRetry"/>.</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Reads the answer from the turn's activity.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Which activities are answers; other activities leave the prompt waiting. Messages and <c>Action.Execute</c>
    /// clicks by default: a card button is read the same whether the client sent it as an <c>Action.Submit</c> message
    /// or as an <c>adaptiveCard/action</c> invoke (<see cref="CardInput.DataOf"/>) — an ignored invoke was a
    /// click that did nothing.
    /// </summary>
    protected virtual bool CanRecognize(Activity activity) => activity.IsType(ActivityTypes.Message) || CardInput.IsCardAction(activity);

    /// <summary>Adds prompt-specific values to the state at begin.</summary>
    protected virtual void OnInitializeState(IDictionary<string, object?> state, PromptOptions options)
    {
    }

    /// <summary>Called just before the prompt ends with an accepted answer.</summary>
    protected virtual Task OnAcceptedAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, PromptRecognizerResult<T> recognized, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Asks again after a refused answer; by default unless something was already sent this turn (e.g. by the validator).</summary>
    protected virtual Task OnRetryAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, PromptValidatorContext<T> validation, CancellationToken cancellationToken) =>
        turnContext.Responded ? Task.CompletedTask : OnPromptAsync(turnContext, state, options, true, cancellationToken);

    /// <summary>Says the prompt gives up.</summary>
    protected virtual async Task OnTooManyAttemptsAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var reply = options.TooManyAttemptsPrompt is { } custom
            ? PromptActivities.CreateReply(turnContext, custom)
            : turnContext.Activity.CreateReply(turnContext.GetDialogMessages().TooManyAttempts(GetLocale(turnContext)));
        reply.InputHint = null;
        await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The turn's language (<see cref="TurnStateKeys.Locale"/>), else the activity's locale, else <see cref="DefaultLocale"/>.</summary>
    protected string? GetLocale(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.TryGetValue(TurnStateKeys.Locale, out var chosen) && chosen is string { Length: > 0 } locale)
        {
            return locale;
        }

        return string.IsNullOrWhiteSpace(turnContext.Activity.Locale) ? DefaultLocale : turnContext.Activity.Locale;
    }

    /// <summary>Sends <paramref name="template"/> as a reply, with extra attachments appended.</summary>
    protected static Task SendAsync(ITurnContext turnContext, Activity? template, CancellationToken cancellationToken, params Attachment[] extraAttachments)
    {
        var reply = PromptActivities.CreateReply(turnContext, template);
        if (extraAttachments.Length > 0)
        {
            reply.Attachments = [.. reply.Attachments ?? [], .. extraAttachments];
        }

        return turnContext.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>The prompt or, on a retry, the retry prompt.</summary>
    protected static Activity? PickPrompt(PromptOptions options, bool isRetry) =>
        isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;

    /// <summary>
    /// The options for this turn: localized (<see cref="Localize"/>, the stored <see cref="PromptOptions.Recap"/> kept),
    /// their cards' choice buttons naming this asking.
    /// </summary>
    private PromptOptions Current(ITurnContext turnContext, IDictionary<string, object?> state)
    {
        var stored = GetOptions(state);
        return Identified(state, Localize is null ? stored : stored.CarriedInto(Localize(turnContext, stored)));
    }

    /// <summary>
    /// The options with this asking's id on the choice buttons of the question's own cards (<see cref="PromptButtons"/>):
    /// a Keep on the card of an answer being edited names its question like a Yes/No button does.
    /// </summary>
    private static PromptOptions Identified(IDictionary<string, object?> state, PromptOptions options) =>
        PromptIdOf(state) is { } promptId ? PromptButtons.Identify(options, promptId) : options;

    private PromptOptions GetOptions(IDictionary<string, object?> state) =>
        DialogStateValues.GetLive<PromptOptions>(state, OptionsKey)
        ?? throw new DialogStateMismatchException(Id, "no prompt options");
}
