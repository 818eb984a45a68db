namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// The templating engine's memory: <c>$root</c>, <c>$data</c>, <c>$index</c>, <c>$host</c>; a path that does not start
/// with <c>$</c> is read under <c>$data</c> (as adaptivecards-templating's <c>TemplateObjectMemory</c>).
/// </summary>
internal sealed class TemplateMemory : IMemory
{
    private readonly ObjectMemory _memory;

    public TemplateMemory(object? root, object? data, object? index)
    {
        var scope = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["_memory"] = new OrderedDictionary<string, object?>(),
            ["$root"] = root,
            ["$data"] = data,
            ["$index"] = index,
            ["$host"] = JsUndefined.Value,
            ["$_acTemplateVersion"] = new OrderedDictionary<string, object?>
            {
                ["major"] = 2.0,
                ["minor"] = 3.0,
                ["patch"] = 1.0,
                ["suffix"] = string.Empty,
            },
        };
        _memory = new ObjectMemory(scope);
    }

    public object? GetValue(string path) =>
        _memory.GetValue(path.Length > 0 && path[0] != '$' ? "$data." + path : path);
}
