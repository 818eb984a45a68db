using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Exchanges;

internal sealed class ExchangeAuditEntryConfiguration : IEntityTypeConfiguration<ExchangeAuditEntry>
{
    public void Configure(EntityTypeBuilder<ExchangeAuditEntry> builder)
    {
        builder.ToTable("ExchangeAuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorAadObjectId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Comment).HasMaxLength(ExchangeLimits.Comment);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.At).HasConversion(new DateTimeOffsetToBinaryConverter());

        // One entry per version: a second recording of the same transition fails in the database.
        builder.HasIndex(e => new { e.ExchangeId, e.Version }).IsUnique();
        builder.HasOne<ExchangeApplication>().WithMany().HasForeignKey(e => e.ExchangeId).OnDelete(DeleteBehavior.Cascade);
    }
}
