namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>The logic that runs at the end of the middleware pipeline, usually <see cref="IBot.OnTurnAsync"/>.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
