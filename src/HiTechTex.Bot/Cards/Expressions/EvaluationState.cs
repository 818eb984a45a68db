namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// Memory plus options. <see cref="NullSubstitution"/> is the templating engine's rule that a missing path evaluates
/// to the text <c>${path}</c>; logical and comparison functions turn it off for their operands, as the official ones do.
/// </summary>
internal sealed record EvaluationState(IMemory Memory, bool NullSubstitution, string? Locale = null)
{
    /// <summary>The locale when none is given: the official engine takes the machine's; we fix it for determinism.</summary>
    public const string DefaultLocale = "en-US";

    public EvaluationState WithoutSubstitution() => NullSubstitution ? this with { NullSubstitution = false } : this;

    public string EffectiveLocale => Locale ?? DefaultLocale;
}
