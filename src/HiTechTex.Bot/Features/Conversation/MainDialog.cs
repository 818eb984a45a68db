using System.Text.Json;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The root dialog: makes sure the user has a profile (first use), then routes what they asked — a welcome-card
/// button or free text through <see cref="IIntentRecognizer"/> — to a journey, the help card or the welcome card.
/// Help, cancel and start over work at any point (<see cref="InterruptibleComponentDialog"/>).
/// </summary>
internal sealed class MainDialog : InterruptibleComponentDialog
{
    public const string DialogId = "main";

    /// <summary>The journeys a card button or an intent can start; each is a placeholder until its issue lands.</summary>
    public static readonly IReadOnlyList<Intent> Journeys =
        [Intent.FindPartners, Intent.ApplyForExchange, Intent.RegisterForCoaching, Intent.MyApplications, Intent.MySessions];

    private const string TextKey = "text";
    private const string ActionKey = "action";
    private const string NewProfileKey = "newProfile";
    private const string DataKey = "data";

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
        AddDialog(new WaterfallDialog("main.steps", [EnsureProfileAsync, RouteAsync]));
        AddDialog(profileDialog);

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
    public static JsonElement? ReadCardData(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            return value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
                && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? data.Clone()
                : null;
        }

        return value.Clone();
    }

    /// <summary>The card action (<c>data.action</c>) of an Action.Submit message or an Action.Execute invoke.</summary>
    public static string? ReadCardAction(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        // adaptiveCard/action carries the data under value.action.data; Action.Submit has it as the value itself.
        if (activity.IsType(ActivityTypes.Invoke)
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            value = data;
        }

        return value.TryGetProperty("action", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);

        // Help in the middle of a question: the card of what the bot can do, then the base class says how to go on
        // and asks the question again.
        var activity = outerDc.Context.Activity;
        if (activity.IsType(ActivityTypes.Message) && InterruptionRecognizer.Recognize(activity.Text) == InterruptionKind.Help)
        {
            await SendCardAsync(outerDc, cards.Help(outerDc.Context.GetTexts()), cancellationToken).ConfigureAwait(false);
        }

        return await base.ContinueDialogAsync(outerDc, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EnsureProfileAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // What the user asked is kept: after a first-use profile capture it is still answered.
        var activity = step.Context.Activity;
        step.Values[TextKey] = activity.Text?.Trim();
        step.Values[ActionKey] = ReadCardAction(activity);
        step.Values[DataKey] = ReadCardData(activity) is { } data ? data.GetRawText() : null;

        var profile = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (profile is not null)
        {
            return await step.NextAsync(profile, cancellationToken).ConfigureAwait(false);
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

        var texts = step.Context.GetTexts();
        var newProfile = step.GetValue<bool>(NewProfileKey);
        var action = step.GetValue<string>(ActionKey);
        var typed = step.GetValue<string>(TextKey);
        if (action is null && CommandOf(typed) is { } commanded)
        {
            var command = new JourneyStart(Intent.None, IntentEntities.Empty, typed, null, null);
            return await step.BeginDialogAsync(commanded.Dialog.Id, command, cancellationToken).ConfigureAwait(false);
        }

        var (intent, entities) = await UnderstandAsync(step, cancellationToken).ConfigureAwait(false);
        var started = action is null
            ? LoadedJourneys.FirstOrDefault(j => j.Intents.Contains(intent))
            : LoadedJourneys.FirstOrDefault(j => j.CardActions.Contains(action)) ?? LoadedJourneys.FirstOrDefault(j => j.Intents.Contains(intent));
        if (started is not null)
        {
            var start = new JourneyStart(intent, entities, action is null ? step.GetValue<string>(TextKey) : null, action, ReadData(step));
            return await step.BeginDialogAsync(started.Dialog.Id, start, cancellationToken).ConfigureAwait(false);
        }

        switch (intent)
        {
            case var journey when Journeys.Contains(journey):
                return await step.BeginDialogAsync(ComingSoonDialog.IdFor(journey), entities, cancellationToken).ConfigureAwait(false);
            case Intent.Help:
                await SendCardAsync(step, cards.Help(texts), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Cancel:
                await step.Context.SendActivityAsync(texts.Cancelled, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.None when step.GetValue<string>(TextKey) is { Length: > 0 } && !newProfile:
                await step.Context.SendActivityAsync(texts.DidNotUnderstand, cancellationToken).ConfigureAwait(false);
                await SendCardAsync(step, cards.Help(texts), cancellationToken).ConfigureAwait(false);
                break;
            default:
                // A greeting right after the profile, an empty message, the help card's menu button: the menu.
                await SendCardAsync(step, cards.Welcome(texts), cancellationToken).ConfigureAwait(false);
                break;
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(Intent Intent, IntentEntities Entities)> UnderstandAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var action = step.GetValue<string>(ActionKey);
        if (action is not null)
        {
            return (action switch
            {
                "findPartners" => Intent.FindPartners,
                "applyExchange" => Intent.ApplyForExchange,
                "bookSession" => Intent.RegisterForCoaching,
                "myApplications" => Intent.MyApplications,
                "mySessions" => Intent.MySessions,
                "help" => Intent.Help,
                _ => Intent.None,   // "welcome" (the help card's menu button) and anything unknown: the menu
            }, IntentEntities.Empty);
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
                return (Intent.None, IntentEntities.Empty);
        }

        var recognized = await recognizer.RecognizeAsync(text, step.Context.Activity.Locale, cancellationToken).ConfigureAwait(false);
        Log.Routed(logger, recognized.Intent.ToString(), recognized.Score, recognized.Source, step.Context.Activity.Conversation?.Id);
        return (recognized.Intent, recognized.Entities ?? IntentEntities.Empty);
    }

    private IJourney? CommandOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = Fold(text);
        return LoadedJourneys.FirstOrDefault(j => j.Commands.Any(c => string.Equals(Fold(c), folded, StringComparison.Ordinal)));
    }

    /// <summary>Lower case without accents or surrounding spaces/slash, so "/Progresso" matches "progresso".</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Trim().TrimStart('/').Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Replace('ı', 'i');
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
