using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// <c>dotnet run --project src/HiTechTex.Bot -- import partners.csv|.json</c> and <c>-- export out.csv|.json</c>: the
/// directory in and out, against the configured database (migrated first). An import is all or nothing: every bad
/// record is reported with its line and reason and then nothing is written (exit code 1); a good file is written in
/// one transaction. Exit code 2 for a wrong command line or a file that cannot be read or written, 3 for any other
/// failure (said in one line, never a stack trace).
/// </summary>
internal static class PartnerCommandLine
{
    private const string Usage = "usage: HiTechTex.Bot import <file.csv|file.json> | export <file.csv|file.json>";

    /// <summary>
    /// Whether the arguments name a command rather than start the bot: a first argument (after a "--") that is neither an
    /// option ("--urls …") nor a configuration value ("Key=Value", which ASP.NET Core reads). An unknown or misspelt
    /// command is a command too — <see cref="RunAsync"/> answers it with the usage — so "Import x.csv" or a typo never
    /// starts a second bot on the same port and database.
    /// </summary>
    public static bool IsCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = Arguments(args).FirstOrDefault();
        return verb is not null && !verb.StartsWith('-') && !verb.Contains('=', StringComparison.Ordinal) && !verb.StartsWith('/');
    }

    private static List<string> Arguments(IReadOnlyList<string> args) => [.. args.SkipWhile(a => a == "--")];

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> commandLine, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(commandLine);
        var args = Arguments(commandLine);
        var verb = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        if (verb is not ("import" or "export") || args.Count != 2 || !PartnerFiles.IsSupported(args[1]))
        {
            if (verb is not ("import" or "export"))
            {
                await error.WriteLineAsync($"unknown command '{(args.Count > 0 ? args[0] : "")}'").ConfigureAwait(false);
            }

            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        try
        {
            return await RunAsync(services, verb, args[1], output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A missing folder, a locked or read-only file: the operator's to fix, said in one line (no stack trace).
            await error.WriteLineAsync($"{args[1]}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else (the database unreachable, a constraint, a bug): one line, no stack trace, exit 3. An import
            // is one transaction, so nothing of it was written.
            await error.WriteLineAsync($"{verb} failed: {OneLine(e)}").ConfigureAwait(false);
            return 3;
        }
    }

    // The innermost exception says what went wrong ("SQLite Error 13: 'database or disk is full'"); one line of it.
    private static string OneLine(Exception e)
    {
        var inner = e.GetBaseException();
        var message = string.Join(' ', inner.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{message} ({inner.GetType().Name})";
    }

    private static async Task<int> RunAsync(IServiceProvider services, string verb, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string[] args = [verb, file];

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
