using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Runs the bot at most once per activity id. Teams redelivers an activity it got no answer for within ~15 s; the
/// redelivery carries the same id and must not book, send or ask twice. A duplicate is answered HTTP 200 without
/// running the bot. The original answer of an invoke cannot be replayed (it was never stored), so a duplicate
/// <c>adaptiveCard/action</c> gets the message "Already done" and any other invoke 200 with an empty body.
/// Activities without an id or conversation pass through.
/// </summary>
/// <remarks>
/// The activity is marked before the bot runs (at most once): marking afterwards would let the redelivery of a slow
/// turn — the very case Teams retries — run in parallel with the original. Register it after the telemetry
/// middleware (so duplicates still show up in traces) and before anything with side effects.
/// </remarks>
public sealed partial class ActivityDeduplicationMiddleware(
    IProcessedActivityStore store,
    ILogger<ActivityDeduplicationMiddleware> logger) : IMiddleware
{
    /// <summary>The text of the <c>adaptiveCard/action</c> answer to a duplicate.</summary>
    public const string AlreadyDoneMessage = "Already done";

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(activity.Id) || string.IsNullOrEmpty(conversationId) ||
            await store.TryMarkProcessedAsync(activity.ChannelId ?? string.Empty, conversationId, activity.Id, cancellationToken).ConfigureAwait(false))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        DuplicateSkipped(logger, activity.Type, activity.Id);
        if (activity.IsType(ActivityTypes.Invoke))
        {
            turnContext.InvokeResponse = string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal)
                ? new InvokeResponse(200, AdaptiveCardInvokeResponse.Message(AlreadyDoneMessage))
                : new InvokeResponse(200);
        }
    }

    [LoggerMessage(EventId = 1330, Level = LogLevel.Information, Message = "Duplicate {ActivityType} activity {ActivityId} skipped: it was already processed")]
    private static partial void DuplicateSkipped(ILogger logger, string? activityType, string? activityId);
}
