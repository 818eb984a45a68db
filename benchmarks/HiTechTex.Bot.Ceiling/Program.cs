using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;

// The least a Teams bot endpoint can do per expectReplies turn: read the activity with the protocol's own
// source-generated contract and answer one reply in an ExpectedReplies body. No authentication, middleware,
// dialogs or storage — so the bot's figures divided by these show what everything else costs.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapPost("/api/messages", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    Activity? activity;
    try
    {
        activity = await JsonSerializer.DeserializeAsync(request.Body, ProtocolJsonContext.Inbound.Activity, cancellationToken);
    }
    catch (JsonException)
    {
        return Results.BadRequest();
    }

    if (activity is null)
    {
        return Results.BadRequest();
    }

    // The same shape and size as the bot's echo, so both servers write comparable bodies.
    var replies = new ExpectedReplies { Activities = [activity.CreateReply("You said: " + activity.Text)] };
    return Results.Json(replies, ProtocolJsonContext.Outbound.ExpectedReplies);
});
app.Run();
