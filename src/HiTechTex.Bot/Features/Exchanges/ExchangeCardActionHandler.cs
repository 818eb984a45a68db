using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The <c>exchange.*</c> Action.Execute invokes (decisions, closing report, Universal Actions refresh): who acts is
/// Teams' <c>from.aadObjectId</c>; the answer is always a card (the current one, or a polite error card).
/// </summary>
internal sealed class ExchangeCardActionHandler(ExchangeWorkflow workflow, ExchangeCards cards) : ICardActionHandler
{
    public bool CanHandle(string verb) => ExchangeVerbs.Card.Contains(verb);

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(invokeValue);
        var texts = ExchangeTexts.Resolve(turnContext.GetTexts().Language);
        var actor = ExchangeActors.From(turnContext);
        var card = actor is null
            ? cards.Error(texts, texts.NotAllowed)
            : (await workflow.HandleAsync(actor, invokeValue.Action?.Verb ?? "", invokeValue.Action?.Data, texts, cancellationToken).ConfigureAwait(false)).Card;
        return AdaptiveCardInvokeResponse.Card(JsonSerializer.SerializeToElement(card));
    }
}
