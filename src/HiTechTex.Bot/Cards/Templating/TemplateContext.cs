using HiTechTex.Bot.Cards.Expressions;

namespace HiTechTex.Bot.Cards.Templating;

/// <summary>The evaluation context of one expansion: <c>$root</c>, and <c>$data</c>/<c>$index</c> saved per node.</summary>
internal sealed class TemplateContext(object? root)
{
    private readonly Stack<(object? Data, object? Index)> _saved = new();

    public object? Root { get; } = root;

    /// <summary><c>$data</c>; until something binds it, it is <c>$root</c>.</summary>
    public object? Data { get; set; } = root;

    public object? Index { get; set; } = JsUndefined.Value;

    public void Save() => _saved.Push((Data, Index));

    public void Restore() => (Data, Index) = _saved.Pop();

    public EvaluationState State(bool nullSubstitution) =>
        new(new TemplateMemory(Root, Data, Index), nullSubstitution);
}
