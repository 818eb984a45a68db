using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

internal sealed class ConversationReferenceEntityConfiguration : IEntityTypeConfiguration<ConversationReferenceEntity>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceEntity> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.HasKey(e => e.ConversationId);

        // Teams ids are short, but channel thread ids carry ";messageid=…"; keep generous limits.
        builder.Property(e => e.ConversationId).HasMaxLength(512);
        builder.Property(e => e.ServiceUrl).HasMaxLength(1024).IsRequired();
        builder.Property(e => e.ChannelId).HasMaxLength(64);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.BotId).HasMaxLength(256);
        builder.Property(e => e.UserId).HasMaxLength(256);
        builder.Property(e => e.UserAadObjectId).HasMaxLength(64);
        builder.Property(e => e.ConversationType).HasMaxLength(32);
        builder.Property(e => e.ReferenceJson).IsRequired();

        // Stored as a number so it can be ordered on every provider (SQLite cannot order DateTimeOffset text).
        builder.Property(e => e.UpdatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());

        // Proactive 1:1 messages look the conversation up by user and tenant.
        builder.HasIndex(e => new { e.UserAadObjectId, e.TenantId });
    }
}
