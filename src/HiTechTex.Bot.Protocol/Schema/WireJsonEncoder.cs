using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>
/// The encoder of JSON the bot sends (<see cref="ProtocolJsonContext.Outbound"/>, the Connector client's bodies, the card
/// size check): <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> — text as it is, since the body is JSON for a
/// JSON reader and never put into HTML — and, unlike it, the characters beyond U+FFFF as they are too. The relaxed
/// encoder writes every emoji, and every letter of the supplementary planes, as a twelve-character
/// <c>\uD83D\uDC4B</c> pair of escapes: a message of greetings with emoji was up to six times larger on the wire than
/// what Teams counts (UTF-16, spec §5.1). Still escaped, as by the relaxed encoder: control characters, the quote and
/// backslash, lone surrogates, and — beyond U+FFFF — unassigned and private-use code points.
/// </summary>
public sealed class WireJsonEncoder : JavaScriptEncoder
{
    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    private WireJsonEncoder()
    {
    }

    /// <summary>The one instance.</summary>
    public static WireJsonEncoder Instance { get; } = new();

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => Relaxed.MaxOutputCharactersPerInputCharacter;

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar > char.MaxValue ? !IsKeptSupplementary(unicodeScalar) : Relaxed.WillEncode(unicodeScalar);

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(textLength);
        var offset = 0;
        while (offset < textLength)
        {
            var found = Relaxed.FindFirstCharacterToEncode(text + offset, textLength - offset);
            if (found < 0)
            {
                return -1;
            }

            var index = offset + found;
            if (index + 1 < textLength && char.IsSurrogatePair(text[index], text[index + 1])
                && IsKeptSupplementary(char.ConvertToUtf32(text[index], text[index + 1])))
            {
                offset = index + 2;
                continue;
            }

            return index;
        }

        return -1;
    }

    /// <inheritdoc />
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var offset = 0;
        while (offset < utf8Text.Length)
        {
            var rest = utf8Text[offset..];
            var found = Relaxed.FindFirstCharacterToEncodeUtf8(rest);
            if (found < 0)
            {
                return -1;
            }

            if (Rune.DecodeFromUtf8(rest[found..], out var rune, out var consumed) == OperationStatus.Done
                && rune.Value > char.MaxValue && IsKeptSupplementary(rune.Value))
            {
                offset += found + consumed;
                continue;
            }

            return offset + found;
        }

        return -1;
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (unicodeScalar > char.MaxValue && IsKeptSupplementary(unicodeScalar))
        {
            // Asked to encode a character it keeps (the base encoder's loop asks WillEncode first; this is for callers
            // that do not): written as itself.
            if (bufferLength < 2)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            var rune = new Rune(unicodeScalar);
            rune.EncodeToUtf16(new Span<char>(buffer, 2));
            numberOfCharactersWritten = 2;
            return true;
        }

        return Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
    }

    /// <summary>A character beyond U+FFFF written as it is: an assigned one that is not for private use.</summary>
    private static bool IsKeptSupplementary(int scalar) =>
        Rune.IsValid(scalar)
        && Rune.GetUnicodeCategory(new Rune(scalar)) is not (UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse);
}
