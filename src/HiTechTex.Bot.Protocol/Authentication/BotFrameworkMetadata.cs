using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>
/// One snapshot of the Bot Framework OpenID metadata: the configuration document, the signing keys of its JWKS and
/// the channel endorsements of those keys, all read from the same fetch so keys and endorsements never disagree.
/// Snapshots are compared by reference (<see cref="object.ReferenceEquals"/>) to tell whether a refresh replaced one.
/// </summary>
/// <param name="Configuration">The OpenID configuration document (with its <c>JsonWebKeySet</c> filled in).</param>
/// <param name="SigningKeys">The signing keys of the JWKS.</param>
/// <param name="Endorsements"><c>kid → endorsements</c> for every JWKS key that has an <c>endorsements</c> member.</param>
/// <param name="FetchedAt">When this snapshot was fetched (from the authenticator's <see cref="TimeProvider"/>).</param>
internal sealed record BotFrameworkMetadata(
    OpenIdConnectConfiguration Configuration,
    IReadOnlyList<SecurityKey> SigningKeys,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements,
    DateTimeOffset FetchedAt);
