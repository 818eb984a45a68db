using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Coaching;

internal sealed class CoachingReminderClaimConfiguration : IEntityTypeConfiguration<CoachingReminderClaim>
{
    public void Configure(EntityTypeBuilder<CoachingReminderClaim> builder)
    {
        builder.ToTable("CoachingReminderClaims");

        // The key is the exactly-once: the instance whose insert lands sends the reminder.
        builder.HasKey(e => new { e.RegistrationId, e.MinutesBefore });
        builder.HasOne<CoachingRegistration>().WithMany().HasForeignKey(e => e.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ClaimedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}
