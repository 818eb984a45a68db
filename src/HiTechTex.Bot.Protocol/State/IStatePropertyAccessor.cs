using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>A named, typed property of a <see cref="BotState"/>, read and written within one turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>
    /// The value, loading the state if this turn has not yet. When absent, the value from
    /// <paramref name="defaultValueFactory"/> is stored and returned (or <c>default</c> without a factory).
    /// </summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the value; it is written by <see cref="BotState.SaveChangesAsync"/>.</summary>
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    /// <summary>Removes the value; the removal is written by <see cref="BotState.SaveChangesAsync"/>.</summary>
    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
