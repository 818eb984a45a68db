using HiTechTex.Bot.Features;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Hosting.Pages;
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

// Command-line verbs (import/export of the partner directory) run against the configured database and exit.
if (PartnerCommandLine.IsCommand(args))
{
    return await PartnerCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.MapBotHealthChecks();
app.MapBotMessagingEndpoint();
app.MapInformationPages();   // /, /privacy, /terms: the pages the Teams manifest links to

// A port already in use ends the start with one line saying so (and how to pick another), not a stack trace.
return await HostRunner.RunAsync(app, Console.Error);

/// <summary>Entry point; public so WebApplicationFactory can boot the host in tests.</summary>
public partial class Program;
