using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

public sealed class RulesQuestionRecognizerTests
{
    public static TheoryData<string> RulesQuestions => new()
    {
        "how many exchanges can I do?",
        "How many exchanges are we allowed per year?",
        "how long does an exchange last?",
        "quantos intercâmbios posso fazer?",
        "quantas candidaturas podemos fazer por ano?",
        "quanto tempo dura um intercâmbio?",
        "¿cuántos intercambios puedo hacer?",
        "cuantos intercambios puede hacer mi empresa al año",
        "quanti scambi posso fare?",
        "quanti scambi all'anno?",
        "kaç değişim yapabilirim?",
        "bir değişim ne kadar sürer?",
        "kolik výměn můžu absolvovat?",
        "kolik výměn ročně?",
        "jak dlouho trvá výměna?",
    };

    // In other words, as questions (before: the application form opened).
    public static TheoryData<string> OtherWordsQuestions => new()
    {
        "can we do more than one exchange?",
        "what's the maximum length of an exchange?",
        "is there a limit on the number of exchanges?",
        "how many times can my company go on an exchange?",
        "podemos fazer mais de um intercâmbio?",
        "há limite de intercâmbios?",
        "¿puedo hacer más de un intercambio?",
        "¿hay un límite de intercambios?",
        "possiamo fare più di uno scambio?",
        "c'è un limite al numero di scambi?",
        "birden fazla değişim yapabilir miyim?",
        "değişim sayısında sınır var mı?",
        "můžeme absolvovat více než jednu výměnu?",
        "je nějaký limit na počet výměn?",
    };

    // Ordinary words (explorer report 20, finding 5; before: the application form opened): two exchanges, twice, how
    // long, money, who may take part, a deadline — in the six languages.
    public static TheoryData<string> OrdinaryWordsQuestions => new()
    {
        "can I go on two exchanges?",
        "can we apply twice?",
        "can an exchange last two months?",
        "how much money do I get for an exchange?",
        "how much money do I get for my exchange?",
        "who can apply for an exchange?",
        "who can apply?",
        "is there a deadline to apply for an exchange?",
        "what are the rules for exchanges?",
        "is it possible to do two exchanges",
        "posso fazer dois intercâmbios?",
        "podemos candidatar-nos duas vezes?",
        "um intercâmbio pode durar dois meses?",
        "quanto dinheiro recebo por um intercâmbio?",
        "quem pode candidatar-se a um intercâmbio?",
        "há prazo para pedir um intercâmbio?",
        "¿puedo hacer dos intercambios?",
        "¿podemos solicitar dos veces?",
        "¿un intercambio puede durar dos meses?",
        "¿cuánto dinero recibo por un intercambio?",
        "¿quién puede solicitar un intercambio?",
        "¿hay un plazo para solicitar un intercambio?",
        "posso fare due scambi?",
        "possiamo candidarci due volte?",
        "uno scambio può durare due mesi?",
        "quanti soldi ricevo per uno scambio?",
        "chi può candidarsi per uno scambio?",
        "c'è una scadenza per candidarsi a uno scambio?",
        "iki değişim yapabilir miyim?",
        "iki kez başvurabilir miyiz?",
        "bir değişim iki ay sürebilir mi?",
        "bir değişim için ne kadar para alırım?",
        "kimler değişime başvurabilir?",
        "değişim başvurusu için son tarih var mı?",
        "kaç başvuru yapabiliriz?",
        "değişim için son başvuru tarihi ne zaman?",
        "můžu jet na dvě výměny?",
        "můžeme se přihlásit dvakrát?",
        "může výměna trvat dva měsíce?",
        "kolik peněz dostanu za výměnu?",
        "kdo se může přihlásit na výměnu?",
        "do kdy se musím přihlásit na výměnu?",
    };

