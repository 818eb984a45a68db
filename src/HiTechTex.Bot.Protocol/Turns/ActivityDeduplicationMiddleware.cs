using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Runs the bot at most once per activity id. Teams redelivers an activity it got no answer for within ~15 s; the
/// redelivery carries the same id and must not book, send or ask twice. A duplicate is answered without running the
/// bot: HTTP 200 for a non-invoke activity. The original answer of an invoke cannot be replayed (it was never stored),
/// and an invoke must never get 200 with an empty body (checklist 20: Teams shows the user an error), so a duplicate
/// <c>adaptiveCard/action</c> gets the message <see cref="IDialogMessages.AlreadyDone"/> (in the activity's locale when
/// the host registers its <see cref="IDialogMessages"/>, else "Already done") and any other invoke
/// <see cref="DuplicateInvokeStatus"/> (409) with an error body. A read-only invoke (<see cref="IsReadOnlyInvoke"/>:
/// <c>composeExtension/query</c>, a search) is not de-duplicated at all: running it again changes nothing, and its
/// redelivery gets its results. Activities without an id or conversation pass through.
/// </summary>
/// <remarks>
/// The activity is marked before the bot runs (at most once): marking afterwards would let the redelivery of a slow
/// turn — the very case Teams retries — run in parallel with the original. Register it after the telemetry
/// middleware (so duplicates still show up in traces) and before anything with side effects.
/// <para>
/// With the <see cref="ConversationReferenceCache"/> of the <see cref="ConversationReferenceMiddleware"/> (registered by
/// <c>AddBotTurns</c>), a conversation reference that changed — every conversation's first activity — is stored in the
/// same write as the mark (<see cref="IProcessedActivityStore.TryMarkProcessedAsync(string, string, string, ConversationReference?, CancellationToken)"/>),
/// and the reference middleware then writes nothing: one database round trip instead of two. Should that combined
/// write fail, the activity is marked alone and the reference middleware saves the reference as before (a failed
/// refresh never costs the user their answer).
/// </para>
/// </remarks>
public sealed partial class ActivityDeduplicationMiddleware(
    IProcessedActivityStore store,
    ILogger<ActivityDeduplicationMiddleware> logger,
    ConversationReferenceCache? referenceCache = null,
    IDialogMessages? messages = null) : IMiddleware
{
    /// <summary>The English text of the <c>adaptiveCard/action</c> answer to a duplicate (<see cref="EnglishDialogMessages.AlreadyDone"/>).</summary>
    public const string AlreadyDoneMessage = "Already done";

    /// <summary>
    /// The HTTP status of a duplicate invoke that is neither read-only nor <c>adaptiveCard/action</c>: 409 Conflict —
    /// it was taken already, and its answer, whose shape only the bot knows, cannot be given again.
    /// </summary>
    public const int DuplicateInvokeStatus = 409;

    /// <summary>The error code in the body of a <see cref="DuplicateInvokeStatus"/> answer.</summary>
    public const string DuplicateInvokeCode = "DuplicateActivity";

    /// <summary>
    /// An invoke that only reads (a message-extension search): it is run again when Teams redelivers it, so the user
    /// gets the results instead of an error; nothing is marked for it.
    /// </summary>
    public static bool IsReadOnlyInvoke(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, InvokeNames.ComposeExtensionQuery, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(activity.Id) || string.IsNullOrEmpty(conversationId) || IsReadOnlyInvoke(activity) ||
            await MarkAsync(turnContext, activity, conversationId, cancellationToken).ConfigureAwait(false))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        DuplicateSkipped(logger, activity.Type, activity.Id);
        if (activity.IsType(ActivityTypes.Invoke))
        {
            turnContext.InvokeResponse = string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal)
                ? new InvokeResponse(200, AdaptiveCardInvokeResponse.Message((messages ?? EnglishDialogMessages.Instance).AlreadyDone(activity.Locale)))
                : new InvokeResponse(DuplicateInvokeStatus, new ErrorDetail { Code = DuplicateInvokeCode, Message = "This activity was already processed." });
        }
    }

    private async Task<bool> MarkAsync(ITurnContext turnContext, Activity activity, string conversationId, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId ?? string.Empty;
        if (referenceCache is null || !ConversationReferenceMiddleware.TryPlanRefresh(activity, referenceCache, out var reference, out var fingerprint))
        {
            return await store.TryMarkProcessedAsync(channelId, conversationId, activity.Id!, cancellationToken).ConfigureAwait(false);
        }

        ActivityMark mark;
        try
        {
            mark = await store.TryMarkProcessedAsync(channelId, conversationId, activity.Id!, reference, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing of the combined write was kept: mark alone; the reference middleware saves (or logs) the reference.
            ReferenceWithMarkFailed(logger, e);
            return await store.TryMarkProcessedAsync(channelId, conversationId, activity.Id!, cancellationToken).ConfigureAwait(false);
        }

        if (mark.IsFirst && mark.ReferenceSaved)
        {
            referenceCache.Remember(conversationId, fingerprint);
            turnContext.TurnState[ConversationReferenceMiddleware.SavedWithMarkKey] = true;
        }

        return mark.IsFirst;
    }

    [LoggerMessage(EventId = 1331, Level = LogLevel.Warning, Message = "Storing the conversation reference with the activity's mark failed; marking alone")]
    private static partial void ReferenceWithMarkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1330, Level = LogLevel.Information, Message = "Duplicate {ActivityType} activity {ActivityId} skipped: it was already processed")]
    private static partial void DuplicateSkipped(ILogger logger, string? activityType, string? activityId);
}
