using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>A test bot that counts its turns per activity id and answers invokes with a card message.</summary>
internal sealed class CountingBot : IBot
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> turns = new(StringComparer.Ordinal);

    public int TurnsFor(string activityId) => turns.GetValueOrDefault(activityId);

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        turns.AddOrUpdate(turnContext.Activity.Id ?? string.Empty, 1, (_, n) => n + 1);
        if (turnContext.Activity.IsType(ActivityTypes.Invoke))
        {
            turnContext.InvokeResponse = new InvokeResponse(200, AdaptiveCardInvokeResponse.Message("Booked"));
        }

        return Task.CompletedTask;
    }
}
