namespace HiTechTex.Bot.Cards.Templating;

/// <summary>A template array whose items have been prepared.</summary>
internal sealed class PreparedArray(List<object?> items)
{
    public List<object?> Items { get; } = items;
}
