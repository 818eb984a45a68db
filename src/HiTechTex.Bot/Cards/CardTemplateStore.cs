using System.Collections.Concurrent;
using HiTechTex.Bot.Cards.Templating;

namespace HiTechTex.Bot.Cards;

/// <summary>
/// Loads templates from a folder (by default <c>cards/</c> next to the binary, where the build copies them) and
/// caches them parsed. A missing or invalid template fails loudly, naming the template and its path.
/// </summary>
public sealed class CardTemplateStore(string directory) : ICardTemplateStore
{
    private readonly ConcurrentDictionary<string, Lazy<CardTemplate>> _cache = new(StringComparer.Ordinal);

    /// <summary>The store over <c>cards/</c> in the application's base directory.</summary>
    public CardTemplateStore()
        : this(Path.Combine(AppContext.BaseDirectory, "cards"))
    {
    }

    public string Directory { get; } = Path.GetFullPath(directory);

    public CardTemplate Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // Lazy so that concurrent first uses parse once; a failure is not cached, so a fixed file loads on retry.
        var entry = _cache.GetOrAdd(name, n => new Lazy<CardTemplate>(() => Load(n)));
        try
        {
            return entry.Value;
        }
        catch
        {
            _cache.TryRemove(KeyValuePair.Create(name, entry));
            throw;
        }
    }

    private CardTemplate Load(string name)
    {
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a card template name.", nameof(name));
        }

        var path = Path.Combine(Directory, name + ".json");
        if (!File.Exists(path))
        {
            throw new CardTemplateNotFoundException(name, path);
        }

        try
        {
            return CardTemplate.Parse(File.ReadAllText(path));
        }
        catch (CardTemplateException ex)
        {
            throw new CardTemplateException($"Card template '{name}' at '{path}' is invalid: {ex.Message}", ex);
        }
    }
}
