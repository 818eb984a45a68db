namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>An ordered list of <see cref="IMiddleware"/> that ends in a bot callback.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> middleware = [];

    public MiddlewareSet()
    {
    }

    public MiddlewareSet(IEnumerable<IMiddleware> middleware) => this.middleware.AddRange(middleware);

    /// <summary>Appends a middleware; the first added runs outermost.</summary>
    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        this.middleware.Add(middleware);
        return this;
    }

    /// <summary>Runs every middleware in order, then <paramref name="callback"/> (if the pipeline was not short-circuited).</summary>
    public Task ReceiveActivityAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken) =>
        RunAsync(turnContext, callback, 0, cancellationToken);

    /// <summary>Lets a set be nested inside another pipeline.</summary>
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) =>
        RunAsync(turnContext, (_, ct) => next(ct), 0, cancellationToken);

    private Task RunAsync(ITurnContext turnContext, BotCallbackHandler? callback, int index, CancellationToken cancellationToken)
    {
        if (index == middleware.Count)
        {
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        }

        return middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, callback, index + 1, ct), cancellationToken);
    }
}
