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

        return await FindProfileLanguageAsync(reference.ChannelId ?? "", reference.User?.Id ?? "", cancellationToken).ConfigureAwait(false)
            ?? Supported(reference.Locale);
    }

    /// <summary>
    /// The language of the profile of a user the bot has talked to (by channel and user id, e.g. the applicant of an
    /// application), or null when they have no profile — not the Teams client's: the caller has a better fallback.
    /// </summary>
    public async Task<string?> FindProfileLanguageAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        return Supported(await ProfileStringAsync(channelId, userId, "language", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The name a person goes by with the bot: their profile's, else the one Teams gave with their 1:1 chat — each only
    /// when it keeps the name rules (<see cref="NameRule"/>; it goes on other people's cards, and a profile saved before
    /// a rule may break it); null when neither is known or keeps them.
    /// </summary>
    public async Task<string?> FindNameAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId) || string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        var stored = await references.FindPersonalAsync(aadObjectId, tenantId, cancellationToken).ConfigureAwait(false);
        if (stored?.Reference is not { ChannelId: { Length: > 0 } channelId, User.Id: { Length: > 0 } userId } reference)
        {
            return null;
        }

        return await ProfileStringAsync(channelId, userId, "name", cancellationToken).ConfigureAwait(false) is { Length: > 0 } name
            && ProfileDialog.KeepsNameRules(name)
            ? name
            : reference.User?.Name?.Trim() is { Length: > 0 } teamsName && ProfileDialog.KeepsNameRules(teamsName) ? teamsName : null;
    }

    /// <summary>
    /// The time zone last seen from a person's Teams client (kept in their user state when it changes, see
    /// <see cref="ITimeZoneListener"/>), found through their 1:1 chat with the bot; null when the bot has none.
    /// </summary>
    public async Task<string?> FindTimeZoneAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId) || string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        var stored = await references.FindPersonalAsync(aadObjectId, tenantId, cancellationToken).ConfigureAwait(false);
        return stored?.Reference is { ChannelId: { Length: > 0 } channelId, User.Id: { Length: > 0 } userId }
            ? await FindUserTimeZoneAsync(channelId, userId, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The same, by channel and user id (e.g. the applicant of an application); null when none is kept.</summary>
    public async Task<string?> FindUserTimeZoneAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var key = UserState.StorageKeyOf(channelId, userId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item)
            && item.Value.ValueKind == JsonValueKind.Object
            && item.Value.TryGetProperty("timeZone", out var zone)
            && zone.ValueKind == JsonValueKind.String
                ? zone.GetString()
                : null;
    }

    /// <summary>A string of the profile in a user's stored state (by channel and user id), or null.</summary>
    private async Task<string?> ProfileStringAsync(string channelId, string userId, string property, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var key = UserState.StorageKeyOf(channelId, userId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? ProfileString(item.Value, property) : null;
    }

    private static string? ProfileString(JsonElement state, string property) =>
        state.ValueKind == JsonValueKind.Object
        && state.TryGetProperty("profile", out var profile)
        && profile.ValueKind == JsonValueKind.Object
        && profile.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Supported(string? languageOrLocale)
    {
        var code = languageOrLocale is { Length: >= 2 } ? languageOrLocale[..2].ToLowerInvariant() : null;
        return code is not null && ConversationTexts.All.Any(t => t.Language == code) ? code : null;
    }
}
