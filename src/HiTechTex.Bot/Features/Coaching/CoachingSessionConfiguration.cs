using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Coaching;

internal sealed class CoachingSessionConfiguration : IEntityTypeConfiguration<CoachingSession>
{
    public void Configure(EntityTypeBuilder<CoachingSession> builder)
    {
        builder.ToTable("CoachingSessions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.Topic).HasMaxLength(100);
        builder.Property(e => e.Trainer).HasMaxLength(200);
        builder.Property(e => e.Language).HasMaxLength(8);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.Property(e => e.Location).HasMaxLength(300);
        builder.Property(e => e.OrganizerMailbox).HasMaxLength(256);
        builder.Property(e => e.GraphEventId).HasMaxLength(512);
        builder.Property(e => e.GraphEventMailbox).HasMaxLength(256);
        builder.Ignore(e => e.EventMailbox);
        builder.Ignore(e => e.EventInAnotherMailbox);
        builder.Property(e => e.JoinUrl).HasMaxLength(2048);
        builder.Property(e => e.SyncError).HasMaxLength(1000);
        builder.Property(e => e.CreatedBy).HasMaxLength(128);
        builder.Property(e => e.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.SyncState).HasConversion<string>().HasMaxLength(16);

        // Numbers, so "upcoming" and "window open" are plain comparisons on every provider (SQLite has no
        // DateTimeOffset ordering); every value is stored in UTC.
        builder.Property(e => e.StartsAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.EndsAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.RegistrationOpensAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.RegistrationClosesAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.GraphEventStartsAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.SyncErrorMeetingStartsAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.UpdatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(e => e.StartsAt);
    }
}
