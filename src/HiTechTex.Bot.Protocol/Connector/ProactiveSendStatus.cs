namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>The outcome of a proactive send.</summary>
public enum ProactiveSendStatus
{
    /// <summary>The connector accepted the activity.</summary>
    Sent,

    /// <summary>The user blocked or uninstalled the bot (403 MessageWritesBlocked, now or earlier); nothing was sent.</summary>
    Blocked,

    /// <summary>No stored conversation reference; nothing was sent.</summary>
    NoReference,
}
