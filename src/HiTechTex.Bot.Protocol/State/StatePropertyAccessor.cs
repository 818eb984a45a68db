using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>The accessor returned by <see cref="BotState.CreateProperty{T}"/>.</summary>
internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        await state.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return state.GetPropertyValue(turnContext, Name, defaultValueFactory);
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        await state.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        state.SetPropertyValue(turnContext, Name, value);
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await state.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        state.DeletePropertyValue(turnContext, Name);
    }
}
