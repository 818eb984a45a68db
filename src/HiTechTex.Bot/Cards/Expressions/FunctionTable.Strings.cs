using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>String functions and conversions.</summary>
internal static partial class FunctionTable
{
    /// <summary>The expression-level concat (<c>&amp;</c>): lists concatenate, anything else is stringified.</summary>
    private static EvalResult Concat(object? a, object? b)
    {
        if (JsValue.IsNullish(a) && JsValue.IsNullish(b))
        {
            return EvalResult.Ok(JsUndefined.Value);
        }

        if (JsValue.IsNullish(a) && b is List<object?>)
        {
            return EvalResult.Ok(b);
        }

        if (JsValue.IsNullish(b) && a is List<object?>)
        {
            return EvalResult.Ok(a);
        }

        if (a is List<object?> la && b is List<object?> lb)
        {
            return EvalResult.Ok(la.Concat(lb).ToList());
        }

        return EvalResult.Ok(CommonStringify(a) + CommonStringify(b));
    }

    /// <summary>commonStringify: nothing for null, JSON (outer quotes stripped) for objects, toString otherwise.</summary>
    private static string CommonStringify(object? value) => value switch
    {
        null or JsUndefined => string.Empty,
        List<object?> or OrderedDictionary<string, object?> => JsValue.Stringify(value).Trim('\'', '"'),
        _ => JsValue.ToJsString(value),
    };

    private static EvalResult EvaluateString(Expression expression, EvaluationState state) =>
        ApplyWithState(
            (args, s) =>
            {
                var locale = args.Count == 2 && args[1] is string l ? l : s.EffectiveLocale;
                switch (args[0])
                {
                    case string text:
                        return EvalResult.Ok(text);
                    case double d when !double.IsNaN(d):
                        var plain = JsValue.NumberToString(d);
                        var dot = plain.IndexOf('.', StringComparison.Ordinal);
                        var precision = dot >= 0 ? plain.Length - dot - 1 : 0;
                        return EvalResult.Ok(NumberFormatting.FormatFixed(d, Math.Min(precision, 20), locale));
                    default:
                        return EvalResult.Ok(CommonStringify(args[0]));
                }
            })(expression, state);

    private static EvalResult EvaluateJoin(Expression expression, EvaluationState state)
    {
        var (args, error) = EvaluateChildren(expression, state);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        if (args[0] is not List<object?> list)
        {
            return EvalResult.Fail($"{expression.Children[0]} evaluates to {JsValue.ToStringCoerced(args[0])} which is not a list.");
        }

        if (args.Count == 2)
        {
            return EvalResult.Ok(JoinJs(list, args[1]));
        }

        if (list.Count < 3)
        {
            return EvalResult.Ok(JoinJs(list, args[2]));
        }

        // firstPart.concat(lastSeparator, lastItem): String.prototype.concat turns null into "null".
        var firstPart = JoinJs(list.Take(list.Count - 1).ToList(), args[1]);
        return EvalResult.Ok(firstPart + JsValue.ToStringCoerced(args[2]) + JsValue.ToStringCoerced(list[^1]));
    }

    /// <summary>JavaScript's <c>Array.prototype.join</c>.</summary>
    private static string JoinJs(List<object?> list, object? separator)
    {
        var sep = separator is JsUndefined ? "," : JsValue.ToStringCoerced(separator);
        return string.Join(sep, list.Select(i => JsValue.IsNullish(i) ? string.Empty : JsValue.ToStringCoerced(i)));
    }

    private static EvalResult Replace(List<object?> args)
    {
        var search = StringOrEmpty(args[1]);
        if (search.Length == 0)
        {
            return EvalResult.Fail($"{JsValue.ToStringCoerced(args[1])} should be a string with length at least 1");
        }

        return EvalResult.Ok(StringOrEmpty(args[0]).Replace(search, StringOrEmpty(args[2]), StringComparison.Ordinal));
    }

    private static EvalResult EvaluateSubstring(Expression expression, EvaluationState state)
    {
        var (value, error) = expression.Children[0].TryEvaluate(state);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        if (value is JsUndefined)
        {
            return EvalResult.Ok(string.Empty);
        }

        if (value is not string text)
        {
            return EvalResult.Fail($"{expression.Children[0]} is neither a string nor a null object.");
        }

        var (start, startError) = expression.Children[1].TryEvaluate(state);
        if (startError is not null || !JsValue.IsInteger(start) || (double)start! < 0 || (double)start! > text.Length)
        {
            return EvalResult.Fail(startError ?? $"{expression.Children[1]} is out of range.");
        }

        var from = (int)(double)start!;
        var length = text.Length - from;
        if (expression.Children.Count == 3)
        {
            var (count, countError) = expression.Children[2].TryEvaluate(state);
            if (countError is not null || !JsValue.IsInteger(count) || (double)count! < 0 || from + (double)count! > text.Length)
            {
                return EvalResult.Fail(countError ?? $"{expression.Children[2]} is out of range.");
            }

            length = (int)(double)count!;
        }

        return EvalResult.Ok(text.Substring(from, length));
    }

    /// <summary>StringTransformEvaluator: a string (or nothing, as empty) in, a string out.</summary>
    private static Func<Expression, EvaluationState, EvalResult> StringTransform(Func<string, string> transform) =>
        Apply(args => args[0] is string or JsUndefined ? transform(StringOrEmpty(args[0])) : JsUndefined.Value, VerifyStringOrUndefined);

    private static object? ParseJson(object? text)
    {
        try
        {
            return JsValue.FromJson(JsonNode.Parse(JsValue.ToJsString(text).Trim()));
        }
        catch (JsonException ex)
        {
            throw new JsTypeErrorException(ex.Message);
        }
    }
}
