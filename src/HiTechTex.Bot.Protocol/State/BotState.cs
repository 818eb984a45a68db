using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// State scoped by a storage key (conversation, user, …), kept as one JSON object per key. It is read once per
/// turn, cached in <see cref="ITurnContext.TurnState"/>, and written by <see cref="SaveChangesAsync"/> only when it
/// changed — with the ETag that was read, so two concurrent turns on the same key cannot silently overwrite each
/// other: the later save throws <see cref="StorageConcurrencyException"/>.
/// </summary>
/// <remarks>
/// Property values are serialized with System.Text.Json (<see cref="JsonOptions"/>). A value typed as
/// <see cref="object"/> (e.g. inside a dictionary) comes back as a <see cref="JsonElement"/> on the next turn.
/// Instances hold no per-turn data and can be singletons.
/// </remarks>
public abstract class BotState(IStorage storage, string contextServiceKey, JsonSerializerOptions? jsonOptions = null)
{
    /// <summary>Web defaults (camelCase, case-insensitive read), nulls omitted.</summary>
    public static JsonSerializerOptions DefaultJsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The store the state is read from and written to.</summary>
    private IStorage Storage { get; } = storage;

    /// <summary>The options used to (de)serialize property values.</summary>
    public JsonSerializerOptions JsonOptions { get; } = jsonOptions ?? DefaultJsonOptions;

