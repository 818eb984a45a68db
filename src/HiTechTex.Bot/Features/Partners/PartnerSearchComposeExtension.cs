using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The messaging extension's partner search (<c>composeExtension/query</c>, command <c>searchPartners</c>, spec §6):
/// parameter <c>query</c> (empty on <c>initialRun</c>: the first results, alphabetically), <c>queryOptions</c>
/// skip/count; every result an Adaptive Card with a thumbnail preview. Answered from the in-memory index (plus one
/// directory read per result for the website), well within Teams' 5 s.
/// </summary>
internal sealed class PartnerSearchComposeExtension(
    PartnerSearchIndex index,
    IPartnerDirectory directory,
    PartnerDirectoryReadiness readiness,
    PartnerCards cards) : IComposeExtensionHandler
{
    public const string Command = "searchPartners";
    public const int DefaultCount = 10;
    public const int MaxCount = 25;

    // Right after start-up: wait a little for the index, within Teams' 5 s budget.
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(2);

    public string CommandId => Command;

    public async Task<JsonElement> QueryAsync(ITurnContext turnContext, JsonElement query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = "";
        var skip = 0;
        var count = DefaultCount;
        if (query.ValueKind == JsonValueKind.Object)
        {
            if (query.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
            {
                foreach (var parameter in parameters.EnumerateArray())
                {
                    if (parameter.ValueKind == JsonValueKind.Object
                        && parameter.TryGetProperty("name", out var name) && name.ValueEquals("query")
                        && CardInput.TryGetText(parameter, "value", out var value) && value is not null)
                    {
                        text = value.Trim();
                    }
                }
            }

            if (query.TryGetProperty("queryOptions", out var queryOptions) && queryOptions.ValueKind == JsonValueKind.Object)
            {
                skip = Int(queryOptions, "skip", 0);
                count = Int(queryOptions, "count", DefaultCount);
            }
        }

        // Cut as the chat's search is: at a word's end, never inside an emoji (half of one made the search throw).
        text = PartnerQuery.Shorten(text);

        var texts = PartnerTexts.Resolve(turnContext.GetTexts().Language);
        // Never longer than the journey waits (tests of a directory that never gets ready wait for nothing).
        if (!await readiness.WaitAsync(ReadyWait < readiness.Wait ? ReadyWait : readiness.Wait, cancellationToken).ConfigureAwait(false))
        {
            // Not an empty result list, which reads as "nothing matches": Teams shows this text in place of the list.
            var loading = new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = texts.DirectoryLoading } };
            return JsonSerializer.SerializeToElement(loading, CardsJsonContext.Default.JsonObject);
        }

        var results = index.Search(new PartnerSearchQuery(text.Length == 0 ? null : text, Skip: Math.Clamp(skip, 0, 1000), Take: Math.Clamp(count, 1, MaxCount)));
        var attachments = new JsonArray();
        foreach (var hit in results.Hits)
        {
            var organisation = await directory.FindAsync(hit.OrganisationId, cancellationToken).ConfigureAwait(false);
            var card = cards.Summary(texts, hit, organisation?.Description ?? "", organisation?.Website);
            attachments.Add(new JsonObject
            {
                ["contentType"] = card.ContentType,
                ["content"] = JsonNode.Parse(card.Content!.Value.GetRawText()),
                ["preview"] = new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.thumbnail",
                    ["content"] = new JsonObject
                    {
                        ["title"] = hit.Name,
                        ["subtitle"] = $"{texts.Kinds[hit.Kind]} · {PartnerCards.Place(texts, hit.City, hit.Country)}",
                        ["text"] = PreviewText(hit.ExplanationIn(texts.Language, texts.MatchesPrefix)),
                    },
                },
            });
        }

        var response = new JsonObject
        {
            ["composeExtension"] = new JsonObject
            {
                ["type"] = "result",
                ["attachmentLayout"] = "list",
                ["attachments"] = attachments,
            },
        };
        return JsonSerializer.SerializeToElement(response, CardsJsonContext.Default.JsonObject);
    }

    /// <summary>
    /// The preview's text shown literally. A thumbnail card's title and subtitle are never formatted, but Teams reads
    /// its text as a subset of HTML (not Markdown): the region it holds comes from the directory, so the three
    /// characters that start markup or an entity are written as entities. Nothing else is encoded (accented letters,
    /// quotes stay as they are).
    /// </summary>
    internal static string PreviewText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static int Int(JsonElement element, string name, int fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : fallback;
}
