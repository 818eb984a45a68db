using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>"hello", "thanks", "ok", "bye" get a person's answer, not "Sorry, I didn't understand that".</summary>
public sealed class SmallTalkTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("hello", "Greeting")]
    [InlineData("  Hi there! ", "Greeting")]
    [InlineData("Good morning :)", "Greeting")]
    [InlineData("Olá", "Greeting")]
    [InlineData("ola", "Greeting")]
    [InlineData("¡Hola!", "Greeting")]
    [InlineData("ciao", "Greeting")]
    [InlineData("Günaydın", "Greeting")]
    [InlineData("Dobrý den", "Greeting")]
    [InlineData("👋🏼", "Greeting")]
    [InlineData("Thanks!", "Thanks")]
    [InlineData("thank you very much", "Thanks")]
    [InlineData("Muito obrigada", "Thanks")]
    [InlineData("muchas gracias!!", "Thanks")]
    [InlineData("grazie mille 😊", "Thanks")]
    [InlineData("teşekkürler", "Thanks")]
    [InlineData("Děkuji", "Thanks")]
    [InlineData("🙏", "Thanks")]
    [InlineData("ok", "Acknowledgement")]
    [InlineData("OK.", "Acknowledgement")]
    [InlineData("👍", "Acknowledgement")]
    [InlineData("👍🏽", "Acknowledgement")]
    [InlineData("va bene", "Acknowledgement")]
    [InlineData("bye", "Goodbye")]
    [InlineData("Tchau!", "Goodbye")]
    [InlineData("hasta luego", "Goodbye")]
    [InlineData("görüşürüz", "Goodbye")]
    [InlineData("Na shledanou", "Goodbye")]
    [InlineData("hi, I need a finishing lab in Italy", "None")]
    [InlineData("thanks, now find partners in Portugal", "None")]
    [InlineData("find partners", "None")]
    [InlineData("okay so what about the exchange I applied for last week", "None")]
    [InlineData("", "None")]
    [InlineData("!!!", "None")]
    [InlineData("🙂", "Acknowledgement")]
    // Emoji alone: one with a meaning, repeated, means the same; any other is a reaction, taken as an acknowledgement.
    [InlineData("🙂🙂", "Acknowledgement")]
    [InlineData("👍👍👍", "Acknowledgement")]
    [InlineData("👍 👍🏽", "Acknowledgement")]
    [InlineData("🙏🙏", "Thanks")]
    [InlineData("👋👋", "Greeting")]
    [InlineData("🎉", "Acknowledgement")]
    [InlineData("❤️", "Acknowledgement")]
    [InlineData("😂👏", "Acknowledgement")]
    [InlineData("👨‍👩‍👧", "Acknowledgement")]
    [InlineData("©", "None")]
    [InlineData("🎉 find partners", "None")]
    // "how are you?" alone or after a greeting was "Sorry, I didn't understand that" — the commonest opener.
    [InlineData("hi, how are you?", "Greeting")]
    [InlineData("Hello there, how's it going?", "Greeting")]
    [InlineData("how are you?", "Greeting")]
    [InlineData("Olá, tudo bem?", "Greeting")]
    [InlineData("bom dia, como está?", "Greeting")]
    [InlineData("Hola, ¿qué tal?", "Greeting")]
    [InlineData("ciao, come va?", "Greeting")]
    [InlineData("Merhaba, nasılsınız?", "Greeting")]
    [InlineData("ahoj, jak se máš?", "Greeting")]
    [InlineData("Dobrý den, jak se máte?", "Greeting")]
    [InlineData("hi, how are the exchanges going?", "None")]
    [InlineData("olá, tudo bem com a candidatura?", "None")]
    [InlineData("ciao, come va la mia domanda?", "None")]
    [InlineData("hello, find partners", "None")]
    public void Recognize_WholeSocialMessagesInSixLanguages(string text, string expected) =>
        Assert.Equal(expected, SmallTalk.Recognize(text).ToString());

    [Fact]
    public void NoPhrase_IsACommandOrAnInterruption()
    {
        var phrases = ConversationTexts.All.SelectMany(t => t.GreetingPhrases.Concat(t.HowAreYouPhrases).Concat(t.ThanksPhrases).Concat(t.AcknowledgementPhrases).Concat(t.GoodbyePhrases)).ToList();
        var commands = ConversationTexts.All.SelectMany(t => t.ProfileCommands.Concat(t.LanguageCommands).Concat(t.DeleteDataCommands).Append(t.HelpWord))
            .Select(TypedCommand.Fold).ToHashSet(StringComparer.Ordinal);

        Assert.All(phrases, phrase =>
        {
            Assert.Equal(InterruptionKind.None, InterruptionRecognizer.Recognize(phrase));
            Assert.DoesNotContain(TypedCommand.Fold(phrase), commands);
            Assert.NotEqual(SmallTalkKind.None, SmallTalk.Recognize(phrase));
        });
    }

    [Fact]
    public async Task Hello_FromAReturningUser_GreetsByNameWithTheMenuWithoutTheRecognizer()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("Hello!")
            .AssertReply(reply =>
            {
                Assert.Equal("Hello, Ana! What can I do for you?", reply.Text);
                Assert.Equal("plain", reply.TextFormat);   // the name is shown as it is
            })
            .AssertReply(reply => Assert.Contains("Welcome to the Hi-Tech-TEX partnership bot", reply.Attachments?.Single().Content?.GetRawText(), StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Theory]
    [InlineData("en", "hi, how are you?", "Hello, Ana! What can I do for you?")]
    [InlineData("pt", "olá, tudo bem?", "Olá, Ana! Em que posso ajudar?")]
    [InlineData("cs", "ahoj, jak se máte?", "Dobrý den, Ana! Jak vám mohu pomoci?")]
    public async Task HowAreYou_FromAReturningUser_GreetsWithTheMenuNotDidNotUnderstand(string language, string text, string greeting)
    {
        await host.SeedProfileAsync(language);

        await host.Flow()
            .Send(text)
            .AssertReply(greeting)
            .AssertReply(reply => Assert.NotNull(reply.Attachments?.Single().Content))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Theory]
    [InlineData("en", "thanks!", "You're welcome! Type \"help\" whenever you need me.")]
    [InlineData("pt", "obrigado", "De nada! Escreva \"ajuda\" sempre que precisar de mim.")]
    [InlineData("cs", "díky", "Není zač! Kdykoli mě budete potřebovat, napište \"nápověda\".")]
    [InlineData("it", "thank you", "Prego! Scrivi \"aiuto\" quando hai bisogno di me.")]   // answered in the profile's language
    [InlineData("en", "👍🏻", "👍")]
    [InlineData("en", "🙂🙂", "👍")]
    [InlineData("pt", "🎉", "👍")]
    [InlineData("cs", "🙏🙏", "Není zač! Kdykoli mě budete potřebovat, napište \"nápověda\".")]
    [InlineData("es", "ok", "👍")]
    [InlineData("tr", "hoşça kal", "Görüşmek üzere! İhtiyacınız olduğunda buradayım.")]
    [InlineData("en", "Bye", "Goodbye! I'm here whenever you need me.")]
    public async Task ThanksAcknowledgementsAndGoodbyes_GetAShortAnswerInTheProfilesLanguage(string language, string text, string answer)
    {
        await host.SeedProfileAsync(language);

        await host.Flow()
            .Send(text)
            .AssertReply(answer)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    /// <summary>Emoji alone past 40 characters went to the recognizer ("Sorry, I didn't understand that"): a reaction, whatever its length.</summary>
    [Theory]
    [InlineData("🎉", 30, "Acknowledgement")]
    [InlineData("👍🏽 ", 20, "Acknowledgement")]
    [InlineData("🙏", 25, "Thanks")]
    [InlineData("👋", 40, "Greeting")]
    [InlineData("❤️", 100, "Acknowledgement")]
    [InlineData("👨‍👩‍👧", 20, "Acknowledgement")]
    [InlineData("🏴󠁧󠁢󠁥󠁮󠁧󠁿", 10, "Acknowledgement")]
    [InlineData("1️⃣", 20, "Acknowledgement")]
    [InlineData("🎉", 10_000, "Acknowledgement")]
    public void Recognize_ManyEmojiAlone_SmallTalkWhateverTheLength(string emoji, int times, string expected)
    {
        var text = string.Concat(Enumerable.Repeat(emoji, times));

        Assert.True(text.Length > 40);
        Assert.Equal(expected, SmallTalk.Recognize(text).ToString());
    }

    [Theory]
    [InlineData("🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉 find partners in Italy")]
    [InlineData("🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉 1")]
    [InlineData("1234567890123456789012345678901234567890 🎉")]
    [InlineData("1️⃣2")]
    public void Recognize_EmojiWithWordsOrDigits_NoSmallTalk(string text)
    {
        Assert.Equal(SmallTalkKind.None, SmallTalk.Recognize(text));
    }

    [Fact]
    public void Recognize_EmojiPastWhatTeamsDelivers_NoSmallTalkAndNoScan()
    {
        Assert.Equal(SmallTalkKind.None, SmallTalk.Recognize(string.Concat(Enumerable.Repeat("🎉", 100_000))));
    }

    [Fact]
    public async Task ManyEmoji_FromAReturningUser_AThumbsUpWithoutTheRecognizer()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(string.Concat(Enumerable.Repeat("🎉👏🏽", 20)))
            .AssertReply("👍")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Fact]
    public async Task Hello_FromANewUser_AsksTheProfileThenShowsTheMenuOnce()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Nice to meet you! Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .AssertReply(reply => Assert.Contains("Welcome to the Hi-Tech-TEX partnership bot", reply.Attachments?.Single().Content?.GetRawText(), StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OkWhileAQuestionWaits_AnswersTheQuestionNotSmallTalk()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("delete my data")
            .AssertReplyContains("Delete now?")
            .Send("ok")
            .AssertReplyContains("Done: your profile")
            .StartTestAsync();
    }
}

/// <summary>"I don't want to apply": nothing is started and the answer is not "I didn't understand".</summary>
public sealed class DeclinedRequestTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "OK. Tell me what you'd like to do instead, or type \"help\" to see what I can do.")]
    [InlineData("pt", "Está bem. Diga-me o que prefere fazer, ou escreva \"ajuda\" para ver o que posso fazer.")]
    public async Task ADeclinedJourney_StartsNothingAndSaysSo(string language, string expected)
    {
        await host.SeedProfileAsync(language);
        host.Recognizer.Recognized["I don't want to apply"] = new HiTechTex.Bot.Language.RecognizedIntent(
            HiTechTex.Bot.Language.Intent.None, 0, HiTechTex.Bot.Language.IntentEntities.Empty) { Declined = true };

        await host.Flow()
            .Send("I don't want to apply")
            .AssertReply(expected)
            .AssertNoReply()
            .StartTestAsync();
    }
}
