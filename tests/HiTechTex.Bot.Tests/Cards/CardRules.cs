using System.Text.Json.Nodes;

namespace HiTechTex.Bot.Tests.Cards;

/// <summary>
/// The Teams rules the cards must follow (teams-protocol.md §5.1), the same ones tools/cards/validate-cards.js checks:
/// version 1.5; every Action.Execute inside an ActionSet with an Action.Submit fallback; every input labelled; required
/// inputs with an error message; at most 60 refresh user ids.
/// </summary>
internal static class CardRules
{
    public static List<string> Check(JsonObject card)
    {
        var problems = new List<string>();
        if (card["version"]?.GetValue<string>() != "1.5")
        {
            problems.Add($"version is {card["version"]?.ToJsonString() ?? "missing"}, not \"1.5\"");
        }

        if (card["refresh"] is JsonObject refresh && refresh["userIds"] is JsonArray userIds && userIds.Count > 60)
        {
            problems.Add($"refresh.userIds has {userIds.Count} ids, more than 60");
        }

        Walk(card, "$", parentType: null, problems);
        return problems;
    }

    private static void Walk(JsonNode? node, string path, string? parentType, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = obj["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
                if (type == "Action.Execute" && path != "$.refresh.action")
                {
                    if (parentType != "ActionSet")
                    {
                        problems.Add($"{path}: Action.Execute is not inside an ActionSet");
                    }

                    if (obj["fallback"] is not JsonObject fallback || fallback["type"]?.GetValue<string>() != "Action.Submit")
                    {
                        problems.Add($"{path}: Action.Execute has no Action.Submit fallback");
                    }
                }

                if (type is not null && type.StartsWith("Input.", StringComparison.Ordinal))
                {
                    if (string.IsNullOrWhiteSpace(obj["label"]?.GetValue<string>()))
                    {
                        problems.Add($"{path}: {type} has no label");
                    }

                    if (obj["isRequired"] is JsonValue required && required.GetValue<bool>()
                        && string.IsNullOrWhiteSpace(obj["errorMessage"]?.GetValue<string>()))
                    {
                        problems.Add($"{path}: required {type} has no errorMessage");
                    }
                }

                foreach (var (key, child) in obj)
                {
                    Walk(child, $"{path}.{key}", type, problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    // Items of an array belong to the object that holds the array (e.g. ActionSet.actions).
                    Walk(array[i], $"{path}[{i}]", parentType, problems);
                }

                break;
        }
    }
}
