using HiTechTex.Bot.Language;

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
}
