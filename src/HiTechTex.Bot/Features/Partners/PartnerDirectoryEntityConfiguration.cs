using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Partners;

internal sealed class PartnerDirectoryEntityConfiguration : IEntityTypeConfiguration<OrganisationEntity>
{
    public void Configure(EntityTypeBuilder<OrganisationEntity> builder)
    {
        builder.ToTable("PartnerOrganisations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Kind).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Country).HasMaxLength(2).IsRequired();
        builder.Property(e => e.Region).HasMaxLength(100).IsRequired();
        builder.Property(e => e.City).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Website).HasMaxLength(500);
        builder.Property(e => e.Description).HasMaxLength(4000).IsRequired();
        builder.Property(e => e.DescriptionLanguage).HasMaxLength(8).IsRequired();
        builder.Property(e => e.CapabilitiesJson).IsRequired();
        builder.Property(e => e.StagesJson).IsRequired();
        builder.Property(e => e.ServicesJson).IsRequired();
        builder.Property(e => e.LanguagesJson).IsRequired();
        builder.Property(e => e.ClusterId).HasMaxLength(100);
        builder.Property(e => e.ContactsJson).IsRequired();

        // A number on every provider, like the other tables (SQLite cannot order DateTimeOffset text).
        builder.Property(e => e.LastUpdated).HasConversion(new DateTimeOffsetToBinaryConverter());

        // The index sync reads the rows changed since the last change it saw.
        builder.HasIndex(e => e.UpdatedSeq);
        builder.HasIndex(e => e.ClusterId);
    }
}
