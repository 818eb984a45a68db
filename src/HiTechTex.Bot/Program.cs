using HiTechTex.Bot.Features;
using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Observability;
using HiTechTex.Bot.Persistence;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,

    // The top-level appsettings*.json are copied next to the binary; reading them from there means dotnet run,
    // dotnet publish and WebApplicationFactory all read the same files, whatever the working directory.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.UseDefaultBotUrls();
builder.AddBotOptions();
builder.AddBotObservability();
builder.AddBotPersistence();
builder.AddBotProtocol();
builder.Services.AddLanguageUnderstanding(builder.Configuration);
builder.AddBotFeatures();

var app = builder.Build();

app.MapBotHealthChecks();
app.MapBotMessagingEndpoint();

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can boot the host in tests.</summary>
public partial class Program;
