using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Settings of <see cref="ShowTypingMiddleware"/>.</summary>
public sealed class ShowTypingOptions
{
    /// <summary>Whether the bot shows "typing…" during slow turns.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a turn runs before the first typing activity (fast turns show none).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often it is repeated while the turn runs: a client shows one for about three seconds, and a sender should
    /// not send them more often than every two (activity spec A6000–A6001).
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Shows "typing…" while the bot works on a message (the Bot Framework's <c>ShowTypingMiddleware</c>): when the rest of
/// the turn takes longer than <see cref="ShowTypingOptions.Delay"/>, a <c>typing</c> activity goes to the conversation,
/// and again every <see cref="ShowTypingOptions.Period"/> until the turn ends. Only for a user's message, and not for
/// <c>expectReplies</c> (nothing may be posted then) nor in a channel (Teams shows no typing there). The typing
/// activities go straight to the connector, so they do not count as the turn's replies; one that fails is logged and
/// never fails the turn.
/// </summary>
public sealed class ShowTypingMiddleware(
    IConnectorClient connector,
    TimeProvider timeProvider,
    IOptions<ShowTypingOptions> options,
    ILogger<ShowTypingMiddleware> logger) : IMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var settings = options.Value;
        if (!settings.Enabled || !ShowsTyping(turnContext.Activity))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var turnEnded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = ShowTypingAsync(turnContext.Activity, settings, turnEnded.Token);
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await turnEnded.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);   // never throws: a typing activity in flight completes or is dropped
        }
    }

    private static bool ShowsTyping(Activity activity) =>
        activity.IsType(ActivityTypes.Message)
        && !string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrEmpty(activity.ServiceUrl)
        && !string.IsNullOrEmpty(activity.Conversation?.Id);

    private async Task ShowTypingAsync(Activity inbound, ShowTypingOptions settings, CancellationToken turnEnded)
    {
        try
        {
            await Task.Delay(settings.Delay, timeProvider, turnEnded).ConfigureAwait(false);
            while (!turnEnded.IsCancellationRequested)
            {
                try
                {
                    await connector.SendToConversationAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, Typing(inbound), turnEnded).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.TypingFailed(logger, exception);
                }

                await Task.Delay(settings.Period, timeProvider, turnEnded).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended: no more typing.
        }
    }

    private static Activity Typing(Activity inbound) => new()
    {
        Type = ActivityTypes.Typing,
        ChannelId = inbound.ChannelId,
        ServiceUrl = inbound.ServiceUrl,
        From = inbound.Recipient is null ? null : new ChannelAccount { Id = inbound.Recipient.Id, Name = inbound.Recipient.Name },
        Recipient = inbound.From is null ? null : new ChannelAccount { Id = inbound.From.Id, Name = inbound.From.Name, AadObjectId = inbound.From.AadObjectId },
        Conversation = new ConversationAccount
        {
            Id = inbound.Conversation?.Id,
            ConversationType = inbound.Conversation?.ConversationType,
            IsGroup = inbound.Conversation?.IsGroup,
            TenantId = inbound.Conversation?.TenantId,
        },
    };
}
