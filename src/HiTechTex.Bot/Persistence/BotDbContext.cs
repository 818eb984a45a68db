using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
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

    /// <summary>
    /// Every entity configuration of the model, listed rather than found by <c>ApplyConfigurationsFromAssembly</c>:
    /// that scan loads every type of the host assembly and with them the assemblies their signatures name
    /// (Microsoft.Graph alone maps 6 MB), although most hosts never call Graph or OpenAI. A test checks that the
    /// list names every configuration class of the assembly.
    /// </summary>
    internal static void ApplyConfigurations(ModelBuilder modelBuilder)
    {
        modelBuilder
            .ApplyConfiguration(new ConversationReferenceEntityConfiguration())
            .ApplyConfiguration(new StateItemEntityConfiguration())
            .ApplyConfiguration(new ProcessedActivityEntityConfiguration())
            .ApplyConfiguration(new SigningKeyEntityConfiguration())
            .ApplyConfiguration(new Features.Conversation.TeamConversationEntityConfiguration())
            .ApplyConfiguration(new PartnerDirectoryEntityConfiguration())
            .ApplyConfiguration(new PartnerChangeCounterEntityConfiguration())
            .ApplyConfiguration(new IntroductionEntityConfiguration())
            .ApplyConfiguration(new ExchangeApplicationConfiguration())
            .ApplyConfiguration(new ExchangeAuditEntryConfiguration())
            .ApplyConfiguration(new ExchangeCardReferenceConfiguration())
            .ApplyConfiguration(new ExchangeReminderConfiguration())
            .ApplyConfiguration(new CoachingSessionConfiguration())
            .ApplyConfiguration(new CoachingRegistrationConfiguration())
            .ApplyConfiguration(new CoachingReminderClaimConfiguration())
            .ApplyConfiguration(new CoachingOutboxMessageConfiguration());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => ApplyConfigurations(modelBuilder);
}
