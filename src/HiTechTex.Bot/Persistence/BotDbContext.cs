using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>The bot's database. Each entity is configured by its own <see cref="IEntityTypeConfiguration{TEntity}"/>.</summary>
internal sealed class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options)
{
    public DbSet<ConversationReferenceEntity> ConversationReferences => Set<ConversationReferenceEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
}
