namespace HiTechTex.Bot.Cards;

/// <summary>A card template that is not in the cards folder: a deployment or programming error, never user input.</summary>
public sealed class CardTemplateNotFoundException(string name, string path)
    : Exception($"Card template '{name}' was not found at '{path}'.")
{
    public string TemplateName { get; } = name;

    public string TemplatePath { get; } = path;
}