    // Requests, and questions that are not about the rules, stay what they were: the application form, the partner
    // search, the coordinator's progress.
    public static TheoryData<string> RequestsInTheSixLanguages => new()
    {
        "I want to apply for an exchange in Italy",
        "can I apply for an exchange in Italy?",
        "how do I apply for an exchange",
        "I want an exchange of two weeks in Spain",
        "apply for an exchange of two months",
        "quero candidatar-me a um intercâmbio em Itália",
        "como me candidato à mobilidade?",
        "quiero solicitar un intercambio en Italia",
        "¿puedo solicitar un intercambio de dos semanas en Italia?",
        "voglio candidarmi per uno scambio in Italia",
        "İtalya'da bir değişime başvurmak istiyorum",
        "chci požádat o výměnu v Itálii",
        "chci se přihlásit na výměnu pracovníků",
        "how many exchanges last month?",
        "who can host an exchange in Spain?",
        "who can help me with recycling of polyester?",
        "qual é o estado dos intercâmbios?",
    };

    // When one may apply (before: the application form opened) — in the six languages.
    [Theory]
    [InlineData("when can I apply?")]
    [InlineData("When can we apply for an exchange")]
    [InlineData("quando posso candidatar-me?")]
    [InlineData("quando é que podemos candidatar-nos a um intercâmbio?")]
    [InlineData("¿cuándo puedo solicitar un intercambio?")]
    [InlineData("cuando podemos postularnos")]
    [InlineData("quando posso candidarmi?")]
    [InlineData("quando possiamo fare domanda per uno scambio?")]
    [InlineData("ne zaman başvurabilirim")]
    [InlineData("değişime ne zaman başvurabiliriz?")]
    [InlineData("kdy se můžu přihlásit na výměnu?")]
    [InlineData("od kdy lze podat žádost o výměnu?")]
    public void IsRulesQuestion_WhenCanIApply_IsTrue(string text) =>
        Assert.True(RulesQuestionRecognizer.IsRulesQuestion(text), text);

    // A when that is no question about applying stays what it was.
    [Theory]
    [InlineData("when can I book a coaching session?")]
    [InlineData("when is my next session")]
    [InlineData("I want to apply for an exchange in Italy, when can I travel")]
    [InlineData("I want to apply for an exchange in Italy, when can I go?")]
    [InlineData("quero candidatar-me a um intercâmbio em Itália, quando posso ir?")]
    [InlineData("chci se přihlásit na výměnu do Itálie, kdy můžu jet?")]
    [InlineData("quando posso ir a Itália")]
    [InlineData("başvurum ne zaman onaylanır?")]
    [InlineData("kdy můžu jet do Itálie?")]
    public void IsRulesQuestion_AWhenNotAboutApplying_IsFalse(string text) =>
        Assert.False(RulesQuestionRecognizer.IsRulesQuestion(text), text);

    [Theory]
    [MemberData(nameof(OrdinaryWordsQuestions))]
    public void IsRulesQuestion_OrdinaryWordsQuestion_IsTrue(string text)
    {
        Assert.True(RulesQuestionRecognizer.IsRulesQuestion(text));
        Assert.True(RulesQuestionRecognizer.IsAskedRulesQuestion(text));
    }

