using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// EF Core's migrations assembly, looking for the migrations and the model snapshot among the types of
/// <see cref="MigrationsNamespace"/> only. EF Core's own look-up loads every type of the host assembly, and with it every
/// assembly a base type or interface of them names (Microsoft.Graph alone maps 6 MB), on every start-up of a host that
/// may never call Graph, OpenAI or PostgreSQL. The type names are read from the assembly's metadata, which loads no type.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF Core's internal API; its virtual members are the extension point.
internal sealed class NamespaceMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    /// <summary>The namespace the migrations of both providers live under.</summary>
    public const string MigrationsNamespace = "HiTechTex.Bot.Persistence.Migrations";

    private readonly Type contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;
    private bool snapshotRead;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= FindMigrations();

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!snapshotRead)
            {
                var type = Candidates().FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && IsOfThisContext(t));
                snapshot = type is null ? null : (ModelSnapshot?)Activator.CreateInstance(type.AsType());
                snapshotRead = true;
            }

            return snapshot;
        }
    }

    /// <summary>The full names of the classes defined under <see cref="MigrationsNamespace"/>, read from metadata.</summary>
    internal static IReadOnlyList<string> MigrationTypeNames(Assembly assembly)
    {
        unsafe
        {
            if (!assembly.TryGetRawMetadata(out var blob, out var length))
            {
                return [];
            }

            var reader = new MetadataReader(blob, length);
            var names = new List<string>();
            foreach (var handle in reader.TypeDefinitions)
            {
                var definition = reader.GetTypeDefinition(handle);
                if (definition.GetDeclaringType().IsNil)
                {
                    var ns = reader.GetString(definition.Namespace);
                    if (ns == MigrationsNamespace || ns.StartsWith(MigrationsNamespace + ".", StringComparison.Ordinal))
                    {
                        names.Add(ns + "." + reader.GetString(definition.Name));
                    }
                }
            }

            return names;
        }
    }

    private IEnumerable<TypeInfo> Candidates()
    {
        var names = MigrationTypeNames(Assembly);
        if (names.Count == 0)
        {
            // No metadata to read (or no migration there): EF Core's own look-up decides.
            return Assembly.DefinedTypes.Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition);
        }

        return names.Select(n => Assembly.GetType(n, throwOnError: true)!.GetTypeInfo()).Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition);
    }

    private IReadOnlyDictionary<string, TypeInfo> FindMigrations()
    {
        var result = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in Candidates())
        {
            if (type.IsSubclassOf(typeof(Migration)) && IsOfThisContext(type) && type.GetCustomAttribute<MigrationAttribute>()?.Id is { } id)
            {
                result.Add(id, type);
            }
        }

        return result;
    }

    private bool IsOfThisContext(TypeInfo type) => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType;
}
#pragma warning restore EF1001
