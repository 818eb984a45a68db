using System.Globalization;
using System.Text;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>Case- and accent-insensitive forms of what users type, for matching words in six languages.</summary>
internal static class TextNormalizer
{
    /// <summary>Lower case without diacritics; punctuation kept ("Amanhã 10:00" → "amanha 10:00").</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();   // nothing to decompose or strip: what the steps below give for ASCII
        }

        // Turkish dotless/dotted i have no decomposition, so map them by hand before stripping marks.
        // Half an emoji (a lone surrogate) would make Normalize throw; it reads as U+FFFD, not a letter.
        var lowered = Utf16Text.WellFormed(text).Replace('ı', 'i').Replace('İ', 'i').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(lowered.Length);
        foreach (var c in lowered)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary><see cref="Fold"/>, then every run of non-letters/digits becomes one space ("Não!" → "nao").</summary>
    public static string Normalize(string? text)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The two-letter language of a BCP-47 locale ("pt-BR" → "pt"), or "en".</summary>
    public static string Language(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return "en";
        }

        var dash = locale.IndexOfAny(['-', '_']);
        return (dash > 0 ? locale[..dash] : locale).ToLowerInvariant();
    }

    /// <summary>The culture of a locale, or the invariant culture when unknown.</summary>
    public static CultureInfo Culture(string? locale, string fallback = "en-US")
    {
        try
        {
            return CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(locale) ? fallback : locale.Replace('_', '-'));
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(fallback);
        }
    }
}