    [Theory]
    [InlineData("I want to apply for an exchange in Italy")]
    [InlineData("quero candidatar-me a um intercâmbio em Itália")]
    [InlineData("quiero solicitar un intercambio en Italia")]
    [InlineData("voglio candidarmi per uno scambio in Italia")]
    [InlineData("İtalya'da bir değişime başvurmak istiyorum")]
    [InlineData("chci požádat o výměnu v Itálii")]
    public async Task RequestToApply_InTheSixLanguages_IsNoRulesQuestionAndTheLocalRecognizerReadsApplying(string text)
    {
        var recognizer = new LocalIntentRecognizer(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

        var result = await recognizer.RecognizeAsync(text, null, null, CancellationToken.None);

        Assert.False(RulesQuestionRecognizer.IsRulesQuestion(text));
        Assert.Equal(Intent.ApplyForExchange, result.Intent);
    }

    [Theory]
    [MemberData(nameof(RequestsInTheSixLanguages))]
    public void IsRulesQuestion_ARequestOrAnotherQuestion_IsFalse(string text)
    {
        Assert.False(RulesQuestionRecognizer.IsRulesQuestion(text));
    }

    // Not questions about the rules: applying (also naming a stay), or not asked as a question.
    public static TheoryData<string> ApplyingInOtherWords => new()
    {
        "can I apply for an exchange?",
        "can I apply for an exchange of maximum 2 weeks?",
        "apply for an exchange with several partners",
        "I want an exchange in Italy for more than one week",
        "quiero solicitar un intercambio",
    };

    [Theory]
    [MemberData(nameof(OtherWordsQuestions))]
    public void IsRulesQuestion_OtherWordsAsAQuestion_IsTrue(string text)
    {
        Assert.True(RulesQuestionRecognizer.IsRulesQuestion(text));
        Assert.True(RulesQuestionRecognizer.IsAskedRulesQuestion(text));
    }

    [Theory]
    [MemberData(nameof(ApplyingInOtherWords))]
    public void IsRulesQuestion_ApplyingOrNoQuestion_IsFalse(string text)
    {
        Assert.False(RulesQuestionRecognizer.IsRulesQuestion(text));
    }

    [Theory]
    [InlineData("Learn how long an exchange of lab samples takes between our labs.")]
    [InlineData("understand the duration of the exchange of know-how")]
    public void IsAskedRulesQuestion_AnAnswerThatMentionsTheRulesWords_IsFalse(string text)
    {
        Assert.False(RulesQuestionRecognizer.IsAskedRulesQuestion(text));
    }

    public static TheoryData<string> OtherQuestions => new()
    {
        "how many exchanges so far?",
        "quantos intercâmbios até agora?",
        "quantos intercâmbios foram aprovados?",
        "kolik výměn zatím proběhlo",
        "can I apply for an exchange?",
        "posso candidatar-me a um intercâmbio?",
        "I want to apply for an exchange",
        "how long until my application is decided?",
        "how many partners are in Italy?",
        "",
    };

    [Theory]
    [MemberData(nameof(RulesQuestions))]
    public void IsRulesQuestion_HowManyOrHowLongWithWhatOneMayDo_IsTrue(string text)
    {
        Assert.True(RulesQuestionRecognizer.IsRulesQuestion(text));
    }

    [Theory]
    [MemberData(nameof(OtherQuestions))]
    public void IsRulesQuestion_ProgressApplyingOrOwnList_IsFalse(string text)
    {
        Assert.False(RulesQuestionRecognizer.IsRulesQuestion(text));
    }

    [Theory]
    [MemberData(nameof(RulesQuestions))]
    public void RoleCommand_RulesQuestion_IsNotTheCoordinatorsProgress(string text)
    {
        Assert.Equal(RoleCommand.None, RoleCommandRecognizer.Recognize(text));
    }

    [Fact]
    public void IsRulesQuestion_TheRecognizerAndRoleCommandCorpora_NoneIsARulesQuestion()
    {
        // The local recognizer's phrasings (apply, find partners, my applications…) and the role commands in one's own
        // words keep their meaning: the wider rules reading takes none of them (but the two how-long questions among them).
        var corpora = LocalIntentRecognizerTests.Phrasings.Cast<object[]>().Select(row => (string)row[0])
            .Concat(LocalIntentRecognizerTests.Typos.Cast<object[]>().Select(row => (string)row[0]))
            .Concat(RoleCommandRecognizerTests.OwnWords.Cast<object[]>().Select(row => (string)row[0]))
            .Concat(RoleCommandRecognizerTests.NoRoleCommand.Cast<object[]>().Select(row => (string)row[0])
                .Where(text => !text.Contains("dura", StringComparison.Ordinal) && !text.Contains("last", StringComparison.Ordinal)));

        Assert.DoesNotContain(corpora, RulesQuestionRecognizer.IsRulesQuestion);
    }
}
