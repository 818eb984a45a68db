namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The one reading of a directory value named by an enum member (a kind, a service, a stage) from untrusted text —
/// a search's card data or typed filter, an imported file: its name trimmed and in any case ("fabric", " Fabric "), as
/// the capability ids are read (<see cref="TextileTaxonomy.Find"/>). Never a number ("2") nor a list of names
/// ("Yarn,Fabric", which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> reads as the member whose value is
/// their bits combined: Finishing).
/// </summary>
internal static class EnumName
{
    /// <summary>
    /// The member named by <paramref name="text"/>, else null. <paramref name="ignoreCase"/> false reads a form's choice
    /// set, which sends each name exactly as the card offers it: another case ("sme") is a forged card, refused.
    /// </summary>
    public static T? Find<T>(string? text, bool ignoreCase = true)
        where T : struct, Enum
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var candidate in Enum.GetNames<T>())
        {
            if (string.Equals(candidate, name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                return Enum.Parse<T>(candidate);
            }
        }

        return null;
    }
}
