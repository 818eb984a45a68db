namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>Collection functions.</summary>
internal static partial class FunctionTable
{
    private static object? Count(List<object?> args) => args[0] switch
    {
        string s => (double)s.Length,
        List<object?> list => (double)list.Count,
        OrderedDictionary<string, object?> obj => (double)obj.Count,
        _ => throw new JsTypeErrorException("Cannot convert undefined or null to object"),
    };

    private static object? FirstOrLast(object? value, bool first) => value switch
    {
        string { Length: > 0 } s => (first ? s[0] : s[^1]).ToString(),
        List<object?> { Count: > 0 } list => first ? list[0] : list[^1],
        _ => JsUndefined.Value,
    };

    /// <summary>contains never reports an error, even when an argument failed to evaluate.</summary>
    private static EvalResult EvaluateContains(Expression expression, EvaluationState state)
    {
        var (args, error) = EvaluateChildren(expression, state);
        var found = false;
        if (error is null)
        {
            if (args[0] is string text && args[1] is string part)
            {
                found = text.Contains(part, StringComparison.Ordinal);
            }
            else if (args[0] is List<object?> list)
            {
                found = list.Any(item => JsValue.CommonEquals(item, args[1]));
            }
            else if (args[1] is string property)
            {
                found = ObjectMemory.AccessProperty(args[0], property) is not JsUndefined;
            }
        }

        return EvalResult.Ok(found);
    }

    private static object? SetProperty(List<object?> args)
    {
        if (args[0] is not OrderedDictionary<string, object?> obj)
        {
            throw new JsTypeErrorException("setProperty needs an object.");
        }

        obj[JsValue.ToStringCoerced(args[1])] = args[2];
        return obj;
    }
}
