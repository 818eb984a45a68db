using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Exchanges;

internal sealed class ExchangeCardReferenceConfiguration : IEntityTypeConfiguration<ExchangeCardReference>
{
    public void Configure(EntityTypeBuilder<ExchangeCardReference> builder)
    {
        builder.ToTable("ExchangeCards");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.RecipientAadObjectId).HasMaxLength(64);
        builder.Property(e => e.ConversationId).HasMaxLength(512);
        builder.Property(e => e.ActivityId).HasMaxLength(256);
        builder.Property(e => e.SentAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(e => new { e.ExchangeId, e.ConversationId, e.ActivityId }).IsUnique();
        builder.HasOne<ExchangeApplication>().WithMany().HasForeignKey(e => e.ExchangeId).OnDelete(DeleteBehavior.Cascade);
    }
}
