namespace HiTechTex.Bot.Cards.Templating;

/// <summary>A template object whose string values have been parsed; keys are kept as they are.</summary>
internal sealed class PreparedObject(List<KeyValuePair<string, object?>> properties)
{
    public List<KeyValuePair<string, object?>> Properties { get; } = properties;

    public object? this[string key] => Properties.FirstOrDefault(p => p.Key == key).Value;

    public bool Has(string key) => Properties.Any(p => p.Key == key);
}
