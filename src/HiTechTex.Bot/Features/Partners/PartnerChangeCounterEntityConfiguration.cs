using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiTechTex.Bot.Features.Partners;

internal sealed class PartnerChangeCounterEntityConfiguration : IEntityTypeConfiguration<PartnerChangeCounterEntity>
{
    public void Configure(EntityTypeBuilder<PartnerChangeCounterEntity> builder)
    {
        builder.ToTable("PartnerChangeCounter");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();

        // The row exists from the migration on, so a write only ever updates it (no insert race between instances).
        builder.HasData(new PartnerChangeCounterEntity { Id = PartnerChangeCounterEntity.SingletonId, Value = 0 });
    }
}
