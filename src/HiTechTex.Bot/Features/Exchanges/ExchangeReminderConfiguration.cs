using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Exchanges;

internal sealed class ExchangeReminderConfiguration : IEntityTypeConfiguration<ExchangeReminder>
{
    public void Configure(EntityTypeBuilder<ExchangeReminder> builder)
    {
        builder.ToTable("ExchangeReminders");
        builder.HasKey(e => new { e.ExchangeId, e.Kind, e.RecipientAadObjectId });
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.RecipientAadObjectId).HasMaxLength(64);
        builder.Property(e => e.SentAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasOne<ExchangeApplication>().WithMany().HasForeignKey(e => e.ExchangeId).OnDelete(DeleteBehavior.Cascade);
    }
}
