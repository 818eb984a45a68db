using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol.Schema;
using Xunit;

namespace HiTechTex.Bot.Protocol.Tests.Json;

public sealed class WireJsonEncoderTests
{
    private static readonly JsonSerializerOptions Wire = new() { Encoder = WireJsonEncoder.Instance };
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("Olá 👋")]
    [InlineData("🇵🇹🇪🇸🇮🇹🇹🇷🇨🇿")]
    [InlineData("👩🏽‍🔬 textile lab")]
    [InlineData("𝐁old 𠜎 math and CJK extension B")]
    public void Serialize_CharactersBeyondTheBasicPlane_AreWrittenAsThemselves(string text)
    {
        var json = JsonSerializer.Serialize(text, Wire);

        Assert.Equal("\"" + text + "\"", json);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Equal(text, JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void Serialize_TheRelaxedEncoderEscapesEmoji_WhichIsWhyThisOneExists()
    {
        var relaxed = JsonSerializer.Serialize("👋", Relaxed);
        var wire = JsonSerializer.Serialize("👋", Wire);

        Assert.Equal(14, relaxed.Length);   // "\uD83D\uDC4B"
        Assert.Equal(4, wire.Length);
    }

    [Theory]
    [InlineData("\U000F0000 private use")]
    [InlineData("\U0010FFFD private use plane 16")]
    [InlineData("\U0003FFFD unassigned")]
    public void Serialize_PrivateUseAndUnassignedBeyondTheBasicPlane_StayEscaped(string text)
    {
        var json = JsonSerializer.Serialize(text, Wire);

        Assert.Equal(JsonSerializer.Serialize(text, Relaxed), json);
        Assert.Contains("\\u", json, StringComparison.Ordinal);
        Assert.Equal(text, JsonSerializer.Deserialize<string>(json));
    }

    [Theory]
    [InlineData("quote \" backslash \\ tab \t newline \n nul \0 bell \a")]
    [InlineData("<script>alert('x')</script> & ‹č ě ş ğ ã ñ›")]
    [InlineData("line\u2028separator\u2029paragraph \u00AD soft \u200B zero width")]
    [InlineData("plain ascii")]
    [InlineData("")]
    public void Serialize_TextWithoutSupplementaryCharacters_IsWrittenExactlyAsTheRelaxedEncoderDoes(string text)
    {
        Assert.Equal(JsonSerializer.Serialize(text, Relaxed), JsonSerializer.Serialize(text, Wire));
        Assert.Equal(JsonSerializer.Serialize(text, Relaxed), JsonValue.Create(text).ToJsonString(Wire));
    }

    [Fact]
    public void Serialize_LoneSurrogates_BecomeTheReplacementCharacterAsWithTheRelaxedEncoder()
    {
        var text = "a\uD83Db\uDC4Bc\uD83D";

        var json = JsonSerializer.Serialize(text, Wire);

        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD", JsonSerializer.Deserialize<string>(json));
        Assert.Equal(JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(text, Relaxed)), JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void Serialize_Utf8Path_KeepsEmojiAndEscapesTheRest()
    {
        // Property values reach the writer as UTF-8 (JsonNode from parsed bytes); both find-first paths are exercised.
        var node = JsonNode.Parse(Encoding.UTF8.GetBytes("{\"text\":\"Bom dia 👋 \\\"CITEVE\\\"\\n🧵\"}"))!;

        var json = node.ToJsonString(Wire);

        Assert.Equal("{\"text\":\"Bom dia 👋 \\\"CITEVE\\\"\\n🧵\"}", json);
    }

    [Fact]
    public void Serialize_RandomText_RoundTripsAndMatchesTheRelaxedEncoderOnceEmojiAreUnescaped()
    {
        var random = new Random(20261128);
        int[] pool = ['a', 'Z', ' ', '"', '\\', '\n', '\u0001', '<', '&', 'č', 'ş', '€', '\u2028', 0x1F44B, 0x1F3FD, 0x200D, 0x1F9F5, 0x20000, 0xF0000, 0x3FFFD, 0xFE0F];
        for (var i = 0; i < 500; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(0, 40); j > 0; j--)
            {
                text.Append(char.ConvertFromUtf32(pool[random.Next(pool.Length)]));
            }

            var value = text.ToString();
            var json = JsonSerializer.Serialize(value, Wire);
            var utf8 = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(JsonSerializer.Serialize(value)).RootElement, Wire));

            Assert.Equal(value, JsonSerializer.Deserialize<string>(json));
            Assert.Equal(json, utf8);
            Assert.Equal(JsonSerializer.Serialize(value, Relaxed), UnescapeKeptPairs(json));
        }
    }

    [Fact]
    public void ProtocolOutbound_WritesEmojiOfAReplyAsThemselves()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "Obrigado! 🙏 Até já 👋" };

        var json = JsonSerializer.Serialize(activity, ProtocolJsonContext.Outbound.Activity);

        Assert.Contains("\"text\":\"Obrigado! 🙏 Até já 👋\"", json, StringComparison.Ordinal);
    }

    // The relaxed encoder's output is the wire encoder's with every kept supplementary character escaped back as a pair.
    private static string UnescapeKeptPairs(string json)
    {
        var result = new StringBuilder();
        foreach (var rune in json.EnumerateRunes())
        {
            if (rune.Value > char.MaxValue)
            {
                var pair = new char[2];
                rune.EncodeToUtf16(pair);
                result.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)pair[0]:X4}\\u{(int)pair[1]:X4}");
            }
            else
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }
}
