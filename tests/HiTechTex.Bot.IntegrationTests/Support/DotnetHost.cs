namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>The dotnet executable running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
internal static class DotnetHost
{
    public static string Path => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
}
