namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>Arithmetic and number formatting.</summary>
internal static partial class FunctionTable
{
    private static EvalResult EvaluateAdd(Expression expression, EvaluationState state) =>
        Sequence(Add, VerifyNumberOrStringOrUndefined)(expression, state);

    /// <summary>Numbers add; anything else concatenates (a missing side counts as empty); null + number fails.</summary>
    private static EvalResult Add(object? a, object? b)
    {
        if ((JsValue.IsNullish(a) && JsValue.IsNumber(b)) || (JsValue.IsNullish(b) && JsValue.IsNumber(a)))
        {
            return EvalResult.Fail("Operator '+' or add cannot be applied to operands of type 'number' and null object.");
        }

        if (a is double x && b is double y && JsValue.IsNumber(a) && JsValue.IsNumber(b))
        {
            return EvalResult.Ok(x + y);
        }

        var left = JsValue.IsNullish(a) ? string.Empty : JsValue.ToJsString(a);
        var right = JsValue.IsNullish(b) ? string.Empty : JsValue.ToJsString(b);
        return EvalResult.Ok(left + right);
    }

    /// <summary>Integer operands divide to the floor, as the official div does.</summary>
    private static double Divide(double a, double b)
    {
        var result = a / b;
        return JsValue.IsInteger(a) && JsValue.IsInteger(b) ? Math.Floor(result) : result;
    }

    private static string? VerifyDivisor(object? value, Expression child, int position)
    {
        var error = VerifyNumber(value, child, position);
        return error is null && position > 0 && (double)value! == 0 ? $"Cannot divide by 0 from {child}" : error;
    }

    private static EvalResult EvaluateMod(Expression expression, EvaluationState state) =>
        ApplyWithError(
            args => (double)args[1]! == 0 ? EvalResult.Fail("Cannot mod by 0.") : EvalResult.Ok((double)args[0]! % (double)args[1]!),
            VerifyInteger)(expression, state);

    private static Func<Expression, EvaluationState, EvalResult> MinMax(double seed, Func<double, double, double> pick) =>
        Apply(
            args =>
            {
                var result = seed;
                foreach (var arg in args)
                {
                    foreach (var value in arg is List<object?> list ? list : [arg])
                    {
                        result = pick(result, (double)value!);
                    }
                }

                return result;
            },
            VerifyNumberOrNumericList);

    private static EvalResult EvaluateRound(Expression expression, EvaluationState state) =>
        ApplyWithError(
            args =>
            {
                if (args.Count == 2 && !JsValue.IsInteger(args[1]))
                {
                    return EvalResult.Fail($"The second parameter {JsValue.ToStringCoerced(args[1])} must be an integer.");
                }

                var digits = args.Count == 2 ? (double)args[1]! : 0;
                return digits is < 0 or > 15
                    ? EvalResult.Fail("The second parameter must be an integer between 0 and 15;")
                    : EvalResult.Ok(NumberFormatting.RoundToPrecision((double)args[0]!, (int)digits));
            },
            VerifyNumber)(expression, state);

    private static EvalResult EvaluateFormatNumber(Expression expression, EvaluationState state) =>
        ApplyWithState(
            (args, s) =>
            {
                var locale = args.Count == 3 && args[2] is string l ? l : s.EffectiveLocale;
                if (!JsValue.IsNumber(args[0]))
                {
                    return EvalResult.Fail($"formatNumber first argument {JsValue.ToStringCoerced(args[0])} must be a number");
                }

                if (!JsValue.IsNumber(args[1]))
                {
                    return EvalResult.Fail($"formatNumber second argument {JsValue.ToStringCoerced(args[1])} must be a number");
                }

                var precision = (double)args[1]!;
                if (!JsValue.IsInteger(precision) || precision < 0)
                {
                    // d3-format rejects a format such as ",.1.5f".
                    return EvalResult.Fail($"invalid format: ,.{JsValue.NumberToString(precision)}f");
                }

                var digits = (int)Math.Min(precision, 20);
                var rounded = NumberFormatting.RoundToPrecision((double)args[0]!, (int)precision);
                return EvalResult.Ok(NumberFormatting.FormatFixed(rounded, digits, locale));
            })(expression, state);

    private static EvalResult ToInt(List<object?> args) => args[0] switch
    {
        string s => double.IsNaN(JsValue.ParseInt(s))
            ? EvalResult.Fail($"parameter {s} is not a valid number string.")
            : EvalResult.Ok(JsValue.ParseInt(s)),
        double d when !double.IsNaN(d) => EvalResult.Ok(JsValue.ParseInt(JsValue.NumberToString(d))),
        _ => EvalResult.Ok(JsUndefined.Value),
    };

    private static EvalResult ToFloat(List<object?> args) => args[0] switch
    {
        string s => double.IsNaN(JsValue.ParseFloat(s))
            ? EvalResult.Fail($"parameter {s} is not a valid number string.")
            : EvalResult.Ok(JsValue.ParseFloat(s)),
        double d when !double.IsNaN(d) => EvalResult.Ok(d),
        _ => EvalResult.Ok(JsUndefined.Value),
    };
}
