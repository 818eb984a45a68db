using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>adaptive-expressions' <c>SimpleObjectMemory</c>: walks a path over plain values, case-insensitively.</summary>
internal sealed partial class ObjectMemory(object? scope) : IMemory
{
    public object? GetValue(string path)
    {
        if (scope is JsUndefined || path.Length == 0)
        {
            return JsUndefined.Value;
        }

        object? value = JsUndefined.Value;
        var current = scope;
        foreach (var rawPart in PathSeparators().Split(path))
        {
            if (rawPart.Length == 0)
            {
                continue;
            }

            var part = rawPart.Length >= 2 && ((rawPart[0] == '"' && rawPart[^1] == '"') || (rawPart[0] == '\'' && rawPart[^1] == '\''))
                ? rawPart[1..^1]
                : rawPart;
            var index = JsValue.ParseInt(part);
            EvalResult result = !double.IsNaN(index) && current is List<object?>
                ? AccessIndex(current, index)
                : EvalResult.Ok(AccessProperty(current, part));
            if (result.Error is not null)
            {
                return JsUndefined.Value;
            }

            value = result.Value;
            current = value;
        }

        return value;
    }

    /// <summary><c>accessIndex</c>: undefined for a missing instance, an error when out of range or not a list.</summary>
    public static EvalResult AccessIndex(object? instance, double index)
    {
        if (JsValue.IsNullish(instance))
        {
            return EvalResult.Ok(JsUndefined.Value);
        }

        if (instance is List<object?> list)
        {
            return index >= 0 && index < list.Count
                ? EvalResult.Ok(list[(int)index])
                : EvalResult.Fail($"{JsValue.NumberToString(index)} is out of range for {JsValue.ToStringCoerced(instance)}");
        }

        return EvalResult.Fail($"{JsValue.ToStringCoerced(instance)} is not a collection.");
    }

    /// <summary><c>accessProperty</c>: the first key equal ignoring case; undefined for falsy instances or no match.</summary>
    public static object? AccessProperty(object? instance, string property)
    {
        if (!JsValue.IsTruthy(instance))
        {
            return JsUndefined.Value;
        }

        switch (instance)
        {
            case OrderedDictionary<string, object?> obj:
                foreach (var (key, item) in obj)
                {
                    if (string.Equals(key, property, StringComparison.OrdinalIgnoreCase))
                    {
                        return item;
                    }
                }

                return JsUndefined.Value;
            case List<object?> list:
                return IndexKey(property, list.Count) is { } i ? list[i] : JsUndefined.Value;
            case string s:
                return IndexKey(property, s.Length) is { } j ? s[j].ToString() : JsUndefined.Value;
            default:
                return JsUndefined.Value;
        }
    }

    /// <summary>Arrays and strings have the keys "0".."n-1" (Object.keys).</summary>
    private static int? IndexKey(string property, int count) =>
        int.TryParse(property, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
        && i < count && i.ToString(System.Globalization.CultureInfo.InvariantCulture) == property
            ? i
            : null;

    [GeneratedRegex(@"[.\[\]]+")]
    private static partial Regex PathSeparators();
}
