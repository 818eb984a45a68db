using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Sends the Adaptive Card(s) attached to <see cref="PromptOptions.Prompt"/> and waits until that card is
/// submitted — by <c>Action.Submit</c> (a message whose <c>value</c> is the data) or by <c>Action.Execute</c>
/// (an <c>adaptiveCard/action</c> invoke). Every submit/execute action of the card gets a <c>formId</c> in its
/// data, so that only this card's submissions are answers. Inputs marked <c>isRequired</c> in the card must be
/// filled, except for an action with <c>associatedInputs: "none"</c>, which submits no inputs; the validator can refuse with a <see cref="PromptValidatorContext{T}.Reason"/>. A refused submission
/// is answered with the reason (as a message, or as the invoke response). The result is the submitted data
/// object without <c>formId</c>. For an invoke the prompt always sets <see cref="ITurnContext.InvokeResponse"/>
/// (a later waterfall step may replace it, e.g. with an updated card).
/// <para>
/// A dialog that answers a submit with its form again (a "Check", a field refused) begins a new prompt, whose card has a
/// new form id; Teams keeps the older card in the chat, filled in, and people go on using it. So a prompt begun in the
/// same turn as the one just answered, at the same place of the same dialog stack, also accepts the form ids that one
/// accepted — its own and the card it was answered from: the card the person works in stays usable while that dialog
/// waits, and nothing else does. Every other form id, and any card of a dialog that has ended (no prompt waits for it),
/// is not an answer (<see cref="IDialogMessages.FormExpired"/>: use the newest form).
/// </para>
/// </summary>
public sealed class CardFormPrompt(string dialogId, PromptValidator<JsonElement>? validator = null) : Prompt<JsonElement>(dialogId, validator)
{
    /// <summary>The data field that identifies the form.</summary>
    public const string FormIdKey = "formId";

    /// <summary>
    /// The data field stamped on an action with <c>associatedInputs: "none"</c> (e.g. Cancel). Its submission carries
    /// no inputs and, as in the Adaptive Cards clients, is not checked for required ones; any input it carries anyway
    /// (forged) is dropped, so the marker never lets unchecked inputs through.
    /// </summary>
    public const string NoInputsKey = "formNoInputs";


    /// <summary>
    /// No maximum unless the options set one: a refused submission is answered with its reason (what is missing) and
    /// the card keeps everything typed into it, so asking again loses nothing — giving up would throw the user's
    /// typing away. The form's own Cancel and "cancel" end it.
    /// </summary>
    public override int? DefaultMaxAttempts { get; init; }

    /// <summary>The state key of the earlier form ids this prompt also accepts (see the type's remarks).</summary>
    private const string PreviousFormIdsKey = "previousFormIds";

    // Turn state: where the prompt being continued sits, the form id its accepted answer came with, and what the
    // prompt answered this turn hands on to the next one begun at the same place.
    private const string ContinuingPathKey = "HiTechTex.CardFormPrompt.ContinuingPath";
    private const string SubmittedFormIdKey = "HiTechTex.CardFormPrompt.SubmittedFormId";
    private const string AnsweredKey = "HiTechTex.CardFormPrompt.Answered";

    /// <summary>
    /// Whether the waiting prompt <paramref name="instance"/> (a <see cref="CardFormPrompt"/>'s) takes a submission that
    /// carries <paramref name="formId"/>: its own card's, or the card it was answered from in the turn it was begun (see
    /// the type's remarks) — a click on that form, wherever the conversation is now. False for any other id, or none.
    /// </summary>
    public static bool Awaits(DialogInstance instance, string? formId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return formId is { Length: > 0 }
            && (string.Equals(instance.State.GetValue<string>(FormIdKey), formId, StringComparison.Ordinal)
                || (instance.State.GetValue<string[]>(PreviousFormIdsKey) ?? []).Contains(formId, StringComparer.Ordinal));
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var turnState = dc.Context.TurnState;
        // Only the first prompt begun after the answer inherits its forms, and only at the same place of the same stack.
        var previous = turnState.TryGetValue(AnsweredKey, out var value) && value is AnsweredForm answered
            && string.Equals(answered.PromptId, Id, StringComparison.Ordinal) && string.Equals(answered.Path, PathOf(dc), StringComparison.Ordinal)
            ? answered.FormIds
            : null;
        turnState.Remove(AnsweredKey);
        var result = await base.BeginDialogAsync(dc, options, cancellationToken).ConfigureAwait(false);
        if (previous is not null && dc.ActiveDialog is { } instance && string.Equals(instance.Id, Id, StringComparison.Ordinal))
        {
            instance.State[PreviousFormIdsKey] = previous;
        }

        return result;
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        dc.Context.TurnState[ContinuingPathKey] = PathOf(dc);
        dc.Context.TurnState.Remove(SubmittedFormIdKey);
        return base.ContinueDialogAsync(dc, cancellationToken);
    }

