using System.Diagnostics;
using System.Globalization;
using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.PartnerSearch;

/// <summary>
/// A small timer harness (not BenchmarkDotNet: one index build is the expensive part and is measured once):
/// generates N organisations with the demo generator, times the index build (in memory, and on disk with
/// <c>--disk</c>), then times searches — free text in the six languages, with and without filters, first and later
/// pages — and prints p50/p90/p99/max. Usage: <c>dotnet run -c Release --project benchmarks/HiTechTex.Bot.PartnerSearch
/// -- [organisations=100000] [searches=3000] [--disk]</c>.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly PartnerSearchQuery[] Queries =
    [
        new("antimicrobial finishing lab in Tuscany"),
        new("nonwovens pilot line for hygiene in Spain"),
        new("smart textiles prototyping wearables"),
        new("laboratório de ensaios têxteis em Guimarães"),
        new("compósitos para a indústria automóvel"),
        new("no tejidos para higiene en Valencia"),
        new("textil hogar y reciclaje en Turquía"),
        new("laboratorio prove finissaggio antimicrobico Prato"),
        new("tessuto non tessuto per filtrazione"),
        new("Denizli ev tekstili geri dönüşüm"),
        new("akıllı tekstil prototip"),
        new("netkané textilie pro zdravotnictví Liberec"),
        new("chytré textilie prototypování"),
        new("nonwovnes hygeine Valencia"),
        new("antimicrobail finishing Prato"),
        new("textile", Country: "IT", Service: PartnerService.TestingLab),
        new("recycling", Kind: OrganisationKind.Sme, Stage: ValueChainStage.EndOfLife),
        new(null, Region: "Toscana", Capability: TextileTaxonomy.Geotextiles),
        new("digital printing", Skip: 20, Take: 5),
        new(null, Take: 10),
    ];

    public static int Main(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var searches = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 3_000;
        var onDisk = args.Contains("--disk");

        var watch = Stopwatch.StartNew();
        var organisations = DemoOrganisationGenerator.Generate(count);
        Console.WriteLine($"generated {organisations.Count:N0} organisations in {watch.Elapsed.TotalSeconds:F1} s");

        var folder = onDisk ? Directory.CreateTempSubdirectory("htt-partner-index-").FullName : null;
        try
        {
            using var index = new PartnerSearchIndex(folder, NullLogger.Instance);
            GC.Collect();
            watch.Restart();
            index.Rebuild(organisations);
            Console.WriteLine($"index build ({(onDisk ? "on disk" : "in memory")}): {watch.Elapsed.TotalSeconds:F1} s for {index.Count:N0} documents");

            // Warm-up: JIT, searcher caches, OS file cache.
            for (var i = 0; i < 200; i++)
            {
                index.Search(Queries[i % Queries.Length]);
            }

            var times = new double[searches];
            var byShape = Queries.Select(_ => new List<double>()).ToArray();
            var hits = 0L;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < searches; i++)
            {
                var start = Stopwatch.GetTimestamp();
                hits += index.Search(Queries[i % Queries.Length]).Hits.Count;
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                byShape[i % Queries.Length].Add(times[i]);
            }

            // CPU time per search as well: on a shared machine wall-clock percentiles include time spent waiting for a core.
            var cpuPerSearch = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / searches;
            Array.Sort(times);
            for (var q = 0; q < Queries.Length; q++)
            {
                var sorted = byShape[q].Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  p50 {Percentile(sorted, 0.5),7:F2} ms  p99 {Percentile(sorted, 0.99),7:F2} ms  {Describe(Queries[q])}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU per search: {cpuPerSearch:F2} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"search over {index.Count:N0}: {searches:N0} searches ({Queries.Length} query shapes), p50 {Percentile(times, 0.50):F2} ms, p90 {Percentile(times, 0.90):F2} ms, p99 {Percentile(times, 0.99):F2} ms, max {times[^1]:F2} ms, mean {times.Average():F2} ms ({hits / searches} hits per page)"));
            return 0;
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Describe(PartnerSearchQuery q) =>
        $"\"{q.Text}\" country={q.Country} region={q.Region} kind={q.Kind} capability={q.Capability} stage={q.Stage} service={q.Service} skip={q.Skip} take={q.Take}";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
