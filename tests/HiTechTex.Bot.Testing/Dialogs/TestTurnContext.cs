using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Testing.Dialogs;

/// <summary>An in-memory <see cref="ITurnContext"/> that records what the bot sends.</summary>
public sealed class TestTurnContext(Activity activity) : ITurnContext
{
    private readonly List<Activity> sent = [];
    private readonly List<SendActivitiesHandler> sendHandlers = [];
    private int nextId;

    public Activity Activity { get; } = activity;

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded { get; private set; }

    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Everything sent in this turn, in order.</summary>
    public IReadOnlyList<Activity> SentActivities => sent;

    /// <summary>Updates asked for in this turn.</summary>
    public List<Activity> UpdatedActivities { get; } = [];

    /// <summary>Deletions asked for in this turn.</summary>
    public List<string> DeletedActivityIds { get; } = [];

    public Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivitiesPipeline.SendAsync(this, sendHandlers, activity, Record);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        sendHandlers.Add(handler);
        return this;
    }

    private Task<ResourceResponse?> Record(Activity activity)
    {
        activity.Id ??= $"sent-{++nextId}";
        sent.Add(activity);
        if (!activity.IsType(ActivityTypes.Trace))
        {
            Responded = true;
        }

        return Task.FromResult<ResourceResponse?>(new ResourceResponse(activity.Id));
    }

    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        UpdatedActivities.Add(activity);
        return Task.FromResult<ResourceResponse?>(new ResourceResponse(activity.Id));
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        DeletedActivityIds.Add(activityId);
        return Task.CompletedTask;
    }
}
