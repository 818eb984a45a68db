using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Exchanges;

internal sealed class ExchangeApplicationConfiguration : IEntityTypeConfiguration<ExchangeApplication>
{
    public void Configure(EntityTypeBuilder<ExchangeApplication> builder)
    {
        builder.ToTable("Exchanges");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reference).HasMaxLength(16);
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.Property(e => e.VisitingOrganisationId).HasMaxLength(128);
        builder.Property(e => e.HostOrganisationId).HasMaxLength(128);
        builder.Property(e => e.ApplicantAadObjectId).HasMaxLength(64);
        builder.Property(e => e.ApplicantUserId).HasMaxLength(256);
        builder.Property(e => e.ApplicantName).HasMaxLength(200);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.ApplicantLanguage).HasMaxLength(8);
        builder.Property(e => e.ApplicantConversationId).HasMaxLength(512);
        builder.Property(e => e.Objectives).HasMaxLength(ExchangeLimits.LongText);
        builder.Property(e => e.Agenda).HasMaxLength(ExchangeLimits.LongText);
        builder.Property(e => e.ExpectedOutcomes).HasMaxLength(ExchangeLimits.LongText);
        builder.Property(e => e.ReportOutcomes).HasMaxLength(ExchangeLimits.LongText);
        builder.Property(e => e.ReportEvidence).HasMaxLength(200);
        builder.Property(e => e.AssignedApproverAadObjectId).HasMaxLength(64);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ActivityType).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.LumpSum).HasPrecision(10, 2);

        // The optimistic-concurrency token: EF adds "WHERE Version = @original" to every UPDATE of a tracked entity,
        // and the transitions update conditionally on it themselves.
        builder.Property(e => e.Version).IsConcurrencyToken();

        // Numbers, so "older than" and ordering are plain comparisons on every provider (SQLite has no timestamp type).
        builder.Property(e => e.StatusChangedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.ReportRequestedAt).HasConversion(new DateTimeOffsetToBinaryConverter());

        builder.HasIndex(e => e.ApplicantAadObjectId);
        builder.HasIndex(e => e.VisitingOrganisationId);
        builder.HasIndex(e => e.Status);
    }
}
