using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Testing.Dialogs;

/// <summary>
/// Runs bot logic turn by turn in memory, like a host would: each activity gets a fresh
/// <see cref="TestTurnContext"/> (so nothing survives a turn except what the logic stores), filled in with the
/// conversation fields of a Teams personal chat. Replies are queued for <see cref="TestFlow"/>.
/// </summary>
public sealed class TestAdapter(Func<ITurnContext, CancellationToken, Task> logic)
{
    private static readonly System.Reflection.PropertyInfo[] ActivityProperties =
        [.. typeof(Activity).GetProperties().Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)];

    private int nextId;

    public string ChannelId { get; set; } = "msteams";

    public string ConversationId { get; set; } = "a:conversation-1";

    public ChannelAccount User { get; set; } = new() { Id = "29:user-1", Name = "Ana", AadObjectId = "00000000-0000-0000-0000-000000000001" };

    public ChannelAccount Bot { get; set; } = new() { Id = "28:bot", Name = "Bot" };

    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/emea/";

    /// <summary>The locale of the user's activities.</summary>
    public string? Locale { get; set; } = "en-US";

    /// <summary>The IANA zone of the user's activities (<c>localTimezone</c>).</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Runs before the logic in every turn (e.g. to put services into the turn state).</summary>
    public Action<TestTurnContext>? OnTurnStart { get; set; }

    /// <summary>What the bot sent and no assertion has taken yet.</summary>
    public Queue<Activity> Replies { get; } = new();

    /// <summary>The context of the last turn.</summary>
    public TestTurnContext? LastTurn { get; private set; }

    /// <summary>A user message with <paramref name="text"/>.</summary>
    public Activity MakeMessage(string? text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A user message carrying an <c>Action.Submit</c> payload.</summary>
    public Activity MakeSubmit(JsonElement value) => new() { Type = ActivityTypes.Message, Value = value };

    /// <summary>An <c>adaptiveCard/action</c> invoke for an <c>Action.Execute</c> with <paramref name="data"/>.</summary>
    public Activity MakeExecute(string verb, JsonElement data)
    {
        var value = new AdaptiveCardInvokeValue
        {
            Action = new AdaptiveCardInvokeAction { Type = "Action.Execute", Verb = verb, Data = data },
            Trigger = "manual",
        };
        return new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = JsonSerializer.SerializeToElement(value, ProtocolJsonContext.Outbound.AdaptiveCardInvokeValue),
        };
    }

    /// <summary>
    /// Completes the activity's conversation fields and runs one turn on a copy of it, its text decoded as the host's
    /// adapter decodes what it reads off the wire: the activity passed in keeps its text as sent, so sending one
    /// activity twice is two turns with the same text (decoding in place would turn "&amp;amp;amp;" into "&amp;" by
    /// the second send).
    /// </summary>
    public async Task<TestTurnContext> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id ??= $"activity-{++nextId}";
        activity.ChannelId ??= ChannelId;
        activity.ServiceUrl ??= ServiceUrl;
        activity.From ??= User;
        activity.Recipient ??= Bot;
        activity.Conversation ??= new ConversationAccount { Id = ConversationId, ConversationType = "personal" };
        activity.Locale ??= Locale;
        activity.LocalTimezone ??= LocalTimezone;
        activity.Timestamp ??= DateTimeOffset.UtcNow;

        // A fresh activity per turn, as the host's adapter reads one off every request.
        var received = CopyOf(activity);
        InboundText.DecodeMessageText(received);

        var turnContext = new TestTurnContext(received);
        OnTurnStart?.Invoke(turnContext);
        await logic(turnContext, cancellationToken).ConfigureAwait(false);
        foreach (var reply in turnContext.SentActivities)
        {
            Replies.Enqueue(reply);
        }

        LastTurn = turnContext;
        return turnContext;
    }

    /// <summary>
    /// A member-wise copy (every settable property, so a field added to <see cref="Activity"/> is copied too). Not
    /// through JSON: a test may send what JSON would not carry unchanged, such as a lone surrogate in a card's value.
    /// </summary>
    private static Activity CopyOf(Activity activity)
    {
        var copy = new Activity();
        foreach (var property in ActivityProperties)
        {
            property.SetValue(copy, property.GetValue(activity));
        }

        return copy;
    }
}
