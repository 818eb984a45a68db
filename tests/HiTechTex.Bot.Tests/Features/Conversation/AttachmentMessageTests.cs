using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>A pasted image or a shared file: the bot says it cannot read it, instead of "I didn't understand" or the menu.</summary>
public sealed class AttachmentMessageTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    private static Activity With(string? text, params Attachment[] attachments) =>
        new() { Type = ActivityTypes.Message, Text = text, Attachments = [.. attachments] };

    private static Attachment Image => new() { ContentType = "image/*", ContentUrl = "https://us-api.asm.skype.com/v1/objects/0-weu-d1/views/imgo" };

    private static Attachment Html => new() { ContentType = "text/html", Content = System.Text.Json.JsonSerializer.SerializeToElement("<div><img src=\"https://x/y\"></div>") };

    private static Attachment File => new()
    {
        ContentType = "application/vnd.microsoft.teams.file.download.info",
        Name = "brochure.pdf",
        Content = System.Text.Json.JsonSerializer.SerializeToElement(new { downloadUrl = "https://x/brochure.pdf", fileType = "pdf" }),
    };

    [Fact]
    public async Task APastedImage_IsAnsweredThatTheBotCannotReadIt()
    {
        await host.SeedProfileAsync("pt");

        await host.Flow()
            .Send(With("<div><img src=\"https://x/y\"></div>", Image, Html))
            .AssertReply("Não consigo abrir imagens nem ficheiros — diga-me por palavras o que precisa, ou escreva \"ajuda\".")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task AnImageWithoutText_IsAnsweredThatTheBotCannotReadIt()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(With(null, Image))
            .AssertReply(ConversationTexts.En.CannotReadAttachments)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task AFileWithTextTheRecognizerUnderstands_StartsTheJourney()
    {
        await host.SeedProfileAsync("en");
        host.Recognizer.Recognized["my sessions"] = new RecognizedIntent(Intent.MySessions, 0.9, IntentEntities.Empty);

        await host.Flow()
            .Send(With("my sessions", File))
            .AssertReply(reply => Assert.NotEqual(ConversationTexts.En.CannotReadAttachments, reply.Text))
            .StartTestAsync();
    }

    [Fact]
    public void AdaptiveCardsAndHtml_AreNotFiles()
    {
        var card = new Attachment { ContentType = Attachment.AdaptiveCardContentType };

        Assert.False(MainDialog.CarriesFileOrImage(With("x", card, Html)));
        Assert.True(MainDialog.CarriesFileOrImage(With("x", File)));
        Assert.True(MainDialog.CarriesFileOrImage(With(null, new Attachment { ContentType = "video/mp4" })));
        Assert.False(MainDialog.CarriesFileOrImage(new Activity { Type = ActivityTypes.Invoke, Attachments = [Image] }));
    }
}
