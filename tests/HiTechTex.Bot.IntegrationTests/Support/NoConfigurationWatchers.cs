using System.Runtime.CompilerServices;

namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>
/// The hosts these tests boot (<see cref="BotHostFactory"/>, and the bot processes started from this one) read their
/// appsettings files without watching them. A watched file costs an inotify instance, of which a Linux user has 128;
/// test processes side by side used them up in the unit tests' fake servers before (the fake servers start from the
/// empty builder since). No test changes an appsettings file while a host runs; the bot's own default (reload on
/// change) is untouched, this is the test process's environment only.
/// </summary>
internal static class NoConfigurationWatchers
{
    /// <summary>The generic host's switch, read by <c>WebApplication.CreateBuilder</c> from the DOTNET_ variables.</summary>
    public const string Variable = "DOTNET_hostBuilder__reloadConfigOnChange";

    [ModuleInitializer]
    internal static void Apply()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "false");
        }
    }
}
