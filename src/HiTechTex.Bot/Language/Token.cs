namespace HiTechTex.Bot.Language;

/// <summary>A word of the user's text: as typed (lower-cased) and normalised (no accents) for matching.</summary>
/// <param name="Raw">The word lower-cased, accents kept (what keywords show).</param>
/// <param name="Norm">The word lower-cased without diacritics (what the vocabulary is compared with).</param>
internal readonly record struct Token(string Raw, string Norm)
{
    /// <summary>
    /// What was typed between the previous word (or the text's start) and this one: <c>'</c> before "da" in "may'da",
    /// <c>". "</c> before "pro" in "2. pro". Not part of the token's equality.
    /// </summary>
    public string Before { get; init; } = "";

    /// <summary>What was typed between this word and the next one (or the text's end): <c>"."</c> after "pro" in "2 pro.".</summary>
    public string After { get; init; } = "";

    /// <summary>
    /// A Turkish case ending split off a place's name it was written on without an apostrophe: "de" of "izmirde", read as
    /// "'de" of "İzmir'de" is (<see cref="TurkishSuffix.SplitPlaceEndings"/>).
    /// </summary>
    public bool SplitEnding { get; init; }

    /// <summary>The word with its letters' case as typed ("İZMİR" where <see cref="Raw"/> is "izmir"): what a capital says of the language.</summary>
    public string Typed { get; init; } = "";

    public bool Equals(Token other) => string.Equals(Raw, other.Raw, StringComparison.Ordinal) && string.Equals(Norm, other.Norm, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Raw, Norm);
}
