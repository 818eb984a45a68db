namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>Logical functions and comparisons. Their operands never get null substitution.</summary>
internal static partial class FunctionTable
{
    private static EvalResult EvaluateAnd(Expression expression, EvaluationState state)
    {
        foreach (var child in expression.Children)
        {
            var (value, error) = child.TryEvaluate(state.WithoutSubstitution());
            if (error is not null || !JsValue.IsLogicTrue(value))
            {
                return EvalResult.Ok(false);
            }
        }

        return EvalResult.Ok(true);
    }

    /// <summary>True when any operand is; otherwise, as the official one, the last operand's value (null stays null).</summary>
    private static EvalResult EvaluateOr(Expression expression, EvaluationState state)
    {
        object? result = false;
        foreach (var child in expression.Children)
        {
            var (value, error) = child.TryEvaluate(state.WithoutSubstitution());
            result = value;
            if (error is null && JsValue.IsLogicTrue(value))
            {
                return EvalResult.Ok(true);
            }
        }

        return EvalResult.Ok(result);
    }

    private static EvalResult EvaluateNot(Expression expression, EvaluationState state)
    {
        var (value, error) = expression.Children[0].TryEvaluate(state.WithoutSubstitution());
        return EvalResult.Ok(error is not null || !JsValue.IsLogicTrue(value));
    }

    private static EvalResult EvaluateIf(Expression expression, EvaluationState state)
    {
        var (condition, error) = expression.Children[0].TryEvaluate(state.WithoutSubstitution());
        return error is null && JsValue.IsLogicTrue(condition)
            ? expression.Children[1].TryEvaluate(state)
            : expression.Children[2].TryEvaluate(state);
    }

    /// <summary>Numbers with numbers, strings with strings (ordinal, as JavaScript's &lt;); anything else fails.</summary>
    private static int Compare(List<object?> args) => (args[0], args[1]) switch
    {
        (double a, double b) when !double.IsNaN(a) && !double.IsNaN(b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new JsTypeErrorException($"{JsValue.ToStringCoerced(args[0])} and {JsValue.ToStringCoerced(args[1])} must be comparable."),
    };

    private static bool IsEmpty(object? value) => value switch
    {
        null or JsUndefined => true,
        string s => s.Length == 0,
        List<object?> list => list.Count == 0,
        OrderedDictionary<string, object?> obj => obj.Count == 0,
        _ => false,
    };

    private static bool ToBool(object? value)
    {
        if (JsValue.IsNumber(value))
        {
            return (double)value! != 0;
        }

        if (JsValue.ToStringCoerced(value).Contains("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return JsValue.IsLogicTrue(value);
    }
}
