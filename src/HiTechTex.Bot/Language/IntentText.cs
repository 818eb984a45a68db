using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Language;

/// <summary>How much of a message the recognizers read.</summary>
public static class IntentText
{
    /// <summary>
    /// The characters read: a request fits many times over (Teams itself caps a message at about 28 KB). A pasted
    /// document or a forged megabyte would otherwise cost the local matcher seconds and the Azure OpenAI call tokens.
    /// </summary>
    public const int MaxLength = 2000;

    /// <summary>The text's first <see cref="MaxLength"/> characters (not splitting a surrogate pair).</summary>
    public static string Bounded(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Utf16Text.Cut(text, MaxLength);
    }
}
