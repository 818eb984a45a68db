namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// A step that runs around every turn, in registration order (Bot Framework shape). Call <c>next</c> to continue
/// the pipeline; not calling it ends the turn there.
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
