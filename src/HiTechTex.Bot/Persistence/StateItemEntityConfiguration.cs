using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

internal sealed class StateItemEntityConfiguration : IEntityTypeConfiguration<StateItemEntity>
{
    public void Configure(EntityTypeBuilder<StateItemEntity> builder)
    {
        builder.ToTable("StateItems");
        builder.HasKey(e => e.Key);

        // Keys are "{channel}/conversations/{conversation id}/…"; channel thread ids are long.
        builder.Property(e => e.Key).HasMaxLength(1024);
        builder.Property(e => e.Document).IsRequired();
        builder.Property(e => e.ETag).HasMaxLength(64).IsRequired();

        // A number on every provider, like ConversationReferences.UpdatedAt (the raw SQL in SqlStorage writes it).
        builder.Property(e => e.UpdatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}
