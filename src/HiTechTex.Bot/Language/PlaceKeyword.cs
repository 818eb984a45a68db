namespace HiTechTex.Bot.Language;

/// <summary>
/// A keyword of the Azure OpenAI answer read as the local reading reads its words (<see cref="LocalIntentRecognizer.ReadPlaceKeyword"/>):
/// "türkiyede" is the country TR and no keyword, "izmirde" the city İzmir and the keyword "izmir".
/// </summary>
/// <param name="Keyword">What is left to look for, or null when nothing is.</param>
/// <param name="Country">The ISO code of a country the keyword named with a Turkish case ending, if any.</param>
/// <param name="Region">The canonical name of a partner region it named so ("egeden": Aegean), if any.</param>
/// <param name="City">The canonical name of a city it named so ("izmirde": İzmir), if any.</param>
internal readonly record struct PlaceKeyword(string? Keyword, string? Country, string? Region, string? City)
{
    /// <summary>Whether the keyword named a place.</summary>
    public bool NamesAPlace => (Country ?? Region ?? City) is not null;
}
