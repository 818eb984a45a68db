namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>The evaluation patterns of adaptive-expressions' FunctionUtils (apply, applySequence, verify…).</summary>
internal static partial class FunctionTable
{
    private delegate string? Verify(object? value, Expression child, int position);

    private static (List<object?> Args, string? Error) EvaluateChildren(Expression expression, EvaluationState state, Verify? verify = null)
    {
        var args = new List<object?>();
        for (var i = 0; i < expression.Children.Count; i++)
        {
            var child = expression.Children[i];
            var (value, error) = child.TryEvaluate(state);
            error ??= verify?.Invoke(value, child, i);
            if (error is not null)
            {
                return (args, error);
            }

            args.Add(value);
        }

        return (args, null);
    }

    private static Func<Expression, EvaluationState, EvalResult> Apply(Func<List<object?>, object?> func, Verify? verify = null) =>
        ApplyWithError(args => EvalResult.Ok(func(args)), verify);

    private static Func<Expression, EvaluationState, EvalResult> ApplyWithError(Func<List<object?>, EvalResult> func, Verify? verify = null) =>
        ApplyWithState((args, _) => func(args), verify);

    private static Func<Expression, EvaluationState, EvalResult> ApplyWithState(
        Func<List<object?>, EvaluationState, EvalResult> func,
        Verify? verify = null) =>
        (expression, state) =>
        {
            var (args, error) = EvaluateChildren(expression, state, verify);
            if (error is not null)
            {
                return EvalResult.Fail(error);
            }

            try
            {
                return func(args, state);
            }
            catch (JsTypeErrorException ex)
            {
                // JavaScript exceptions thrown inside the function body are turned into errors by apply().
                return EvalResult.Fail(ex.Message);
            }
        };

    /// <summary>applySequence: folds the arguments pairwise from the left.</summary>
    private static Func<Expression, EvaluationState, EvalResult> Sequence(Func<object?, object?, EvalResult> func, Verify? verify = null) =>
        ApplyWithError(
            args =>
            {
                var soFar = args[0];
                for (var i = 1; i < args.Count; i++)
                {
                    var (value, error) = func(soFar, args[i]);
                    if (error is not null)
                    {
                        return EvalResult.Fail(error);
                    }

                    soFar = value;
                }

                return EvalResult.Ok(soFar);
            },
            verify);

    private static Func<Expression, EvaluationState, EvalResult> Numeric(Func<double, double, double> func, Verify? verify = null) =>
        Sequence((a, b) => EvalResult.Ok(func((double)a!, (double)b!)), verify ?? VerifyNumber);

    /// <summary>ComparisonEvaluator: operands without null substitution; an operand error just means false.</summary>
    private static Func<Expression, EvaluationState, EvalResult> Comparison(Func<List<object?>, bool> func, Verify? verify = null) =>
        (expression, state) =>
        {
            var (args, error) = EvaluateChildren(expression, state.WithoutSubstitution(), verify);
            if (error is not null)
            {
                return EvalResult.Ok(false);
            }

            try
            {
                return EvalResult.Ok(func(args));
            }
            catch (JsTypeErrorException ex)
            {
                return new EvalResult(false, ex.Message);
            }
        };

    private static string? VerifyNumber(object? value, Expression child, int position) =>
        JsValue.IsNumber(value) ? null : $"{child} is not a number.";

    private static string? VerifyNotNull(object? value, Expression child, int position) =>
        JsValue.IsNullish(value) ? $"{child} is null." : null;

    private static string? VerifyInteger(object? value, Expression child, int position) =>
        JsValue.IsInteger(value) ? null : $"{child} is not a integer.";

    private static string? VerifyStringOrUndefined(object? value, Expression child, int position) =>
        value is string or JsUndefined ? null : $"{child} is neither a string nor a null object.";

    private static string? VerifyNumberOrStringOrUndefined(object? value, Expression child, int position) =>
        value is string or JsUndefined || JsValue.IsNumber(value) ? null : $"{child} is neither a number nor string";

    /// <summary>JavaScript's <c>typeof value === 'object'</c> counts null too, so null passes here.</summary>
    private static string? VerifyContainer(object? value, Expression child, int position) =>
        value is string or List<object?> or OrderedDictionary<string, object?> or null ? null : $"{child} must be a string, list, map or object.";

    private static string? VerifyContainerOrNull(object? value, Expression child, int position) =>
        value is string or List<object?> or OrderedDictionary<string, object?> or null or JsUndefined ? null : $"{child} must be a string, list, map or object.";

    private static string? VerifyNumberOrNumericList(object? value, Expression child, int position)
    {
        if (JsValue.IsNumber(value))
        {
            return null;
        }

        if (value is not List<object?> list)
        {
            return $"{child} is neither a list nor a number.";
        }

        return list.All(JsValue.IsNumber) ? null : $"{child} holds a value that is not a number.";
    }

    private static string StringOrEmpty(object? value) => value as string ?? string.Empty;
}
