using System.Text.Json.Nodes;

namespace HiTechTex.Bot.Tests.Cards;

/// <summary>The oracle corpus and the cards as the test build copies them next to the test assembly.</summary>
internal static class CardTestFiles
{
    public static string OracleDirectory => Path.Combine(AppContext.BaseDirectory, "Cards", "Oracle");

    public static string CardsDirectory => Path.Combine(AppContext.BaseDirectory, "cards");

    public static IEnumerable<string> CaseNames() =>
        Directory.EnumerateFiles(Path.Combine(OracleDirectory, "cases"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> CardNames() =>
        Directory.EnumerateFiles(CardsDirectory, "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal);

    public static JsonObject ReadCase(string name) => Read(Path.Combine(OracleDirectory, "cases", name + ".json"));

    public static JsonObject ReadExpected(string name) => Read(Path.Combine(OracleDirectory, "expected", name + ".json"));

    public static JsonNode? ReadSampleData(string cardName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CardsDirectory, "samples", cardName + ".data.json")));

    private static JsonObject Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a JSON object.");
}
