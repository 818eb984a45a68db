using System.Globalization;
using System.Text;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The inline organisation search of the form: every word of the query (case- and accent-insensitive) in the name,
/// city, country or id. Plain on purpose: it needs only <see cref="IPartnerDirectory"/>, whatever stands behind it.
/// </summary>
internal static class OrganisationMatcher
{
    public static IReadOnlyList<Organisation> Find(IReadOnlyList<Organisation> organisations, string? query, int limit)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var words = Fold(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        return [.. organisations
            .Where(o => words.All(w => Fold($"{o.Name} {o.City} {o.Country} {o.Id}").Contains(w, StringComparison.Ordinal)))
            .OrderBy(o => o.IsDemo)
            .ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .Take(limit)];
    }

    private static string Fold(string text)
    {
        // Turkish dotted capital İ: ToLowerInvariant leaves it, and FormD would strip its dot to a capital I, so
        // "CİTEVE" or "İplik" never matched; dotless ı folds to i like the other dotless/dotted pairs.
        var decomposed = text.Replace('İ', 'i').Replace('ı', 'i').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }

        return builder.ToString();
    }
}
