namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>Accessor (<c>a.b</c>) and element (<c>a[0]</c>, <c>a['b']</c>) evaluation.</summary>
internal static partial class FunctionTable
{
    private static EvalResult EvaluateAccessor(Expression expression, EvaluationState state)
    {
        var (path, left, error) = TryAccumulatePath(expression, state);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        if (left is null)
        {
            return EvalResult.Ok(WrapGetValue(state.Memory, path, state));
        }

        var scope = left.TryEvaluate(state);
        return scope.Error is not null
            ? EvalResult.Fail(scope.Error)
            : EvalResult.Ok(WrapGetValue(new ObjectMemory(scope.Value), path, state));
    }

    /// <summary>Turns a chain of accessors and elements into a memory path (<c>items[0].name</c>, <c>a['b']</c>).</summary>
    private static (string Path, Expression? Left, string? Error) TryAccumulatePath(Expression expression, EvaluationState state)
    {
        var path = string.Empty;
        Expression? left = expression;
        while (left is not null)
        {
            if (left.Type == Expression.AccessorType)
            {
                path = ((ConstantExpression)left.Children[0]).Value + "." + path;
                left = left.Children.Count == 2 ? left.Children[1] : null;
            }
            else if (left.Type == Expression.ElementType)
            {
                var (value, error) = left.Children[1].TryEvaluate(state);
                if (error is not null)
                {
                    return (string.Empty, null, error);
                }

                if (!double.IsNaN(JsValue.ParseInt(JsValue.ToStringCoerced(value))))
                {
                    path = $"[{JsValue.ToStringCoerced(value)}].{path}";
                }
                else if (value is string s)
                {
                    path = $"['{s}'].{path}";
                }
                else
                {
                    return (string.Empty, null, $"{left.Children[1]} doesn't return an int or string");
                }

                left = left.Children[0];
            }
            else
            {
                break;
            }
        }

        path = path.TrimEnd('.').Replace(".[", "[", StringComparison.Ordinal);
        return (path, left, null);
    }

    /// <summary>A missing value becomes the text <c>${path}</c> when substitution is on (the templating rule).</summary>
    private static object? WrapGetValue(IMemory memory, string path, EvaluationState state)
    {
        var result = memory.GetValue(path);
        if (result is not JsUndefined)
        {
            return result;
        }

        return state.NullSubstitution ? "${" + path + "}" : JsUndefined.Value;
    }

    private static EvalResult EvaluateElement(Expression expression, EvaluationState state)
    {
        var (instance, error) = expression.Children[0].TryEvaluate(state);
        if (error is not null)
        {
            // The official evaluator returns nothing here, which makes its caller throw a TypeError.
            throw new JsTypeErrorException(error);
        }

        var (index, indexError) = expression.Children[1].TryEvaluate(state.WithoutSubstitution());
        if (indexError is not null)
        {
            throw new JsTypeErrorException(indexError);
        }

        if (JsValue.IsInteger(index))
        {
            return ObjectMemory.AccessIndex(instance, (double)index!);
        }

        if (index is string property)
        {
            return EvalResult.Ok(ObjectMemory.AccessProperty(instance, property));
        }

        return EvalResult.Fail($"Could not coerce {expression.Children[1]} to an int or string.");
    }
}
