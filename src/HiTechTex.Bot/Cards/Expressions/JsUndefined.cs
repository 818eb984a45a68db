namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// JavaScript's <c>undefined</c>. The official engine tells a missing value (<c>undefined</c>: the property is dropped,
/// or <c>${path}</c> is substituted) from a JSON <c>null</c> (kept as <c>null</c>), so the evaluator must too.
/// </summary>
internal sealed class JsUndefined
{
    public static readonly JsUndefined Value = new();

    private JsUndefined()
    {
    }

    public override string ToString() => "undefined";
}
