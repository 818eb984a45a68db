using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The acting person of a turn, from what Teams sent (never from card data); named as their profile names them.</summary>
internal static class ExchangeActors
{
    /// <summary>Null when Teams sent no Entra object id (e.g. a guest without one): such a user can do nothing here.</summary>
    public static ExchangeActor? From(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        return activity.From is { AadObjectId: { Length: > 0 } aad } from
            ? new ExchangeActor(aad, turnContext.PersonName(), from.Id ?? "", activity.GetTenantId() ?? "", ExchangeTime.KnownZone(activity.LocalTimezone))
            : null;
    }
}
