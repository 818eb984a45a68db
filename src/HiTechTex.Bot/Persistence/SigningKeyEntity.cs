namespace HiTechTex.Bot.Persistence;

/// <summary>A key the bot made for itself and keeps in its database (<see cref="StoredSigningKey"/>), one row per name.</summary>
internal sealed class SigningKeyEntity
{
    public required string Name { get; set; }

    public required byte[] Key { get; set; }
}
