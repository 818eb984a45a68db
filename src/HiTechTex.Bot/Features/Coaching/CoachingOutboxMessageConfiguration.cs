using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Coaching;

internal sealed class CoachingOutboxMessageConfiguration : IEntityTypeConfiguration<CoachingOutboxMessage>
{
    public void Configure(EntityTypeBuilder<CoachingOutboxMessage> builder)
    {
        builder.ToTable("CoachingOutbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Lane).HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.Property(e => e.Mailbox).HasMaxLength(256);
        builder.Property(e => e.EventId).HasMaxLength(512);
        builder.Property(e => e.EventStartsAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.DueAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.ClaimedUntil).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.CompletedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(e => new { e.Status, e.DueAt });
        builder.HasIndex(e => new { e.SessionId, e.Lane, e.Status });
    }
}
