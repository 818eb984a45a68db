using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// One turn: the inbound activity and the means to answer it. Sends go to the connector, or into the HTTP
/// response for <c>deliveryMode: expectReplies</c> (spec §4.1).
/// </summary>
public interface ITurnContext
{
    /// <summary>The inbound activity (with the bot's own mention already stripped from <c>text</c> and its HTML entities decoded).</summary>
    Activity Activity { get; }

    /// <summary>Per-turn values shared by middleware, handlers and dialogs.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once anything has been sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>The response to an invoke, written as the HTTP body with its status (spec §4.2).</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Sends an activity (through the handlers added with <see cref="OnSendActivities"/>).</summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a handler that sees every activity this turn sends from now on, before it goes out (BB
    /// <c>OnSendActivities</c>); handlers run in the order they were added. Updates and deletes do not pass them.
    /// </summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);
}
