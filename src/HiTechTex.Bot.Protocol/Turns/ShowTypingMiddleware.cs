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
/// <para>
/// "typing…" never follows the bot's own answer: a reply of the turn waits for a typing activity in flight, and after a
/// reply the next typing activity waits a full <see cref="ShowTypingOptions.Delay"/> again — so a turn that answers and
/// then only saves its state shows none (a client would otherwise show "typing…" under the answer for seconds), while a
/// turn that answers and then works on for long shows it again.
/// </para>
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
        var sends = new SendOrder(timeProvider);   // not disposed: the turn's error handler may still send through it
        turnContext.OnSendActivities(sends.ReplyAsync);
        var typing = ShowTypingAsync(turnContext.Activity, settings, sends, turnEnded.Token);
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

    private async Task ShowTypingAsync(Activity inbound, ShowTypingOptions settings, SendOrder sends, CancellationToken turnEnded)
    {
        try
        {
            var wait = settings.Delay;
            while (true)
            {
                await Task.Delay(wait, timeProvider, turnEnded).ConfigureAwait(false);
                await sends.Gate.WaitAsync(turnEnded).ConfigureAwait(false);
                try
                {
                    // A reply went out while this loop waited: start the delay again from that reply.
                    var sinceReply = sends.SinceLastReply();
                    if (sinceReply < settings.Delay)
                    {
                        wait = settings.Delay - sinceReply;
                        continue;
                    }

                    try
                    {
                        await connector.SendToConversationAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, Typing(inbound), turnEnded).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        Log.TypingFailed(logger, exception);
                    }
                }
                finally
                {
                    sends.Gate.Release();
                }

                wait = settings.Period;
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended: no more typing.
        }
    }

    /// <summary>Keeps a turn's replies and its typing activities apart: one at a time, and when the last reply went out.</summary>
    private sealed class SendOrder(TimeProvider timeProvider)
    {
        private long lastReply = long.MinValue;

        /// <summary>Held while a typing activity or a reply is being sent.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The turn's send handler: waits for a typing activity in flight, sends, and notes the time.</summary>
        public async Task<ResourceResponse?[]> ReplyAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse?[]>> next)
        {
            await Gate.WaitAsync().ConfigureAwait(false);
            try
            {
                return await next().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Exchange(ref lastReply, timeProvider.GetTimestamp());
                Gate.Release();
            }
        }

        /// <summary>Time since the turn's last reply; <see cref="TimeSpan.MaxValue"/> before the first.</summary>
        public TimeSpan SinceLastReply()
        {
            var last = Interlocked.Read(ref lastReply);
            return last == long.MinValue ? TimeSpan.MaxValue : timeProvider.GetElapsedTime(last);
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
