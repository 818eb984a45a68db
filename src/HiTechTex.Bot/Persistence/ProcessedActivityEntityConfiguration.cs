using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

internal sealed class ProcessedActivityEntityConfiguration : IEntityTypeConfiguration<ProcessedActivityEntity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivityEntity> builder)
    {
        builder.ToTable("ProcessedActivities");

        // The key is what makes "insert or ignore" a reliable "seen before?" across bot instances.
        builder.HasKey(e => new { e.ChannelId, e.ConversationId, e.ActivityId });
        builder.Property(e => e.ChannelId).HasMaxLength(64);
        builder.Property(e => e.ConversationId).HasMaxLength(512);
        builder.Property(e => e.ActivityId).HasMaxLength(256);

        // A number, so the cleanup's "older than" is a plain comparison on every provider.
        builder.Property(e => e.ProcessedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(e => e.ProcessedAt);
    }
}