    /// <summary>A form's card carries its form id: a button of an older form is "no longer active", not a question's.</summary>
    protected override bool IdentifiesItsAsking => false;

    protected override void OnInitializeState(IDictionary<string, object?> state, PromptOptions options) =>
        state[FormIdKey] = Guid.NewGuid().ToString("N");

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var reply = PromptActivities.CreateReply(turnContext, PickPrompt(options, isRetry));
        var formId = state.GetValue<string>(FormIdKey) ?? throw new DialogStateMismatchException(Id, "no form id");
        if (reply.Attachments is { } attachments)
        {
            reply.Attachments = [.. attachments.Select(a => StampFormId(a, formId))];
        }

        return turnContext.SendActivityAsync(reply, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<JsonElement>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var messages = turnContext.GetDialogMessages();
        var locale = GetLocale(turnContext);
        if (GetSubmittedData(turnContext.Activity) is not { } data)
        {
            return Task.FromResult(PromptRecognizerResult<JsonElement>.Failure(messages.FillInForm(locale)));
        }

        var formId = state.GetValue<string>(FormIdKey);
        if (!data.TryGetPropertyValue(FormIdKey, out var submittedId) || submittedId is not JsonValue submitted
            || !submitted.TryGetValue<JsonElement>(out var submittedText) || !CardInput.TryGetText(submittedText, out var text)
            || text is null || (text != formId && !(state.GetValue<string[]>(PreviousFormIdsKey) ?? []).Contains(text, StringComparer.Ordinal)))
        {
            return Task.FromResult(PromptRecognizerResult<JsonElement>.Failure(messages.FormExpired(locale)));
        }

        turnContext.TurnState[SubmittedFormIdKey] = text;

        // Text that cannot be read or shown as typed (a lone surrogate, a control character) is refused here, once for
        // every form, named like a missing input: the features never see it, so nothing of it is ever stored.
        var labels = Inputs(options, requiredOnly: false).GroupBy(i => i.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Label ?? g.Key, StringComparer.Ordinal);
        var invalid = data.Where(p => p.Value is JsonValue value && value.TryGetValue<JsonElement>(out var raw) && !CardInput.TryGetText(raw, out _))
            .Select(p => labels.GetValueOrDefault(p.Key, p.Key))
            .ToList();
        if (invalid.Count > 0)
        {
            return Task.FromResult(PromptRecognizerResult<JsonElement>.Failure(messages.FormInvalid(locale, invalid)));
        }

        data.Remove(FormIdKey);
        if (data.Remove(NoInputsKey))
        {
            foreach (var (id, _) in Inputs(options, requiredOnly: false))
            {
                data.Remove(id);
            }

            return Task.FromResult(PromptRecognizerResult<JsonElement>.Success(PromptActivities.ToElement(data)));
        }

        // Named by their labels (what the user reads on the card), by their ids where they have none.
        var missing = Inputs(options, requiredOnly: true)
            .Where(input => !data.TryGetPropertyValue(input.Id, out var value) || IsEmpty(value))
            .Select(input => input.Label ?? input.Id)
            .ToList();
        if (missing.Count > 0)
        {
            return Task.FromResult(PromptRecognizerResult<JsonElement>.Failure(messages.FormIncomplete(locale, missing)));
        }

        return Task.FromResult(PromptRecognizerResult<JsonElement>.Success(PromptActivities.ToElement(data)));
    }

