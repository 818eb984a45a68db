using System.Text.Json;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The language to address a person in when the bot writes to them first (an approval card, an introduction request):
/// the language of their profile when they have one, else the language of their Teams client as their 1:1 chat with
/// the bot last reported it, else null (the caller decides: the partner's language, English).
/// </summary>
internal sealed class RecipientLanguages(IConversationReferenceStore references, IStorage storage)
{
    /// <summary>A two-letter code among the bot's languages (en, pt, es, it, tr, cs), or null when nothing is known.</summary>
    public async Task<string?> FindAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId) || string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        var stored = await references.FindPersonalAsync(aadObjectId, tenantId, cancellationToken).ConfigureAwait(false);
        return await FindAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same, from a 1:1 reference the caller has already looked up (null: nothing known).</summary>
    public async Task<string?> FindAsync(StoredConversationReference? stored, CancellationToken cancellationToken)
    {
        if (stored?.Reference is not { } reference)
        {
            return null;
        }

        if (reference is { ChannelId: { Length: > 0 } channelId, User.Id: { Length: > 0 } userId })
        {
            var key = UserState.StorageKeyOf(channelId, userId);
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            if (items.TryGetValue(key, out var item) && ProfileLanguage(item.Value) is { } language)
            {
                return language;
            }
        }

        return Supported(reference.Locale);
    }

    private static string? ProfileLanguage(JsonElement state) =>
        state.ValueKind == JsonValueKind.Object
        && state.TryGetProperty("profile", out var profile)
        && profile.ValueKind == JsonValueKind.Object
        && profile.TryGetProperty("language", out var language)
        && language.ValueKind == JsonValueKind.String
            ? Supported(language.GetString())
            : null;

    private static string? Supported(string? languageOrLocale)
    {
        var code = languageOrLocale is { Length: >= 2 } ? languageOrLocale[..2].ToLowerInvariant() : null;
        return code is not null && ConversationTexts.All.Any(t => t.Language == code) ? code : null;
    }
}
