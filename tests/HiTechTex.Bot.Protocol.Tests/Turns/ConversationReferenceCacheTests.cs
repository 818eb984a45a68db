using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class ConversationReferenceCacheTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void IsUnchanged_SameFingerprintRecently_TrueOtherwiseFalse()
    {
        var cache = new ConversationReferenceCache(time);
        cache.Remember("a:1", "https://smba/\nmsteams\ntenant\npersonal\n28:bot\n29:user\naad");

        Assert.True(cache.IsUnchanged("a:1", "https://smba/\nmsteams\ntenant\npersonal\n28:bot\n29:user\naad"));
        Assert.False(cache.IsUnchanged("a:1", "https://smba-2/\nmsteams\ntenant\npersonal\n28:bot\n29:user\naad"));
        Assert.False(cache.IsUnchanged("a:2", "https://smba/\nmsteams\ntenant\npersonal\n28:bot\n29:user\naad"));

        time.Advance(ConversationReferenceCache.TimeToLive);
        Assert.False(cache.IsUnchanged("a:1", "https://smba/\nmsteams\ntenant\npersonal\n28:bot\n29:user\naad"));
    }

    [Fact]
    public void IsUnchanged_LongFingerprint_ComparedInFull()
    {
        var cache = new ConversationReferenceCache(time);
        var text = new string('x', 5000);
        cache.Remember("a:1", text + "1");

        Assert.True(cache.IsUnchanged("a:1", text + "1"));
        Assert.False(cache.IsUnchanged("a:1", text + "2"));
    }

    [Fact]
    public void Remember_BeyondMaxEntries_StartsOverAndKeepsTheNewest()
    {
        var cache = new ConversationReferenceCache(time);
        for (var i = 0; i < ConversationReferenceCache.MaxEntries; i++)
        {
            cache.Remember($"a:{i}", "f");
        }

        Assert.Equal(ConversationReferenceCache.MaxEntries, cache.Count);

        cache.Remember("a:new", "f");

        Assert.Equal(1, cache.Count);
        Assert.True(cache.IsUnchanged("a:new", "f"));
        Assert.False(cache.IsUnchanged("a:0", "f"));
    }

    [Fact]
    public void Remember_SameConversationAgainAndForgotten_DoNotCountTowardsTheBound()
    {
        var cache = new ConversationReferenceCache(time);
        for (var i = 0; i < 2 * ConversationReferenceCache.MaxEntries; i++)
        {
            cache.Remember("a:same", "f" + (i % 3));
        }

        for (var i = 0; i < 100; i++)
        {
            cache.Remember($"a:gone-{i}", "f");
            cache.Forget($"a:gone-{i}");
        }

        for (var i = 1; i < ConversationReferenceCache.MaxEntries; i++)
        {
            cache.Remember($"a:{i}", "f");
        }

        // One plus MaxEntries - 1: exactly the bound, nothing started over.
        Assert.Equal(ConversationReferenceCache.MaxEntries, cache.Count);
        Assert.True(cache.IsUnchanged("a:same", "f" + ((2 * ConversationReferenceCache.MaxEntries - 1) % 3)));
        Assert.True(cache.IsUnchanged("a:1", "f"));
    }
}
