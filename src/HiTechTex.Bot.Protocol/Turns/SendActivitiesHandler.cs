using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Sees the activities a turn is about to send (BB <c>SendActivitiesHandler</c>): it may change or replace them, add
/// or drop some, and calls <paramref name="next"/> to go on — or does not, and nothing is sent.
/// </summary>
/// <param name="turnContext">The turn that sends.</param>
/// <param name="activities">What is being sent, already addressed to the turn's conversation.</param>
/// <param name="next">The next handler, and after the last one the send itself.</param>
public delegate Task<ResourceResponse?[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse?[]>> next);

/// <summary>Runs a turn's <see cref="SendActivitiesHandler"/>s in registration order, then the send.</summary>
public static class SendActivitiesPipeline
{
    /// <summary>
    /// Sends <paramref name="activity"/> through <paramref name="handlers"/>; <paramref name="send"/> sends one
    /// activity. Returns the first response (null when a handler sent nothing).
    /// </summary>
    public static async Task<ResourceResponse?> SendAsync(
        ITurnContext turnContext, IReadOnlyList<SendActivitiesHandler> handlers, Activity activity, Func<Activity, Task<ResourceResponse?>> send)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(send);
        if (handlers.Count == 0)
        {
            return await send(activity).ConfigureAwait(false);
        }

        var activities = new List<Activity> { activity };
        var responses = await RunAsync(0).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : null;

        async Task<ResourceResponse?[]> RunAsync(int index)
        {
            if (index < handlers.Count)
            {
                return await handlers[index](turnContext, activities, () => RunAsync(index + 1)).ConfigureAwait(false);
            }

            var sent = new ResourceResponse?[activities.Count];
            for (var i = 0; i < activities.Count; i++)
            {
                sent[i] = await send(activities[i]).ConfigureAwait(false);
            }

            return sent;
        }
    }
}
