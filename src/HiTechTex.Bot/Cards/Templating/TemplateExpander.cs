using HiTechTex.Bot.Cards.Expressions;

namespace HiTechTex.Bot.Cards.Templating;

/// <summary>
/// The template walker of adaptivecards-templating 2.3.1 (<c>Template.internalExpand</c>): <c>$data</c> binds (and
/// repeats over arrays, setting <c>$index</c>), <c>$when</c> drops, expressions evaluate with <c>${path}</c>
/// substitution for missing values; arrays drop null items and flatten repeated ones.
/// </summary>
internal sealed class TemplateExpander(object? root)
{
    private static readonly HashSet<string> ReservedFields = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly TemplateContext _context = new(root);

    public object? Expand(object? node)
    {
        _context.Save();
        try
        {
            return node switch
            {
                PreparedArray array => ExpandArray(array),
                Expression expression => EvaluateOrThrow(expression, nullSubstitution: true),
                PreparedObject obj => ExpandObject(obj),
                _ => node,
            };
        }
        finally
        {
            _context.Restore();
        }
    }

    private List<object?> ExpandArray(PreparedArray array)
    {
        var result = new List<object?>();
        foreach (var item in array.Items)
        {
            var expanded = Expand(item);
            if (expanded is List<object?> list)
            {
                result.AddRange(list);
            }
            else if (expanded is not null)
            {
                result.Add(expanded);
            }
        }

        return result;
    }

    private object? ExpandObject(PreparedObject node)
    {
        var when = node["$when"];
        List<object?> contexts;
        var isArray = false;
        if (!node.Has("$data"))
        {
            contexts = [JsUndefined.Value];
        }
        else
        {
            var data = node["$data"] is Expression dataExpression
                ? EvaluateOrThrow(dataExpression, nullSubstitution: true)
                : ToValue(node["$data"]);
            if (data is List<object?> items)
            {
                contexts = items;
                isArray = true;
            }
            else
            {
                contexts = [data];
            }
        }

        var results = new List<object?>();
        for (var i = 0; i < contexts.Count; i++)
        {
            if (isArray)
            {
                _context.Index = (double)i;
            }

            if (contexts[i] is not JsUndefined)
            {
                _context.Data = contexts[i];
            }

            if (!IsDropped(when))
            {
                results.Add(ExpandSingleObject(node));
            }
        }

        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => results,
        };
    }

    /// <summary>An expression must yield exactly true; a truthy non-expression drops the object, a falsy one keeps it.</summary>
    private bool IsDropped(object? when)
    {
        if (when is Expression expression)
        {
            var (value, error) = Evaluate(expression, nullSubstitution: false);
            return !(error is null && value is true);
        }

        return JsValue.IsTruthy(when);
    }

    private OrderedDictionary<string, object?> ExpandSingleObject(PreparedObject node)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Properties)
        {
            if (ReservedFields.Contains(key))
            {
                continue;
            }

            var expanded = Expand(value);
            if (expanded is not JsUndefined)
            {
                result[key] = expanded;
            }
        }

        return result;
    }

    /// <summary>A literal <c>$data</c> (not an expression) is bound as plain data.</summary>
    private static object? ToValue(object? prepared) => prepared switch
    {
        PreparedArray array => array.Items.Select(ToValue).ToList(),
        PreparedObject obj => new OrderedDictionary<string, object?>(
            obj.Properties.Select(p => KeyValuePair.Create(p.Key, ToValue(p.Value))), StringComparer.Ordinal),
        Expression => JsUndefined.Value,
        _ => prepared,
    };

    private object? EvaluateOrThrow(Expression expression, bool nullSubstitution)
    {
        var (value, error) = Evaluate(expression, nullSubstitution);
        return error is null ? value : throw new CardTemplateException($"Cannot evaluate '${{{expression}}}': {error}");
    }

    /// <summary>
    /// An interpolated string is concatenated here, not by the expression engine, so that each failing part shows as
    /// <c>${…}</c> instead of failing the whole string (internalTryEvaluateExpression).
    /// </summary>
    private EvalResult Evaluate(Expression expression, bool nullSubstitution)
    {
        var state = _context.State(nullSubstitution);
        if (expression.Type != Expression.ConcatType || !nullSubstitution)
        {
            return expression.TryEvaluate(state);
        }

        var text = new System.Text.StringBuilder();
        foreach (var child in expression.Children)
        {
            EvalResult part;
            try
            {
                part = child.TryEvaluate(state);
            }
            catch (JsTypeErrorException ex)
            {
                part = EvalResult.Fail(ex.Message);
            }

            // JavaScript's value.toString(): a null or undefined part fails the whole expansion, as it does officially.
            text.Append(part.Error is not null ? "${" + child + "}" : JsValue.ToJsString(part.Value));
        }

        return EvalResult.Ok(text.ToString());
    }
}
