namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>The bot's turn logic. Usually an <see cref="ActivityHandler"/>.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
