namespace HiTechTex.Bot.Cards;

/// <summary>A bound card over the size the bot allows itself (28 KB, teams-protocol.md §5.1).</summary>
public sealed class CardTooLargeException(string templateName, int size, int limit)
    : Exception($"Card '{templateName}' is {size} bytes, over the {limit}-byte limit.")
{
    public string TemplateName { get; } = templateName;

    public int Size { get; } = size;

    public int Limit { get; } = limit;
}
