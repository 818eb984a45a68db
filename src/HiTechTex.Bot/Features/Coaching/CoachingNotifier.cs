using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Proactive messages to one registered person (promotion, reminder, session moved or cancelled) in their language
/// as it is now — their profile's, which they may have changed since registering; else the one they registered in —
/// to the conversation they registered from, else their personal chat with the bot.
/// </summary>
internal sealed class CoachingNotifier(IProactiveMessenger messenger, CoachingCards cards, CatalogService catalog, BookingService booking, RecipientLanguages languages)
{
    public async Task<ProactiveSendStatus> SendAsync(CoachingRegistration registration, Func<CoachingTexts, CoachingSession, string> message, bool withCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(message);
        Activity? activity;
        try
        {
            activity = await MakeAsync(registration, message, withCard, cancellationToken);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception is not DeliveryCancelledException)
        {
            // Stopped while the message was made (the session, the language read): nothing reached the connector, and the
            // caller may give its claim back (the reminders do).
            throw new DeliveryCancelledException(exception, cancellationToken);
        }

        if (activity is null)
        {
            return ProactiveSendStatus.NoReference;
        }

        ProactiveSendResult? result = null;
        if (registration.ConversationId is { Length: > 0 } conversationId)
        {
            result = await messenger.SendToConversationAsync(conversationId, activity, cancellationToken);
        }

        if (result is null or { Status: ProactiveSendStatus.NoReference } && registration.TenantId is { Length: > 0 } tenantId)
        {
            result = await messenger.SendToUserAsync(registration.UserAadObjectId, tenantId, activity, cancellationToken);
        }

        return result?.Status ?? ProactiveSendStatus.NoReference;
    }

    /// <summary>The message in the person's language, or null when its session is gone.</summary>
    private async Task<Activity?> MakeAsync(CoachingRegistration registration, Func<CoachingTexts, CoachingSession, string> message, bool withCard, CancellationToken cancellationToken)
    {
        var summary = await catalog.GetAsync(registration.SessionId, cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var current = registration.TenantId is { Length: > 0 } tenant
            ? await languages.FindAsync(registration.UserAadObjectId, tenant, cancellationToken)
            : null;
        var texts = CoachingTexts.Resolve(current ?? registration.Language);
        var activity = new Activity { Type = ActivityTypes.Message, Text = message(texts, summary.Session), TextFormat = "plain" };
        if (withCard)
        {
            // A waitlisted person's card shows their place now ("Waitlist, position 2"), not a position of 0.
            int? position = registration.Status == RegistrationStatus.Waitlisted
                ? await booking.WaitlistPositionAsync(registration, cancellationToken)
                : null;
            activity.Attachments = [cards.Details(texts, summary, registration, position, isCoordinator: false, readerZone: registration.TimeZone)];
        }

        return activity;
    }
}