    protected override Task OnAcceptedAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, PromptRecognizerResult<JsonElement> recognized, CancellationToken cancellationToken)
    {
        // Handed on to a prompt the dialog begins again in this turn at the same place (a form sent back after "Check"):
        // this card's id and the one the answer came from.
        if (turnContext.TurnState.TryGetValue(ContinuingPathKey, out var path) && path is string continuing
            && state.GetValue<string>(FormIdKey) is { } own)
        {
            var used = turnContext.TurnState.TryGetValue(SubmittedFormIdKey, out var submitted) ? submitted as string : null;
            turnContext.TurnState[AnsweredKey] = new AnsweredForm(Id, continuing, [.. new[] { own, used }.OfType<string>().Distinct(StringComparer.Ordinal)]);
        }

        SetInvokeMessage(turnContext, turnContext.GetDialogMessages().FormReceived(GetLocale(turnContext)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Where a prompt sits: the ids of every dialog on its stack and on its parents' stacks, top to bottom, innermost
    /// first, with each waterfall's step. A form sent again by the same step of the same dialog (the waterfall replaced
    /// by itself, back at that step) sits at the same place; the next step's form, or another dialog's, does not.
    /// </summary>
    private static string PathOf(DialogContext dc)
    {
        var parts = new List<string>();
        for (var context = dc; context is not null; context = context.Parent)
        {
            parts.Add(string.Join("/", context.Stack.Select(Place)));
        }

        return string.Join("|", parts);
    }

    private static string Place(DialogInstance instance)
    {
        if (!instance.State.TryGetValue(WaterfallDialog.StepIndexKey, out var raw) || raw is null)
        {
            return instance.Id;
        }

        try
        {
            return instance.Id + "#" + DialogStateValues.Convert<int>(raw).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            return instance.Id + "#?";
        }
    }

    private sealed record AnsweredForm(string PromptId, string Path, string[] FormIds);

    protected override async Task OnRetryAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, PromptValidatorContext<JsonElement> validation, CancellationToken cancellationToken)
    {
        var reason = validation.Reason ?? turnContext.GetDialogMessages().FillInForm(GetLocale(turnContext));
        if (turnContext.Activity.IsType(ActivityTypes.Invoke))
        {
            // The card stays as the user filled it; the reason is shown in it.
            SetInvokeMessage(turnContext, reason);
            return;
        }

        if (turnContext.Responded)
        {
            return;
        }

        await turnContext.SendActivityAsync(turnContext.Activity.CreateReply(reason), cancellationToken).ConfigureAwait(false);

        // A new card would lose what the user typed into the old one, so only an explicit retry card is sent.
        if (options.RetryPrompt is not null)
        {
            await OnPromptAsync(turnContext, state, options, true, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task OnTooManyAttemptsAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        await base.OnTooManyAttemptsAsync(turnContext, state, options, cancellationToken).ConfigureAwait(false);
        SetInvokeMessage(turnContext, turnContext.GetDialogMessages().TooManyAttempts(GetLocale(turnContext)));
    }

    private static void SetInvokeMessage(ITurnContext turnContext, string text)
    {
        if (turnContext.Activity.IsType(ActivityTypes.Invoke))
        {
            turnContext.InvokeResponse = new InvokeResponse(200, AdaptiveCardInvokeResponse.Message(text));
        }
    }

    /// <summary>The data of an Action.Submit (message value) or Action.Execute (invoke action.data), as an object.</summary>
    private static JsonObject? GetSubmittedData(Activity activity)
    {
        var data = CardInput.DataOf(activity);
        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            // Reading the property names: one with a lone surrogate ("\ud800") throws, and is no form's data.
            var obj = JsonObject.Create(element)!;
            _ = obj.Count;
            return obj;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // A string that is not acceptable text (a lone surrogate, on which reading it throws; a control character) is not
    // "missing": the dialog's own reading of the form refuses it, naming the field. One that shows nothing (spaces,
    // zero-width characters) is, as at every other prompt.
    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue element when element.TryGetValue<JsonElement>(out var raw) => CardInput.TryGetText(raw, out var text) && text is not null && VisibleText.ShowsNothing(text),
        _ => value.GetValueKind() == JsonValueKind.String && VisibleText.ShowsNothing(value.GetValue<string>()),
    };

    private static IEnumerable<(string Id, string? Label)> Inputs(PromptOptions options, bool requiredOnly)
    {
        foreach (var attachment in options.Prompt?.Attachments ?? [])
        {
            if (attachment.Content is { ValueKind: JsonValueKind.Object } card)
            {
                foreach (var input in FindInputs(card, requiredOnly))
                {
                    yield return input;
                }
            }
        }
    }

    private static IEnumerable<(string Id, string? Label)> FindInputs(JsonElement element, bool requiredOnly)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal)
                && (!requiredOnly || (element.TryGetProperty("isRequired", out var required) && required.ValueKind == JsonValueKind.True))
                && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                var label = element.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(l.GetString())
                    ? l.GetString()
                    : null;
                yield return (id.GetString()!, label);
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var nested in FindInputs(property.Value, requiredOnly))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in FindInputs(item, requiredOnly))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>A copy of an Adaptive Card attachment whose submit/execute actions carry the form id.</summary>
    private static Attachment StampFormId(Attachment attachment, string formId) =>
        PromptActivities.StampActions(attachment, action =>
        {
            if (action["data"] is null)
            {
                action["data"] = new JsonObject();
            }

            if (action["data"] is JsonObject data)
            {
                data[FormIdKey] = formId;
                if (action["associatedInputs"] is JsonValue associated && associated.TryGetValue<string>(out var inputs)
                    && string.Equals(inputs, "none", StringComparison.OrdinalIgnoreCase))
                {
                    data[NoInputsKey] = true;
                }
            }

            return true;
        });
}
