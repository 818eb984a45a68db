using System.Text;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>A literal value.</summary>
internal sealed class ConstantExpression(object? value) : Expression(ConstantFunction, [])
{
    private static readonly FunctionDefinition ConstantFunction =
        new("Constant", 0, 0, (e, _) => EvalResult.Ok(((ConstantExpression)e).Value));

    public object? Value { get; } = value;

    public override ReturnType Returns => Value switch
    {
        string => ReturnType.String,
        bool => ReturnType.Boolean,
        double d when !double.IsNaN(d) => ReturnType.Number,
        List<object?> => ReturnType.Array,
        _ => ReturnType.Object,
    };

    public override EvalResult TryEvaluate(EvaluationState state) => EvalResult.Ok(Value);

    public override string ToString() => Value switch
    {
        JsUndefined => "undefined",
        null => "null",
        string s => Quote(s),
        double d => JsValue.NumberToString(d),
        List<object?> or OrderedDictionary<string, object?> => JsValue.Stringify(Value),
        _ => JsValue.ToStringCoerced(Value),
    };

    /// <summary>Backslashes doubled, single quotes escaped, in single quotes (as Constant.toString does).</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder("'");
        foreach (var c in s.Replace("\\", "\\\\", StringComparison.Ordinal))
        {
            if (c == '\'')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('\'').ToString();
    }
}
