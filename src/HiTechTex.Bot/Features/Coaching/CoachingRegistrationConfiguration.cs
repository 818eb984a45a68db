using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Coaching;

internal sealed class CoachingRegistrationConfiguration : IEntityTypeConfiguration<CoachingRegistration>
{
    public void Configure(EntityTypeBuilder<CoachingRegistration> builder)
    {
        builder.ToTable("CoachingRegistrations");
        builder.HasKey(e => e.Id);
        builder.HasOne<CoachingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);

        // One registration per person and session, whatever the number of clicks, retries or instances.
        builder.HasIndex(e => new { e.SessionId, e.UserAadObjectId }).IsUnique();
        builder.HasIndex(e => new { e.SessionId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.UserAadObjectId);
        builder.Property(e => e.UserAadObjectId).HasMaxLength(128);
        builder.Property(e => e.UserName).HasMaxLength(200);
        builder.Property(e => e.TenantId).HasMaxLength(128);
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.ConversationId).HasMaxLength(512);
        builder.Property(e => e.Language).HasMaxLength(8);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.RegisteredAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.UpdatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}
