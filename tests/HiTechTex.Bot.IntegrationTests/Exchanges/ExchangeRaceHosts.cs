using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// The hosts of the exchanges' PostgreSQL race tests (<see cref="StageOneConcurrencyPostgreSqlTests"/>,
/// <see cref="SubmitConcurrencyPostgreSqlTests"/>): real hosts on one database with a recording connector, the partners
/// plus one member SME of CITEVE's cluster per round, the given CITEVE cluster managers, and no periodic background
/// service (the races are driven by the test alone).
/// </summary>
internal static class ExchangeRaceHosts
{
    /// <summary>A started host (migrations applied, so the next one never migrates at the same time).</summary>
    public static BotHostFactory Start(PostgreSqlHostDatabase database, IConnectorClient connector, IReadOnlyList<string> smeIds, params string[] citeveManagers)
    {
        var host = database.CreateHost(services =>
        {
            services.AddSingleton(connector);
            services.RemoveAll<IPartnerDirectory>();
            services.AddSingleton<IPartnerDirectory>(sp => new InMemoryPartnerDirectory(
                new PartnerSearchIndex(path: null, sp.GetRequiredService<ILogger<PartnerSearchIndex>>()), Organisations(smeIds)));
            Type[] periodic = [typeof(CoachingOutboxService), typeof(CoachingReminderService), typeof(PartnerDirectoryStartup), typeof(ExchangeFollowUpService)];
            foreach (var service in services.Where(d => d.ServiceType == typeof(IHostedService) && periodic.Contains(d.ImplementationType)).ToList())
            {
                services.Remove(service);
            }
        });
        host.Settings["Coaching:SeedDemoCatalog"] = "false";
        foreach (var manager in citeveManagers)
        {
            host.Settings[$"Roles:ClusterManagers:{manager}:0"] = HiTechTexPartners.CiteveId;
        }

        _ = host.Services;
        return host;
    }

    /// <summary>The partners, and one member SME of CITEVE's cluster per id.</summary>
    public static IReadOnlyList<Organisation> Organisations(IReadOnlyList<string> smeIds)
    {
        var citeve = HiTechTexPartners.All.Single(o => o.Id == HiTechTexPartners.CiteveId);
        return
        [
            .. HiTechTexPartners.All,
            .. smeIds.Select((id, i) => citeve with
            {
                Id = id, Name = $"Malhas de Braga {i} (test SME)", Kind = OrganisationKind.Sme, City = "Braga", Location = new GeoPoint(41.55, -8.42),
                ClusterId = HiTechTexPartners.CiteveId,
            }),
        ];
    }
}
