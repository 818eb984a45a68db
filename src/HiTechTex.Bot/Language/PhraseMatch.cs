namespace HiTechTex.Bot.Language;

/// <summary>Where a vocabulary phrase was found in the tokens, and how well it matched.</summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="Length">Number of tokens.</param>
/// <param name="Weight">The phrase's weight, reduced for typo matches.</param>
internal readonly record struct PhraseMatch(int Start, int Length, double Weight)
{
    public int End => Start + Length;

    public bool Overlaps(PhraseMatch other) => Start < other.End && other.Start < End;
}
