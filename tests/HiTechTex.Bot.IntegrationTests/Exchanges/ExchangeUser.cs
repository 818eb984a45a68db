namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>A Teams user of the tests, with the personal chat they write from.</summary>
internal sealed record ExchangeUser(string Name)
{
    public string AadObjectId { get; } = Guid.NewGuid().ToString();

    public string UserId => "29:" + Name.ToLowerInvariant();

    public string ConversationId { get; } = $"a:{Guid.NewGuid():N}";
}
