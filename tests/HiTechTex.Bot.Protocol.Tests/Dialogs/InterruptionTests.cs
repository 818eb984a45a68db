using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class InterruptionTests
{
    private const string Help = "Answer the question below. You can type \"cancel\" to stop, or \"start over\" to begin again.";
    private const string Cancelled = "OK, I've cancelled that.";
    private const string StartingOver = "OK, let's start over.";

    [Theory]
    [InlineData("help", InterruptionKind.Help)]
    [InlineData("HELP!", InterruptionKind.Help)]
    [InlineData("?", InterruptionKind.Help)]
    [InlineData("Ajuda", InterruptionKind.Help)]
    [InlineData("ayuda por favor", InterruptionKind.Help)]
    [InlineData("aiuto", InterruptionKind.Help)]
    [InlineData("yardım", InterruptionKind.Help)]
    [InlineData("YARDIM", InterruptionKind.Help)]
    [InlineData("nápověda", InterruptionKind.Help)]
    [InlineData("napoveda", InterruptionKind.Help)]
    [InlineData("cancel", InterruptionKind.Cancel)]
    [InlineData("Cancel please", InterruptionKind.Cancel)]
    [InlineData("cancelar", InterruptionKind.Cancel)]
    [InlineData("annulla", InterruptionKind.Cancel)]
    [InlineData("iptal", InterruptionKind.Cancel)]
    [InlineData("İPTAL", InterruptionKind.Cancel)]
    [InlineData("zrušit", InterruptionKind.Cancel)]
    [InlineData("zrusit", InterruptionKind.Cancel)]
    [InlineData("start over", InterruptionKind.StartOver)]
    [InlineData("Start  over.", InterruptionKind.StartOver)]
    [InlineData("recomeçar", InterruptionKind.StartOver)]
    [InlineData("recomecar", InterruptionKind.StartOver)]
    [InlineData("empezar de nuevo", InterruptionKind.StartOver)]
    [InlineData("ricomincia", InterruptionKind.StartOver)]
    [InlineData("baştan başla", InterruptionKind.StartOver)]
    [InlineData("bastan basla", InterruptionKind.StartOver)]
    [InlineData("začít znovu", InterruptionKind.StartOver)]
    [InlineData("cancel my order", InterruptionKind.None)]
    [InlineData("I need help with dyes", InterruptionKind.None)]
    [InlineData("Ana", InterruptionKind.None)]
    [InlineData("", InterruptionKind.None)]
    public void Recognize_Phrase_ReturnsKind(string text, InterruptionKind expected)
    {
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("let's start over", InterruptionKind.StartOver)]
    [InlineData("Let us start again, please", InterruptionKind.StartOver)]
    [InlineData("please cancel", InterruptionKind.Cancel)]
    [InlineData("ok please let's start over now", InterruptionKind.StartOver)]
    [InlineData("vamos recomeçar", InterruptionKind.StartOver)]
    [InlineData("quero começar de novo, por favor", InterruptionKind.StartOver)]
    [InlineData("quiero empezar de nuevo", InterruptionKind.StartOver)]
    [InlineData("empecemos de nuevo", InterruptionKind.StartOver)]
    [InlineData("ricominciare da capo", InterruptionKind.StartOver)]
    [InlineData("voglio ricominciare da capo", InterruptionKind.StartOver)]
    [InlineData("lütfen baştan başla", InterruptionKind.StartOver)]
    [InlineData("baştan başlayalım", InterruptionKind.StartOver)]
    [InlineData("chci začít znovu", InterruptionKind.StartOver)]
    [InlineData("začněme znovu prosím", InterruptionKind.StartOver)]
    [InlineData("per favore annulla", InterruptionKind.Cancel)]
    [InlineData("<at>Giulia</at> cancel", InterruptionKind.Cancel)]
    [InlineData("<at>Giulia Rossi</at> start over", InterruptionKind.StartOver)]
    [InlineData("help <at>Ana</at>", InterruptionKind.Help)]
    [InlineData("I want to cancel my registration", InterruptionKind.None)]
    [InlineData("let's cancel my booking", InterruptionKind.None)]
    [InlineData("please help me find partners in Italy", InterruptionKind.None)]
    [InlineData("quero recomeçar o projeto", InterruptionKind.None)]
    [InlineData("<at>Giulia</at>", InterruptionKind.None)]
    public void Recognize_LeadInPolitenessOrMention_TheCommandOnlyWhenItIsTheWholeRest(string text, InterruptionKind expected)
    {
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));
    }

    // A command word that is also another word, per language: alone (or with courtesy only) it interrupts; in a sentence
    // where it means something else it must not (Portuguese and Spanish "para" is "stop!" but also "to" / "for").
    [Theory]
    [InlineData("para", InterruptionKind.Cancel)]
    [InlineData("para!", InterruptionKind.Cancel)]
    [InlineData("Pára!", InterruptionKind.Cancel)]
    [InlineData("pára", InterruptionKind.Cancel)]
    [InlineData("para com isso", InterruptionKind.Cancel)]
    [InlineData("Para com isso!", InterruptionKind.Cancel)]
    [InlineData("para, por favor", InterruptionKind.Cancel)]
    [InlineData("por favor para", InterruptionKind.Cancel)]
    [InlineData("vamos parar", InterruptionKind.Cancel)]
    [InlineData("vamos para Itália", InterruptionKind.None)]
    [InlineData("vamos para o Porto em março", InterruptionKind.None)]
    [InlineData("quero ir para Espanha", InterruptionKind.None)]
    [InlineData("vamos para", InterruptionKind.None)]
    [InlineData("quero para", InterruptionKind.None)]
    [InlineData("para agora", InterruptionKind.None)]
    [InlineData("para Itália", InterruptionKind.None)]
    [InlineData("para o Porto", InterruptionKind.None)]
    // Spanish: "para" is "stop!" alone, "for" in a sentence.
    [InlineData("¡para!", InterruptionKind.Cancel)]
    [InlineData("quiero ir para España", InterruptionKind.None)]
    [InlineData("para ahora", InterruptionKind.None)]
    [InlineData("quiero para mañana", InterruptionKind.None)]
    // English, Italian, Turkish, Czech: the word alone, not the word inside another or in a sentence.
    [InlineData("stop", InterruptionKind.Cancel)]
    [InlineData("stop in Prato", InterruptionKind.None)]
    [InlineData("basta", InterruptionKind.Cancel)]
    [InlineData("basta un giorno a Prato", InterruptionKind.None)]
    [InlineData("dur", InterruptionKind.Cancel)]
    [InlineData("Dur!", InterruptionKind.Cancel)]
    [InlineData("durum", InterruptionKind.None)]
    [InlineData("başvurumun durumu ne?", InterruptionKind.None)]
    [InlineData("konec", InterruptionKind.Cancel)]
    [InlineData("konec března", InterruptionKind.None)]
    [InlineData("pomoc", InterruptionKind.Help)]
    [InlineData("pomoc s barvením", InterruptionKind.None)]
    [InlineData("znovu", InterruptionKind.StartOver)]
    public void Recognize_WordWithAnotherMeaning_InterruptsOnlyAsTheCommand(string text, InterruptionKind expected)
    {
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));
    }

    // "I need help" in the six languages is help (Czech "potřebuju pomoc" ran a partner search for "pomoc"), also with
    // courtesy; "I need help with dyes" stays a request.
    [Theory]
    [InlineData("potřebuju pomoc")]
    [InlineData("Potřebuji pomoc.")]
    [InlineData("potrebuju pomoc prosím")]
    [InlineData("potřebuji pomoct")]
    [InlineData("pomozte mi")]
    [InlineData("I need help")]
    [InlineData("I need some help please")]
    [InlineData("preciso de ajuda")]
    [InlineData("preciso ajuda")]
    [InlineData("necesito ayuda")]
    [InlineData("ho bisogno di aiuto")]
    [InlineData("mi serve aiuto")]
    [InlineData("yardıma ihtiyacım var")]
    [InlineData("yardım lazım")]
    public void Recognize_INeedHelpInEveryLanguage_IsHelp(string text)
    {
        Assert.Equal(InterruptionKind.Help, InterruptionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("potřebuju pomoc s barvením")]
    [InlineData("necesito ayuda con tintes")]
    [InlineData("yardıma ihtiyacım var boyama için")]
    public void Recognize_INeedHelpWithSomething_IsNoInterruption(string text)
    {
        Assert.Equal(InterruptionKind.None, InterruptionRecognizer.Recognize(text));
    }

    // Cancel words the tester found not understood inside a question or form (they cancelled only with nothing in
    // progress): Spanish "salir", Turkish "çıkış", "vazgeçtim", "durdur", "çıkış yap", Czech "zrušit to", "přestaň",
    // English "stop it" — alone, with courtesy or a lead-in; in a sentence about something else they stay no command.
    [Theory]
    [InlineData("salir", InterruptionKind.Cancel)]
    [InlineData("salir!", InterruptionKind.Cancel)]
    [InlineData("¡Salir!", InterruptionKind.Cancel)]
    [InlineData("quiero salir", InterruptionKind.Cancel)]
    [InlineData("salir, por favor", InterruptionKind.Cancel)]
    [InlineData("çıkış", InterruptionKind.Cancel)]
    [InlineData("Çıkış!", InterruptionKind.Cancel)]
    [InlineData("çıkış yap", InterruptionKind.Cancel)]
    [InlineData("lütfen çıkış yap", InterruptionKind.Cancel)]
    [InlineData("vazgeçtim", InterruptionKind.Cancel)]
    [InlineData("durdur", InterruptionKind.Cancel)]
    [InlineData("zrušit to", InterruptionKind.Cancel)]
    [InlineData("přestaň", InterruptionKind.Cancel)]
    [InlineData("přestaň prosím", InterruptionKind.Cancel)]
    [InlineData("stop it", InterruptionKind.Cancel)]
    [InlineData("stop it now", InterruptionKind.Cancel)]
    [InlineData("sair", InterruptionKind.Cancel)]
    [InlineData("quero sair", InterruptionKind.Cancel)]
    [InlineData("quero sair para Espanha", InterruptionKind.None)]
    [InlineData("salir a Italia en marzo", InterruptionKind.None)]
    [InlineData("quiero salir para España", InterruptionKind.None)]
    [InlineData("çıkış tarihi", InterruptionKind.None)]
    [InlineData("çıkış tarihi 3 Mart", InterruptionKind.None)]
    [InlineData("stop it from fading", InterruptionKind.None)]
    [InlineData("zrušit to školení", InterruptionKind.None)]
    // English "exit" and Portuguese "ajuda-me" / "ajude-me" (help me) were the same: the main dialog read them with
    // nothing in progress, a question took them as its answer.
    [InlineData("exit", InterruptionKind.Cancel)]
    [InlineData("Exit.", InterruptionKind.Cancel)]
    [InlineData("exit please", InterruptionKind.Cancel)]
    [InlineData("exit strategies", InterruptionKind.None)]
    [InlineData("ajuda-me", InterruptionKind.Help)]
    [InlineData("Ajude-me, por favor", InterruptionKind.Help)]
    [InlineData("ajuda-me com a tinturaria", InterruptionKind.None)]
    public void Recognize_CancelWordsOfEveryLanguage_CancelAloneNotInASentence(string text, InterruptionKind expected)
    {
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));
    }

    [Theory]
    // Czech "znovu" is "start over" only as the whole message; in a sentence it is "again".
    [InlineData("znovu", InterruptionKind.StartOver)]
    [InlineData("Znovu!", InterruptionKind.StartOver)]
    [InlineData("chci znovu", InterruptionKind.None)]
    [InlineData("Chci znovu.", InterruptionKind.None)]
    [InlineData("prosím znovu", InterruptionKind.None)]
    [InlineData("znovu prosím", InterruptionKind.None)]
    [InlineData("pojďme znovu", InterruptionKind.None)]
    [InlineData("můžeme znovu", InterruptionKind.None)]
    [InlineData("znovu Prato", InterruptionKind.None)]
    // …and the usual forms of "start over" keep working, with a lead-in and courtesy.
    [InlineData("začít znovu", InterruptionKind.StartOver)]
    [InlineData("chci začít znovu", InterruptionKind.StartOver)]
    [InlineData("chci znovu začít", InterruptionKind.StartOver)]
    [InlineData("znovu od začátku", InterruptionKind.StartOver)]
    [InlineData("Znovu od začátku, prosím", InterruptionKind.StartOver)]
    [InlineData("od začátku", InterruptionKind.StartOver)]
    [InlineData("chci od začátku", InterruptionKind.StartOver)]
    [InlineData("začněme znovu", InterruptionKind.StartOver)]
    [InlineData("začneme znovu", InterruptionKind.StartOver)]
    // "let's do it from the beginning" (was no command); "let's do it again" stays "again", no start over.
    [InlineData("pojďme to udělat od začátku", InterruptionKind.StartOver)]
    [InlineData("Pojďme to udělat od začátku, prosím", InterruptionKind.StartOver)]
    [InlineData("udělejme to od začátku", InterruptionKind.StartOver)]
    [InlineData("začněme od začátku", InterruptionKind.StartOver)]
    [InlineData("pojďme to udělat znovu", InterruptionKind.None)]
    [InlineData("pojďme to udělat od začátku března", InterruptionKind.None)]
    // Czech "pomoct" is "help!" alone, "to help" after a lead-in.
    [InlineData("pomoct", InterruptionKind.Help)]
    [InlineData("pomoct prosím", InterruptionKind.Help)]
    [InlineData("chci pomoct", InterruptionKind.None)]
    [InlineData("můžeme pomoct", InterruptionKind.None)]
    [InlineData("chci pomoc", InterruptionKind.Help)]
    // The same two words in the other five languages stay what they were: a lead-in and the command.
    [InlineData("let's start again", InterruptionKind.StartOver)]
    [InlineData("i want to restart", InterruptionKind.StartOver)]
    [InlineData("quero recomeçar", InterruptionKind.StartOver)]
    [InlineData("quiero empezar de nuevo", InterruptionKind.StartOver)]
    [InlineData("voglio ricominciare", InterruptionKind.StartOver)]
    [InlineData("hadi baştan", InterruptionKind.StartOver)]
    // "again" alone is no command in any of them.
    [InlineData("again", InterruptionKind.None)]
    [InlineData("i want again", InterruptionKind.None)]
    [InlineData("de novo", InterruptionKind.None)]
    [InlineData("quero de novo", InterruptionKind.None)]
    [InlineData("otra vez", InterruptionKind.None)]
    [InlineData("quiero otra vez", InterruptionKind.None)]
    [InlineData("di nuovo", InterruptionKind.None)]
    [InlineData("voglio di nuovo", InterruptionKind.None)]
    [InlineData("yeniden", InterruptionKind.None)]
    [InlineData("tekrar", InterruptionKind.None)]
    public void Recognize_CzechAgain_StartsOverOnlyAloneOrInTheUsualForms(string text, InterruptionKind expected)
    {
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("ajuda", "pt-PT")]
    [InlineData("ajuda-me", "pt-PT")]
    [InlineData("aiuto", "it-IT")]
    [InlineData("nápověda", "cs-CZ")]
    public async Task Help_AtDepthTwo_SendsHelpAndRepromptsActivePrompt(string help, string locale)
    {
        await DialogTestHost.Flow(new MemoryStorage(), () => MainDialog.Create(), a => a.Locale = locale)
            .Send("hi").AssertReply(ProfileDialog.NamePrompt)
            .Send("Ana").AssertReply("How old are you, Ana?")
            .Send(help).AssertReply(Help).AssertReply("How old are you, Ana?").AssertNoReply()
            .Send("30").AssertReply("Thanks, Ana (30).").AssertReply("Profile saved: Ana (30)")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("annulla", "it-IT")]
    [InlineData("iptal", "tr-TR")]
    [InlineData("zrušit", "cs-CZ")]
    [InlineData("cancelar", "es-ES")]
    [InlineData("exit", "en-GB")]
    public async Task Cancel_AtDepthTwo_EndsAllDialogsWithConfirmation(string cancel, string locale)
    {
        var storage = new MemoryStorage();
        await DialogTestHost.Flow(storage, () => MainDialog.Create(), a => a.Locale = locale)
            .Send("hi").AssertReply(ProfileDialog.NamePrompt)
            .Send("Ana").AssertReply("How old are you, Ana?")
            .Send(cancel).AssertReply(Cancelled).AssertNoReply()
            .Do(async () => Assert.Equal(0, (await StoredStack(storage)).GetArrayLength()))
            .Send("hello").AssertReply(ProfileDialog.NamePrompt)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("recomeçar", "pt-BR")]
    [InlineData("baştan başla", "tr-TR")]
    [InlineData("ricomincia", "it-IT")]
    public async Task StartOver_AtDepthTwo_RestartsRootDialog(string startOver, string locale)
    {
        await DialogTestHost.Flow(new MemoryStorage(), () => MainDialog.Create(), a => a.Locale = locale)
            .Send("hi").AssertReply(ProfileDialog.NamePrompt)
            .Send("Ana").AssertReply("How old are you, Ana?")
            .Send(startOver).AssertReply(StartingOver).AssertReply(ProfileDialog.NamePrompt).AssertNoReply()
            .Send("Rui").AssertReply("How old are you, Rui?")
            .Send("52").AssertReply("Thanks, Rui (52).").AssertReply("Profile saved: Rui (52)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_InterruptibleComponentBelowPlainRoot_CancelsRootToo()
    {
        var storage = new MemoryStorage();
        await DialogTestHost.Flow(storage, () => MainDialog.Create(interruptibleInner: true))
            .Send("hi").AssertReply(ProfileDialog.NamePrompt)
            .Send("cancel").AssertReply(Cancelled).AssertNoReply()
            .Do(async () => Assert.Equal(0, (await StoredStack(storage)).GetArrayLength()))
            .StartTestAsync();
    }

    [Fact]
    public async Task StartOver_InterruptibleComponentBelowPlainRoot_RestartsRoot()
    {
        await DialogTestHost.Flow(new MemoryStorage(), () => MainDialog.Create(interruptibleInner: true))
            .Send("hi").AssertReply(ProfileDialog.NamePrompt)
            .Send("Ana").AssertReply("How old are you, Ana?")
            .Send("začít znovu").AssertReply(StartingOver).AssertReply(ProfileDialog.NamePrompt).AssertNoReply()
            .Send("Eva").AssertReply("How old are you, Eva?")
            .Send("33").AssertReply("Thanks, Eva (33).").AssertReply("Profile saved: Eva (33)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_WithLocalisedMessages_UsesTheHook()
    {
        await DialogTestHost.Flow(new MemoryStorage(), () => MainDialog.Create(), a =>
            {
                a.Locale = "pt-PT";
                a.OnTurnStart = turn => turn.SetDialogMessages(new PortugueseMessages());
            })
            .Send("olá").AssertReply(ProfileDialog.NamePrompt)
            .Send("ajuda").AssertReply("Responda à pergunta (pt-PT).").AssertReply(ProfileDialog.NamePrompt)
            .Send("cancelar").AssertReply(Cancelled)
            .StartTestAsync();
    }

    private static async Task<System.Text.Json.JsonElement> StoredStack(MemoryStorage storage)
    {
        var stored = await storage.ReadAsync(["msteams/conversations/a:conversation-1"]);
        return stored.Values.Single().Value.GetProperty(DialogTestHost.DialogStateProperty).GetProperty("dialogStack");
    }

    private sealed class PortugueseMessages : EnglishDialogMessages
    {
        public override string Help(string? locale) => $"Responda à pergunta ({locale}).";
    }
}
