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
