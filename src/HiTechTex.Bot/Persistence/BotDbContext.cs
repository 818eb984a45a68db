using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// The bot's database. Each entity is configured by its own <see cref="IEntityTypeConfiguration{TEntity}"/>. The
/// model is the same for every provider; <see cref="SqliteBotDbContext"/> and <see cref="PostgreSqlBotDbContext"/>
/// exist only so that each provider has its own migration set (EF Core ties migrations to a context type).
/// </summary>
internal abstract class BotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConversationReferenceEntity> ConversationReferences => Set<ConversationReferenceEntity>();

    public DbSet<StateItemEntity> StateItems => Set<StateItemEntity>();

    public DbSet<ProcessedActivityEntity> ProcessedActivities => Set<ProcessedActivityEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
}
