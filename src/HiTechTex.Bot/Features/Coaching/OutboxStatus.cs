namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The state of an outbox row.</summary>
internal enum OutboxStatus
{
    Pending = 0,
    Done = 1,
    Failed = 2,
}
