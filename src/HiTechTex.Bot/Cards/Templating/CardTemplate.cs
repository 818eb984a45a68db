using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards.Expressions;

namespace HiTechTex.Bot.Cards.Templating;

/// <summary>
/// An Adaptive Card template in the Adaptive Cards Templating language, expanded as adaptivecards-templating 2.3.1
/// (with adaptive-expressions 4.23) does: <c>${expression}</c> in string values, <c>$data</c>, <c>$when</c>,
/// <c>$root</c>, <c>$index</c>. Parse once, expand many times; expansion is deterministic and culture-invariant
/// (the locale defaults to en-US where the official engine would use the machine's).
/// </summary>
public sealed class CardTemplate
{
    private readonly object? _prepared;

    private CardTemplate(object? prepared) => _prepared = prepared;

    /// <summary>Parses a template. Throws <see cref="CardTemplateException"/> on invalid JSON or an invalid expression.</summary>
    public static CardTemplate Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CardTemplateException($"The template is not valid JSON: {ex.Message}", ex);
        }

        return Parse(node);
    }

    /// <summary>Parses a template already read as JSON.</summary>
    public static CardTemplate Parse(JsonNode? template)
    {
        try
        {
            return new CardTemplate(Prepare(template));
        }
        catch (ExpressionSyntaxException ex)
        {
            throw new CardTemplateException($"The template has an invalid expression: {ex.Message}", ex);
        }
    }

    /// <summary>Binds the template to <paramref name="data"/> (which is <c>$root</c>).</summary>
    public JsonNode? Expand(JsonNode? data)
    {
        try
        {
            var result = new TemplateExpander(JsValue.FromJson(data)).Expand(_prepared);
            return JsValue.ToJson(result);
        }
        catch (JsTypeErrorException ex)
        {
            throw new CardTemplateException($"The template cannot be expanded with this data: {ex.Message}", ex);
        }
    }

    /// <summary>Binds the template to JSON data and returns the card JSON.</summary>
    public string Expand(string dataJson)
    {
        ArgumentNullException.ThrowIfNull(dataJson);
        return Expand(JsonNode.Parse(dataJson))?.ToJsonString() ?? "null";
    }

    /// <summary>Template.prepare: string values become expressions when they hold <c>${</c>; keys stay as they are.</summary>
    private static object? Prepare(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new PreparedObject(obj.Select(p => KeyValuePair.Create(p.Key, Prepare(p.Value))).ToList()),
        JsonArray array => new PreparedArray(array.Select(Prepare).ToList()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            InterpolationParser.Parse(value.GetValue<string>()) ?? (object)value.GetValue<string>(),
        JsonValue value => JsValue.FromJson(value),
        _ => null,
    };
}
