using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// <c>dotnet run --project src/HiTechTex.Bot -- import partners.csv|.json</c> and <c>-- export out.csv|.json</c>: the
/// directory in and out, against the configured database (migrated first). An import is all or nothing: every bad
/// record is reported with its line and reason and then nothing is written (exit code 1); a good file is written in
/// one transaction. Exit code 2 for a wrong command line.
/// </summary>
internal static class PartnerCommandLine
{
    public static bool IsCommand(IReadOnlyList<string> args) => args.Count > 0 && args[0] is "import" or "export";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count != 2 || !PartnerFiles.IsSupported(args[1]))
        {
            await error.WriteLineAsync("usage: import <file.csv|file.json> | export <file.csv|file.json>").ConfigureAwait(false);
            return 2;
        }

        var path = Path.GetFullPath(args[1]);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        var directory = services.GetRequiredService<EfPartnerDirectory>();
        if (args[0] == "export")
        {
            var all = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
            await PartnerFiles.WriteAsync(path, all, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Exported {all.Count} organisations to {path}").ConfigureAwait(false);
            if (all.Count == 0)
            {
                // A database the bot never ran on: the partners and the demo set are seeded by the bot at start-up.
                await output.WriteLineAsync("The directory is empty: it is seeded when the bot starts (run it once), or import a file.").ConfigureAwait(false);
            }

            return 0;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"{path}: no such file").ConfigureAwait(false);
            return 2;
        }

        var (organisations, errors) = await PartnerFiles.ReadAsync(path, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync($"{args[1]}: {problem}").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"Nothing imported: {errors.Count} bad record(s).").ConfigureAwait(false);
            return 1;
        }

        await directory.ImportAsync(organisations, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Imported {organisations.Count} organisations from {path}").ConfigureAwait(false);
        return 0;
    }
}