    /// <summary>Creates an accessor for the property <paramref name="name"/>.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new StatePropertyAccessor<T>(this, name);
    }

    /// <summary>Reads the state into the turn cache, unless already there (or <paramref name="force"/>).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && GetCached(turnContext) is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        Cache(turnContext, key, items);
    }

    /// <summary>
    /// Reads several states into the turn cache with ONE <see cref="IStorage.ReadAsync"/> per storage (a single query
    /// on the SQL store) instead of one read each — for a turn that needs, say, the conversation and the user state
    /// anyway. States already cached are skipped unless <paramref name="force"/>; ETags are kept per state as with
    /// <see cref="LoadAsync"/>.
    /// </summary>
    public static async Task LoadAllAsync(ITurnContext turnContext, IReadOnlyList<BotState> states, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(states);
        var wanted = new List<(BotState State, string Key)>(states.Count);
        foreach (var state in states)
        {
            if (force || state.GetCached(turnContext) is null)
            {
                wanted.Add((state, state.GetStorageKey(turnContext)));
            }
        }

        foreach (var group in wanted.GroupBy(w => w.State.Storage))
        {
            var keys = group.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
            var items = await group.Key.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
            foreach (var (state, key) in group)
            {
                state.Cache(turnContext, key, items);
            }
        }
    }

    /// <summary>
    /// Writes the cached state if it changed (or always with <paramref name="force"/>, which also ignores the
    /// ETag). Does nothing when the state was not loaded in this turn.
    /// </summary>
    /// <exception cref="StorageConcurrencyException">Another turn saved the same key since this one read it.</exception>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (GetCached(turnContext) is not { } cached)
        {
            return;
        }

        var json = cached.Write(JsonOptions);
        if (!force && cached.IsSnapshot(json))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var change = new StoreItem(ParseElement(json), force ? "*" : cached.ETag);
        var etags = await Storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = change }, cancellationToken).ConfigureAwait(false);
        cached.ETag = etags[key];
        cached.MarkSaved(json);
    }

    /// <summary>Empties the cached state; the next save writes the empty object.</summary>
    public void ClearState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var etag = GetCached(turnContext)?.ETag;
        turnContext.TurnState[contextServiceKey] = new CachedBotState(null, etag) { Snapshot = null };
    }

    /// <summary>
    /// Deletes the stored state. The rest of the turn sees it as never stored: its properties read as absent, and
    /// <see cref="SaveChangesAsync"/> writes nothing unless a property is set again (deleting the profile must not
    /// leave the end-of-turn save to write it back, nor a later read in the turn fail for want of a loaded state).
    /// </summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await Storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
        turnContext.TurnState[contextServiceKey] = new CachedBotState(null, null);
    }

    /// <summary>The storage key of this state for the turn's activity.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal T? GetPropertyValue<T>(ITurnContext turnContext, string name, Func<T>? defaultValueFactory)
    {
        var cached = GetCachedOrThrow(turnContext);
        if (cached.Values.TryGetValue(name, out var value) && value is T typed)
        {
            return typed;
        }

        if (cached.Values.TryGetValue(name, out value) && value is not null)
        {
            // The same property read with another type in this turn: go through JSON.
            var converted = JsonSerializer.SerializeToElement(value, value.GetType(), JsonOptions).Deserialize<T>(JsonOptions);
            cached.Values[name] = converted;
            return converted;
        }

        if (cached.TryGetStored(name, out var stored))
        {
            // Straight from the stored element: no JsonNode tree in between.
            var materialized = stored.Deserialize<T>(JsonOptions);
            cached.Values[name] = materialized;
            return materialized;
        }

        if (defaultValueFactory is null)
        {
            return default;
        }

        var created = defaultValueFactory();
        cached.Values[name] = created;
        return created;
    }

    internal void SetPropertyValue<T>(ITurnContext turnContext, string name, T value) =>
        GetCachedOrThrow(turnContext).Values[name] = value;

    internal void DeletePropertyValue(ITurnContext turnContext, string name)
    {
        GetCachedOrThrow(turnContext).Remove(name);
    }

    private void Cache(ITurnContext turnContext, string key, IReadOnlyDictionary<string, StoreItem> items)
    {
        // A stored value that is not an object (no save writes one: a row edited by hand, or unreadable) reads as no
        // state but keeps its ETag, so the turn's save replaces it; without the ETag the save would insert, conflict
        // with the row on every turn and never save again.
        var cached = !items.TryGetValue(key, out var item) ? new CachedBotState(null, null)
            : item.Value.ValueKind == JsonValueKind.Object ? new CachedBotState(item.Value, item.ETag)
            : new CachedBotState(null, item.ETag);
        turnContext.TurnState[contextServiceKey] = cached;
    }

    private static JsonElement ParseElement(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }

    private CachedBotState? GetCached(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(contextServiceKey, out var value) ? value as CachedBotState : null;

    private CachedBotState GetCachedOrThrow(ITurnContext turnContext) =>
        GetCached(turnContext) ?? throw new InvalidOperationException($"{GetType().Name} was not loaded in this turn.");

    /// <summary>
    /// The state of one key within one turn: the stored JSON object as read, plus the live objects handed out. Values
    /// are deserialized straight from the stored element when first asked for, and the JSON to save is written in one
    /// pass — untouched properties copied as they were, in their order, the handed-out objects serialized in place.
    /// </summary>
    private sealed class CachedBotState(JsonElement? stored, string? etag)
    {
        private static readonly byte[] EmptyObject = "{}"u8.ToArray();

        private HashSet<string>? removed;

        public string? ETag { get; set; } = etag;

        /// <summary>
        /// The JSON last saved in this turn (UTF-8); before any save, the stored text itself (written by an earlier
        /// save, so in the same compact form: a stored text in another form costs one needless save, never a missed
        /// one). Null: always save.
        /// </summary>
        public byte[]? Snapshot { get; set; } = stored is null ? EmptyObject : null;

        private bool snapshotIsStored = stored is not null;

        /// <summary>Objects handed to callers, who may mutate them; serialized back on save.</summary>
        public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

        public bool TryGetStored(string name, out JsonElement value)
        {
            value = default;
            return stored is { } element && (removed is null || !removed.Contains(name)) && element.TryGetProperty(name, out value);
        }

        public void Remove(string name)
        {
            Values.Remove(name);
            (removed ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        }

        public bool IsSnapshot(byte[] json)
        {
            if (snapshotIsStored && Snapshot is null && stored is { } element)
            {
                return JsonMarshal.GetRawUtf8Value(element).SequenceEqual(json);
            }

            return Snapshot is not null && Snapshot.AsSpan().SequenceEqual(json);
        }

        public byte[] Write(JsonSerializerOptions options)
        {
            // One buffer and writer per thread, reused: a state of a few KB would otherwise grow a fresh buffer by
            // doubling on every save (the largest allocation of a dialog turn). Nothing awaits in here, so the
            // thread's pair cannot be in use twice; what is returned is a copy.
            var (buffer, writer) = RentWriter();
            try
            {
                writer.WriteStartObject();
                HashSet<string>? written = null;
                if (stored is { } element)
                {
                    foreach (var property in element.EnumerateObject())
                    {
                        if (removed?.Contains(property.Name) == true)
                        {
                            continue;
                        }

                        if (Values.TryGetValue(property.Name, out var value))
                        {
                            WriteValue(writer, property.Name, value, options);
                            (written ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name);
                        }
                        else
                        {
                            property.WriteTo(writer);
                        }
                    }
                }

                foreach (var (name, value) in Values)
                {
                    if (written?.Contains(name) != true)
                    {
                        WriteValue(writer, name, value, options);
                    }
                }

                writer.WriteEndObject();
                writer.Flush();
                return buffer.WrittenSpan.ToArray();
            }
            finally
            {
                ReturnWriter(buffer, writer);
            }
        }

        [ThreadStatic]
        private static ArrayBufferWriter<byte>? threadBuffer;

        [ThreadStatic]
        private static Utf8JsonWriter? threadWriter;

        /// <summary>A buffer kept above this size is dropped after use instead of kept for the thread.</summary>
        private const int MaxKeptBuffer = 64 * 1024;

        private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) RentWriter()
        {
            var buffer = threadBuffer ?? new ArrayBufferWriter<byte>(4096);
            var writer = threadWriter;
            threadBuffer = null;
            threadWriter = null;
            if (writer is null)
            {
                writer = new Utf8JsonWriter(buffer);
            }
            else
            {
                writer.Reset(buffer);
            }

            return (buffer, writer);
        }

        private static void ReturnWriter(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
        {
            if (buffer.Capacity > MaxKeptBuffer)
            {
                writer.Dispose();
                return;
            }

            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            threadBuffer = buffer;
            threadWriter = writer;
        }

        public void MarkSaved(byte[] json)
        {
            Snapshot = json;
            snapshotIsStored = false;
        }

        private static void WriteValue(Utf8JsonWriter writer, string name, object? value, JsonSerializerOptions options)
        {
            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
            }
        }
    }
}
