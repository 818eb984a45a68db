using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiTechTex.Bot.Persistence;

internal sealed class SigningKeyEntityConfiguration : IEntityTypeConfiguration<SigningKeyEntity>
{
    public void Configure(EntityTypeBuilder<SigningKeyEntity> builder)
    {
        builder.ToTable("SigningKeys");

        // The name is the key: instances starting together insert "or nothing" and all read back the one row.
        builder.HasKey(e => e.Name);
        builder.Property(e => e.Name).HasMaxLength(64);
    }
}
