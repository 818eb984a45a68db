using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace HiTechTex.Bot.Tests.Persistence;

public sealed class BotModelTests
{
    [Fact]
    public void ApplyConfigurations_BuildsTheModelAnAssemblyScanWouldBuild()
    {
        // The context lists its configurations (the scan would load every type of the assembly at start-up); a
        // configuration class added without being listed changes the scanned model and fails this.
        var listed = BuildModel(BotDbContext.ApplyConfigurations);
        var scanned = BuildModel(builder => builder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly));

        Assert.Equal(scanned.GetEntityTypes().Count(), listed.GetEntityTypes().Count());
        Assert.Equal(scanned.ToDebugString(MetadataDebugStringOptions.LongDefault), listed.ToDebugString(MetadataDebugStringOptions.LongDefault));
    }

    [Fact]
    public void ConfigurationClasses_AreAllListed()
    {
        var configurationTypes = typeof(BotDbContext).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            .ToList();
        var model = BuildModel(BotDbContext.ApplyConfigurations);

        Assert.NotEmpty(configurationTypes);
        foreach (var type in configurationTypes)
        {
            var entity = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)).GetGenericArguments()[0];
            Assert.True(model.FindEntityType(entity) is not null, $"{type.Name} is not applied by BotDbContext.ApplyConfigurations");
        }
    }

    private static IReadOnlyModel BuildModel(Action<ModelBuilder> configure)
    {
        var builder = new ModelBuilder(new ConventionSet());
        configure(builder);
        return builder.Model;
    }
}
