using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// The runtime values of the evaluator and the JavaScript conversions the official engine relies on.
/// Values are: <c>null</c>, <see cref="JsUndefined"/>, <see cref="bool"/>, <see cref="double"/> (every JS number),
/// <see cref="string"/>, <see cref="List{T}"/> of values (arrays) and <see cref="OrderedDictionary{TKey,TValue}"/>
/// (objects, insertion-ordered like JS objects).
/// </summary>
internal static class JsValue
{
    /// <summary>JavaScript's <c>Number.EPSILON</c>.</summary>
    private const double NumberEpsilon = 2.220446049250313e-16;

    public static bool IsUndefined(object? value) => value is JsUndefined;

    /// <summary>JavaScript's <c>value == null</c>: null or undefined.</summary>
    public static bool IsNullish(object? value) => value is null or JsUndefined;

    /// <summary>adaptive-expressions' <c>FunctionUtils.isNumber</c>: a number that is not NaN.</summary>
    public static bool IsNumber(object? value) => value is double d && !double.IsNaN(d);

    public static bool IsInteger(object? value) => value is double d && double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary>JavaScript truthiness (<c>!value</c> is false).</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null or JsUndefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    /// <summary>adaptive-expressions' <c>isLogicTrue</c>: booleans as they are, null/undefined false, anything else true.</summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or JsUndefined => false,
        _ => true,
    };

    /// <summary>JavaScript's <c>value.toString()</c>; throws like JavaScript on null and undefined.</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => throw new JsTypeErrorException("Cannot read properties of null (reading 'toString')"),
        JsUndefined => throw new JsTypeErrorException("Cannot read properties of undefined (reading 'toString')"),
        _ => ToStringCoerced(value),
    };

    /// <summary>JavaScript's <c>String(value)</c>.</summary>
    public static string ToStringCoerced(object? value) => value switch
    {
        null => "null",
        JsUndefined => "undefined",
        string s => s,
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        List<object?> list => string.Join(",", list.Select(i => IsNullish(i) ? string.Empty : ToStringCoerced(i))),
        _ => "[object Object]",
    };

    /// <summary>JavaScript's <c>Number.prototype.toString()</c> (shortest round-trip digits, ECMAScript layout).</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        // "R" gives the shortest round-trip form; take its digits and exponent and lay them out as ECMAScript does.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        string mantissa;
        int exponent;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exponent = 0;
        }

        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZerosRemoved = (intPart + fracPart).Length - digits.Length;
        // n: position of the decimal point relative to the start of the significant digits.
        var n = intPart.Length + exponent - leadingZerosRemoved;
        digits = digits.TrimEnd('0');
        var k = digits.Length;

        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>JavaScript's <c>parseInt(text, 10)</c>; NaN when no digits lead.</summary>
    public static double ParseInt(string text)
    {
        var s = text.TrimStart();
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        var start = i;
        while (i < s.Length && s[i] is >= '0' and <= '9')
        {
            i++;
        }

        if (i == start)
        {
            return double.NaN;
        }

        var result = double.Parse(s[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
        return negative ? -result : result;
    }

    /// <summary>JavaScript's <c>parseFloat(text)</c>: the longest leading decimal literal; NaN when there is none.</summary>
    public static double ParseFloat(string text)
    {
        var s = text.TrimStart();
        var sign = 1.0;
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            sign = s[i] == '-' ? -1 : 1;
            i++;
        }

        if (s.AsSpan(i).StartsWith("Infinity", StringComparison.Ordinal))
        {
            return sign * double.PositiveInfinity;
        }

        var start = i;
        var sawDigit = false;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            sawDigit = true;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                sawDigit = true;
            }
        }

        if (!sawDigit)
        {
            return double.NaN;
        }

        var end = i;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                j++;
            }

            var expStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (j > expStart)
            {
                end = j;
            }
        }

        var literal = s[start..end];
        if (literal.StartsWith('.'))
        {
            literal = "0" + literal;
        }

        return sign * double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>adaptive-expressions' <c>commonEquals</c>: deep equality for arrays and objects, epsilon for numbers.</summary>
    public static bool CommonEquals(object? a, object? b)
    {
        if (IsNullish(a) || IsNullish(b))
        {
            return IsNullish(a) && IsNullish(b);
        }

        if (a is List<object?> la && b is List<object?> lb)
        {
            return la.Count == lb.Count && la.Zip(lb).All(p => CommonEquals(p.First, p.Second));
        }

        if (a is OrderedDictionary<string, object?> oa && b is OrderedDictionary<string, object?> ob)
        {
            return oa.Count == ob.Count && DeepEqual(oa, ob);
        }

        if (a is double da && b is double db && !double.IsNaN(da) && !double.IsNaN(db) && Math.Abs(da - db) < NumberEpsilon)
        {
            return true;
        }

        return StrictEquals(a, b);
    }

    /// <summary>lodash <c>isEqual</c> over plain values.</summary>
    private static bool DeepEqual(object? a, object? b)
    {
        switch (a)
        {
            case List<object?> la when b is List<object?> lb:
                return la.Count == lb.Count && la.Zip(lb).All(p => DeepEqual(p.First, p.Second));
            case OrderedDictionary<string, object?> oa when b is OrderedDictionary<string, object?> ob:
                return oa.Count == ob.Count && oa.All(kv => ob.TryGetValue(kv.Key, out var v) && DeepEqual(kv.Value, v));
            default:
                return StrictEquals(a, b);
        }
    }

    /// <summary>JavaScript's <c>===</c> (objects and arrays by reference).</summary>
    public static bool StrictEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (JsUndefined, JsUndefined) => true,
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ => ReferenceEquals(a, b),
    };

    /// <summary>JavaScript's <c>JSON.stringify(value)</c> (compact).</summary>
    public static string Stringify(object? value)
    {
        var sb = new StringBuilder();
        WriteJson(sb, value);
        return sb.ToString();
    }

    private static void WriteJson(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null or JsUndefined:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(double.IsFinite(d) ? NumberToString(d) : "null");
                break;
            case string s:
                WriteJsonString(sb, s);
                break;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteJson(sb, list[i]);
                }

                sb.Append(']');
                break;
            case OrderedDictionary<string, object?> obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    if (item is JsUndefined)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteJsonString(sb, key);
                    sb.Append(':');
                    WriteJson(sb, item);
                }

                sb.Append('}');
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void WriteJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Converts JSON data to runtime values (numbers become doubles, as in JavaScript).</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => FromObject(obj),
        JsonArray arr => arr.Select(FromJson).ToList(),
        JsonValue v => FromValue(v),
        _ => null,
    };

    private static OrderedDictionary<string, object?> FromObject(JsonObject obj)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, item) in obj)
        {
            result[key] = FromJson(item);
        }

        return result;
    }

    private static object? FromValue(JsonValue value)
    {
        var element = value.GetValueKind();
        return element switch
        {
            // A value built from a DateTimeOffset, Guid or char is a JSON string but no .NET string: read it as the text
            // it is sent as, which is what the official engine would be given.
            JsonValueKind.String => value.TryGetValue<string>(out var text) ? text : JsonNode.Parse(value.ToJsonString())!.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>Converts a runtime value to JSON the way <c>JSON.stringify</c> would (undefined and NaN become null).</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null or JsUndefined => null,
        bool b => JsonValue.Create(b),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        string s => JsonValue.Create(s),
        List<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        OrderedDictionary<string, object?> obj => ToJsonObject(obj),
        _ => null,
    };

    private static JsonObject ToJsonObject(OrderedDictionary<string, object?> obj)
    {
        var result = new JsonObject();
        foreach (var (key, item) in obj)
        {
            if (item is not JsUndefined)
            {
                result[key] = ToJson(item);
            }
        }

        return result;
    }
}
