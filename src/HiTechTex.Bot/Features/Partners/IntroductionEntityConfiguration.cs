using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Partners;

internal sealed class IntroductionEntityConfiguration : IEntityTypeConfiguration<IntroductionEntity>
{
    public void Configure(EntityTypeBuilder<IntroductionEntity> builder)
    {
        builder.ToTable("PartnerIntroductions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(32);
        builder.Property(e => e.RequesterKey).HasMaxLength(256).IsRequired();
        builder.Property(e => e.RequesterAadObjectId).HasMaxLength(64);
        builder.Property(e => e.RequesterName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.RequesterOrganisation).HasMaxLength(300).IsRequired();
        builder.Property(e => e.RequesterLanguage).HasMaxLength(8).IsRequired();
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.RequesterConversationId).HasMaxLength(512).IsRequired();
        builder.Property(e => e.OrganisationId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.OrganisationName).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Message).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.AddresseesJson).IsRequired();
        builder.Property(e => e.CardsJson).IsRequired();
        builder.Property(e => e.Status).HasMaxLength(16).IsRequired();

        // Numbers on every provider, so the daily limit can compare them on SQLite too.
        builder.Property(e => e.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.DecidedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(e => e.ExpiryLeaseUntil).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(e => new { e.RequesterKey, e.CreatedAt });

        // The daily limit and "one pending request per partner" are enforced by the database, across instances: nulls
        // (requests that no longer count) are distinct in unique indexes on SQLite and PostgreSQL alike.
        builder.Property(e => e.DailySlotKey).HasMaxLength(300);
        builder.Property(e => e.PendingKey).HasMaxLength(400);
        builder.HasIndex(e => e.DailySlotKey).IsUnique();
        builder.HasIndex(e => e.PendingKey).IsUnique();
    }
}
