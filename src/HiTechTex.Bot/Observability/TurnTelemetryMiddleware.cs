using System.Diagnostics;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using IMiddleware = HiTechTex.Bot.Protocol.Turns.IMiddleware;

namespace HiTechTex.Bot.Observability;

/// <summary>One span and one set of measurements per turn. Registered first, so it wraps every other middleware.</summary>
internal sealed class TurnTelemetryMiddleware : IMiddleware
{
    private static readonly HashSet<string> KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.Event, ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete,
        ActivityTypes.Typing, ActivityTypes.EndOfConversation,
    ];

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;

        // The type comes from the wire: anything unknown is folded into "other" to keep metric cardinality bounded.
        var type = activity.Type is { } t && KnownTypes.Contains(t) ? t : "other";
        using var span = BotTelemetry.ActivitySource.StartActivity($"turn {type}");
        span?.SetTag("bot.activity.type", type);
        span?.SetTag("bot.activity.name", activity.Name);
        span?.SetTag("bot.activity.id", activity.Id);
        span?.SetTag("bot.conversation.id", activity.Conversation?.Id);
        span?.SetTag("bot.conversation.type", activity.Conversation?.ConversationType);
        span?.SetTag("bot.channel.id", activity.ChannelId);

        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await next(cancellationToken);
        }
        catch (Exception e)
        {
            outcome = "error";
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            var tags = new TagList { { "bot.activity.type", type }, { "bot.outcome", outcome } };
            BotTelemetry.Turns.Add(1, tags);
            BotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
