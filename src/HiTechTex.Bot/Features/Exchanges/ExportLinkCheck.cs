namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>What <see cref="ExchangeExportLinks.Check"/> found of an export link.</summary>
internal enum ExportLinkCheck
{
    /// <summary>Made by this bot for the export and a current coordinator, and not expired.</summary>
    Valid,

    /// <summary>No signature, a forged or altered one, one for something else, or for somebody no longer a coordinator.</summary>
    Invalid,

    /// <summary>A valid link whose time is over.</summary>
    Expired,
}
