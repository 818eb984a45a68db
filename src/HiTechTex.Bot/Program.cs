var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok("ok"));
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can boot the host in tests.</summary>
public partial class Program;
