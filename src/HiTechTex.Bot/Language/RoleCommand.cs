namespace HiTechTex.Bot.Language;

/// <summary>A command only some people may use (see the help card's role commands); who may is the caller's to check.</summary>
public enum RoleCommand
{
    None,

    /// <summary>A cluster manager's applications waiting for their decision.</summary>
    PendingApprovals,

    /// <summary>A cluster manager's directory entries of their members.</summary>
    ManageMembers,

    /// <summary>The coordinator's figures of the exchanges so far.</summary>
    ExchangeProgress,

    /// <summary>The coordinator's CSV of the exchanges.</summary>
    ExportExchanges,

    /// <summary>The coordinator's form for a new coaching session.</summary>
    NewSession,

    /// <summary>The coordinator's import of coaching sessions.</summary>
    ImportSessions,

    /// <summary>The coordinator's card of the applications nobody may decide or whose card or notice reached nobody.</summary>
    StuckApplications,
}
