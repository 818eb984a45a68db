using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("en-US", "yes", true)]
    [InlineData("en-US", "Yes please!", true)]
    [InlineData("en-US", "ok", true)]
    [InlineData("en-US", "nope", false)]
    [InlineData("en-US", "No.", false)]
    [InlineData("pt-BR", "sim", true)]
    [InlineData("pt-PT", "Claro", true)]
    [InlineData("pt-PT", "não", false)]
    [InlineData("pt-PT", "nao", false)]
    [InlineData("es-ES", "sí", true)]
    [InlineData("es-ES", "Si", true)]
    [InlineData("es-ES", "vale", true)]
    [InlineData("es-ES", "no", false)]
    [InlineData("it-IT", "sì", true)]
    [InlineData("it-IT", "va bene", true)]
    [InlineData("it-IT", "no grazie", false)]
    [InlineData("tr-TR", "evet", true)]
    [InlineData("tr-TR", "Tamam", true)]
    [InlineData("tr-TR", "hayır", false)]
    [InlineData("tr-TR", "HAYIR", false)]
    [InlineData("tr-TR", "hayir", false)]
    [InlineData("cs-CZ", "ano", true)]
    [InlineData("cs-CZ", "jasně", true)]
    [InlineData("cs-CZ", "ne", false)]
    [InlineData("cs-CZ", "yes", true)]
    [InlineData("de-DE", "yes", true)]
    [InlineData("en-US", "1", true)]
    [InlineData("en-US", "2", false)]
    public void Recognize_LocaleAnswer_ReturnsBoolean(string locale, string text, bool expected)
    {
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, locale));
    }

    [Theory]
    [InlineData("en-US", "maybe")]
    [InlineData("en-US", "sim")] // Portuguese is not understood for an English user
    [InlineData("pt-PT", "talvez")]
    [InlineData("en-US", "")]
    public void Recognize_Unknown_ReturnsNull(string locale, string text)
    {
        Assert.Null(ConfirmPrompt.Recognize(text, locale));
    }

    [Theory]
    [InlineData("pt-PT", "Sim", "Não", "sim")]
    [InlineData("es-ES", "Sí", "No", "mañana no, sí")]
    [InlineData("it-IT", "Sì", "No", "certo")]
    [InlineData("tr-TR", "Evet", "Hayır", "evet")]
    [InlineData("cs-CZ", "Ano", "Ne", "ano")]
    [InlineData("en-GB", "Yes", "No", "sure")]
    public async Task ContinueDialogAsync_LocalisedButtonsAndAnswer_EndsWithTrue(string locale, string yes, string no, string answer)
    {
        // "mañana no, sí" is neither a clean yes nor no in Spanish, so that case expects a retry first.
        var expectRetry = answer.Contains(',', StringComparison.Ordinal);
        var flow = PromptHost.Flow(() => new ConfirmPrompt("c"), PromptOptions.Text("Confirm?", "Yes or no?"), configure: a => a.Locale = locale)
            .Send("hi").AssertReply(reply =>
            {
                var actions = reply.Attachments![0].Content!.Value.GetProperty("actions");
                Assert.Equal(yes, actions[0].GetProperty("title").GetString());
                Assert.Equal(no, actions[1].GetProperty("title").GetString());
            })
            .Send(answer);
        if (expectRetry)
        {
            flow = flow.AssertReply("Yes or no?").Send(yes);
        }

        await flow.AssertReply("Result: True").StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_NoInPortuguese_EndsWithFalse()
    {
        await PromptHost.Flow(() => new ConfirmPrompt("c"), PromptOptions.Text("Confirmar?"), configure: a => a.Locale = "pt-PT")
            .Send("olá").AssertReply("Confirmar?")
            .Send("Não, obrigado").AssertReply("Result: False")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("sim", true)]
    [InlineData("Evet", true)]
    [InlineData("ano", true)]
    [InlineData("não", false)]
    [InlineData("hayır", false)]
    [InlineData("ne děkuji", false)]
    [InlineData("yes", true)]
    [InlineData("maybe", null)]
    public void Recognize_AnyLanguage_UnderstandsTheSixWhenTheLocalesDoNot(string text, bool? expected)
    {
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, "en-US", anyLanguage: true));
        if (expected is not null && text is not "yes")
        {
            Assert.Null(ConfirmPrompt.Recognize(text, "en-US"));   // not without the option
        }
    }

    [Theory]
    [InlineData("tr-TR", "evt", true)]
    [InlineData("tr-TR", "Evt.", true)]
    [InlineData("tr-TR", "tmm", true)]
    [InlineData("tr-TR", "tamamdır", true)]
    [InlineData("tr-TR", "okey", true)]
    [InlineData("en-US", "okey", true)]
    [InlineData("pt-PT", "okey", true)]
    [InlineData("cs-CZ", "jj", true)]
    [InlineData("cs-CZ", "okej", true)]
    [InlineData("cs-CZ", "jo", true)]
    [InlineData("cs-CZ", "ano", true)]
    [InlineData("cs-CZ", "ne", false)]
    [InlineData("es-ES", "si", true)]
    [InlineData("es-ES", "sí", true)]
    [InlineData("it-IT", "si", true)]
    public void Recognize_ChatShorthands_InTheUsersLanguage(string locale, string text, bool expected) =>
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, locale));

    [Theory]
    [InlineData("evt", true)]
    [InlineData("tmm", true)]
    [InlineData("jj", true)]
    [InlineData("okej", true)]
    public void Recognize_AnyLanguage_ChatShorthands(string text, bool expected) =>
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, "en-US", anyLanguage: true));

    [Theory]
    [InlineData("tr-TR", "ne", null)]     // Turkish "what?": no Czech "no" for a Turkish user
    [InlineData("tr-TR", "ne?", null)]
    [InlineData("cs-CZ", "ne", false)]
    [InlineData("en-US", "ne", null)]     // language unknown (first use): Italian "ne" too — asked again, with the buttons
    public void Recognize_AnyLanguage_TurkishNeIsNoCzechNo(string locale, string text, bool? expected) =>
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, locale, anyLanguage: true));

    /// <summary>
    /// At the all-language confirm (the user's language not known yet), a word that answers in one language but is an
    /// ordinary word in another of the six — Czech "ne" (Italian "of it", Turkish "what?"), Turkish "e" (Portuguese and
    /// Italian "and"), Czech "a" ("and", "to", "the") — is no answer, alone or at the start of a sentence, unless the
    /// message is clearly of its language (a letter only it writes) or the user's language is that one.
    /// </summary>
    [Theory]
    [InlineData("it-IT", "ne")]
    [InlineData("it-IT", "ne voglio due")]
    [InlineData("it-IT", "e")]
    [InlineData("it-IT", "a")]
    [InlineData("pt-PT", "e")]
    [InlineData("pt-PT", "a")]
    [InlineData("es-ES", "a")]
    [InlineData("en-US", "ne")]
    [InlineData("en-US", "e")]
    [InlineData("en-US", "a")]
    [InlineData("tr-TR", "ne")]
    [InlineData("tr-TR", "a")]
    public void Recognize_AnyLanguage_AnotherLanguagesOrdinaryWord_NoAnswer(string locale, string text) =>
        Assert.Null(ConfirmPrompt.Recognize(text, locale, anyLanguage: true));

    [Theory]
    [InlineData("cs-CZ", "ne", false)]      // the user's language: Czech "no"
    [InlineData("cs-CZ", "ne díky", false)]
    [InlineData("en-US", "ne, děkuji", false)]   // clearly Czech (ě)
    [InlineData("en-US", "ne díky", false)]      // a Czech phrase of its own
    [InlineData("it-IT", "ne, teď ne", false)]   // clearly Czech (ď), whatever the client
    [InlineData("tr-TR", "e", true)]        // the user's language: Turkish "yes"
    [InlineData("en-US", "evet, tamam", true)]
    [InlineData("en-US", "evt", true)]
    [InlineData("en-US", "tmm", true)]
    [InlineData("en-US", "jj", true)]
    [InlineData("en-US", "jojo", true)]
    [InlineData("en-US", "okey", true)]
    [InlineData("it-IT", "no", false)]
    [InlineData("pt-PT", "não", false)]
    [InlineData("it-IT", "sì", true)]
    public void Recognize_AnyLanguage_RealAnswersStillAnswers(string locale, string text, bool expected) =>
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, locale, anyLanguage: true));

    /// <summary>
    /// A one-letter word that means "and" (or "or") in the client's language is no answer there, in any pass: Spanish "y"
    /// is no English "y" (yes) on a Spanish client, Czech "a" no yes on a Czech one; where the letter is a yes and not
    /// "and" it stays one (English "y", Turkish "e").
    /// </summary>
    [Theory]
    [InlineData("es-ES", "y", null)]
    [InlineData("es-ES", "Y", null)]
    [InlineData("cs-CZ", "a", null)]
    [InlineData("cs-CZ", "A", null)]
    [InlineData("cs-CZ", "i", null)]
    [InlineData("pt-PT", "e", null)]
    [InlineData("en-US", "a", null)]
    [InlineData("en-US", "y", true)]
    [InlineData("en-GB", "Y", true)]
    [InlineData("de-DE", "y", true)]
    [InlineData("tr-TR", "e", true)]
    [InlineData("es-ES", "s", true)]
    [InlineData("cs-CZ", "n", false)]
    [InlineData("es-ES", "yes", true)]
    [InlineData("cs-CZ", "ano", true)]
    public void Recognize_AndInTheClientsLanguage_NoAnswer(string locale, string text, bool? expected)
    {
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, locale));
        Assert.Equal(expected, ConfirmPrompt.Recognize(text, locale, anyLanguage: true));
    }

    [Fact]
    public async Task ContinueDialogAsync_SpanishY_AskedAgain()
    {
        await PromptHost.Flow(() => new ConfirmPrompt("c"), PromptOptions.Text("¿Confirmar?", "¿Sí o no?"), configure: a => a.Locale = "es-ES")
            .Send("hola").AssertReply(_ => { })
            .Send("y").AssertReply("¿Sí o no?")
            .Send("sí").AssertReply("Result: True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("pt-PT", "pt-PT")]   // the bot speaks Portuguese to a user on an English client
    [InlineData(null, "en-US")]      // unset: the activity's locale
    [InlineData("", "en-US")]
    public void GetLocale_TheTurnsLanguageBeforeTheActivitys(string? turnLocale, string expected)
    {
        var turn = new TestTurnContext(new Activity { Type = ActivityTypes.Message, Locale = "en-US" });
        if (turnLocale is not null)
        {
            turn.TurnState[TurnStateKeys.Locale] = turnLocale;
        }

        Assert.Equal(expected, new LocaleProbe().LocaleOf(turn));
    }

    private sealed class LocaleProbe() : Prompt<bool>("probe")
    {
        public string? LocaleOf(ITurnContext turnContext) => GetLocale(turnContext);

        protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken) =>
            Task.FromResult(PromptRecognizerResult<bool>.Failure());
    }
}
