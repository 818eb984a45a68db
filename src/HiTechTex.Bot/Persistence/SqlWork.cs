using System.Data.Common;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// One write of a per-turn store, run by <see cref="SqlSessionPool.WriteAsync{T}"/> on a lent session. Every command
/// must be enlisted in <paramref name="transaction"/> (null only for a PostgreSQL write that asked for none). The work
/// neither commits nor rolls back: an exception undoes what it wrote (and only that), the pool commits the rest.
/// </summary>
internal delegate Task<T> SqlWork<T>(SqlSession session, DbTransaction? transaction, CancellationToken cancellationToken);
