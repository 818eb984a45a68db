namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>One option of a <see cref="ChoicePrompt"/>: its value (also the button title) and other words for it.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms.Length > 0 ? [.. synonyms] : null;
    }

    public string Value { get; set; } = "";

    public List<string>? Synonyms { get; set; }
}
