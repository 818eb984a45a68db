using System.Diagnostics.CodeAnalysis;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Keeps the stored conversation references current (spec §3.3, checklist 13–14): saves one when the bot is
/// installed or added, refreshes it from every inbound activity (serviceUrls can change), and deletes it when the bot
/// is uninstalled or removed. It runs only on activities the adapter authenticated (or accepted in dev mode).
/// </summary>
public sealed class ConversationReferenceMiddleware(
    IConversationReferenceStore store,
    ConversationReferenceCache cache,
    ILogger<ConversationReferenceMiddleware> logger) : IMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id;
        if (!string.IsNullOrEmpty(conversationId) && !string.IsNullOrEmpty(activity.ServiceUrl))
        {
            // The store is updated before the bot runs, so a handler that starts proactive work already finds it.
            if (activity.IsBotUninstalled())
            {
                cache.Forget(conversationId);
                await store.DeleteAsync(conversationId, cancellationToken).ConfigureAwait(false);
                Log.ConversationReferenceDeleted(logger);
            }
            else if (activity.IsBotInstalled())
            {
                await SaveAsync(activity, conversationId, isInstall: true, cancellationToken).ConfigureAwait(false);
            }
            else if (!turnContext.TurnState.ContainsKey(SavedWithMarkKey))
            {
                await RefreshAsync(activity, conversationId, cancellationToken).ConfigureAwait(false);
            }
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Turn state key set by <see cref="ActivityDeduplicationMiddleware"/> when it stored the reference together with
    /// the activity's processed mark (<see cref="TryPlanRefresh"/>): this middleware then has nothing left to write.
    /// </summary>
    internal const string SavedWithMarkKey = "HiTechTex.Bot.Protocol.ConversationReferenceSavedWithMark";

    /// <summary>
    /// The reference a plain refresh of this activity would write, when it would write one (it changed, or is not
    /// remembered as saved) and needs nothing read first. Installs, uninstalls and activities without a locale (whose
    /// stored locale is kept, which takes a read) are left to this middleware.
    /// </summary>
    internal static bool TryPlanRefresh(
        Activity activity, ConversationReferenceCache cache, [NotNullWhen(true)] out ConversationReference? reference, [NotNullWhen(true)] out string? fingerprint)
    {
        reference = null;
        fingerprint = null;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activity.ServiceUrl) ||
            activity.IsBotUninstalled() || activity.IsBotInstalled() || string.IsNullOrEmpty(activity.Locale))
        {
            return false;
        }

        var planned = CreateReference(activity);
        var print = Fingerprint(planned);
        if (cache.IsUnchanged(conversationId, print))
        {
            return false;
        }

        reference = planned;
        fingerprint = print;
        return true;
    }

    private async Task RefreshAsync(Activity activity, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(activity, conversationId, isInstall: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed refresh must not cost the user their answer; the next activity tries again.
            cache.Forget(conversationId);
            Log.ConversationReferenceRefreshFailed(logger, e);
        }
    }

    private async Task SaveAsync(Activity activity, string conversationId, bool isInstall, CancellationToken cancellationToken)
    {
        var reference = CreateReference(activity);
        var fingerprint = Fingerprint(reference);
        if (!isInstall && cache.IsUnchanged(conversationId, fingerprint))
        {
            return;
        }

        if (reference.Locale is null
            && await store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false) is { Reference.Locale: { } known })
        {
            // Teams sends no locale on some activities (a conversationUpdate right after the installationUpdate): keep
            // the one known, so a proactive message can still speak the user's language.
            reference.Locale = known;
        }

        await store.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        cache.Remember(conversationId, fingerprint);
        Log.ConversationReferenceSaved(logger, isInstall);
    }

    /// <summary>
    /// The reference to store: serviceUrl, conversation (with the tenant id, which Teams may send only in channel
    /// data), bot, and user with their Entra object id.
    /// </summary>
    internal static ConversationReference CreateReference(Activity activity)
    {
        var conversation = activity.Conversation!;
        return new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            Conversation = new ConversationAccount
            {
                Id = conversation.Id,
                Name = conversation.Name,
                IsGroup = conversation.IsGroup,
                ConversationType = conversation.ConversationType,
                TenantId = activity.GetTenantId(),
            },
            Bot = activity.Recipient is null ? null : new ChannelAccount { Id = activity.Recipient.Id, Name = activity.Recipient.Name },
            User = activity.From is null ? null : new ChannelAccount
            {
                Id = activity.From.Id,
                Name = activity.From.Name,
                AadObjectId = activity.From.AadObjectId,
            },
        };
    }

    private static string Fingerprint(ConversationReference reference)
    {
        // In a group chat or channel each message may come from someone else; the conversation is what matters there,
        // so the sender only counts as a change in a personal chat.
        var personal = string.Equals(reference.Conversation?.ConversationType, "personal", StringComparison.Ordinal);
        return string.Join(
            '\n',
            reference.ServiceUrl,
            reference.ChannelId,
            reference.Conversation?.TenantId,
            reference.Conversation?.ConversationType,
            reference.Bot?.Id,
            personal ? reference.User?.Id : null,
            personal ? reference.User?.AadObjectId : null);
    }
}
