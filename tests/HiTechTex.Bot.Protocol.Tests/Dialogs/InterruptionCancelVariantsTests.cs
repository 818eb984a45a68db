using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// Cancel typed with a slip of the keyboard, or said in everyday words: "cancle", "cancell", "forget it", "no quiero
/// seguir"… used to be no interruption (inside a form: "Please fill in the form above").
/// </summary>
public sealed class InterruptionCancelVariantsTests
{
    [Theory]
    [InlineData("cancle")]
    [InlineData("cancell")]
    [InlineData("Cancl")]
    [InlineData("cnacel")]
    [InlineData("cancels")]
    [InlineData("cancle please")]
    [InlineData("please cancell")]
    [InlineData("cancelr")]
    [InlineData("canclar")]
    [InlineData("cancelra")]
    [InlineData("anulla")]
    [InlineData("annnulla")]
    [InlineData("anullare")]
    [InlineData("zrusti")]
    [InlineData("zrušti")]
    [InlineData("zusit")]
    public void ASlipOnTheCancelWord_Cancels(string typed)
    {
        Assert.Equal(InterruptionKind.Cancel, InterruptionRecognizer.Recognize(typed));
    }

    [Theory]
    [InlineData("forget it")]
    [InlineData("Forget about it.")]
    [InlineData("just forget it")]
    [InlineData("I don't want to continue")]
    [InlineData("I've changed my mind")]
    [InlineData("não quero continuar")]
    [InlineData("deixa pra lá")]
    [InlineData("esquece isso")]
    [InlineData("no quiero seguir")]
    [InlineData("No quiero continuar, gracias")]
    [InlineData("ya no quiero seguir")]
    [InlineData("non voglio continuare")]
    [InlineData("lascia stare")]
    [InlineData("lasciamo perdere")]
    [InlineData("devam etmek istemiyorum")]
    [InlineData("unut gitsin")]
    [InlineData("nechci pokračovat")]
    [InlineData("zapomeň na to")]
    [InlineData("nech to být")]
    public void EverydayWordsForNotGoingOn_Cancel(string typed)
    {
        Assert.Equal(InterruptionKind.Cancel, InterruptionRecognizer.Recognize(typed));
    }

    [Theory]
    [InlineData("cancella")]
    [InlineData("Cancella.")]
    [InlineData("cancella per favore")]
    [InlineData("cancellare")]
    [InlineData("cancella tutto")]
    [InlineData("annulla")]
    [InlineData("annullare")]
    [InlineData("cancele")]
    [InlineData("cancela")]
    [InlineData("cancele por favor")]
    [InlineData("cancélalo")]
    [InlineData("iptal")]
    [InlineData("iptal edin")]
    [InlineData("lütfen iptal")]
    [InlineData("zruš")]
    [InlineData("zrušte")]
    [InlineData("zrušte to prosím")]
    public void ImperativeCancelWords_AsTheWholeMessage_Cancel(string typed)
    {
        Assert.Equal(InterruptionKind.Cancel, InterruptionRecognizer.Recognize(typed));
    }

    [Theory]
    [InlineData("cancella i miei dati")]          // the delete-data request
    [InlineData("cancella la mia iscrizione")]
    [InlineData("cancellare la candidatura")]
    [InlineData("cancele a minha inscrição")]
    [InlineData("zrušte mou registraci")]
    [InlineData("iptal edin kaydımı")]
    public void ImperativeCancelWords_WithAnObject_AreNoInterruption(string typed)
    {
        Assert.Equal(InterruptionKind.None, InterruptionRecognizer.Recognize(typed));
    }

    [Theory]
    [InlineData("cancer")]          // one letter replaced: another word
    [InlineData("cancel my order")]
    [InlineData("cancle my booking")]
    [InlineData("candle")]
    [InlineData("ital")]
    [InlineData("iptl")]            // short words must be typed right
    [InlineData("forget me")]       // "delete my data", not cancel
    [InlineData("olvídame")]
    [InlineData("zapomeň na mě")]
    [InlineData("I don't want to continue with the agenda as it is")]
    [InlineData("no quiero seguir con esta agenda")]
    [InlineData("Cancún")]
    [InlineData("Ana")]
    public void OtherWords_AreNoCancel(string typed)
    {
        Assert.Equal(InterruptionKind.None, InterruptionRecognizer.Recognize(typed));
    }

    [Theory]
    [InlineData("cancle", "cancel", true)]
    [InlineData("cancell", "cancel", true)]
    [InlineData("cance", "cancel", true)]
    [InlineData("cancel", "cancel", false)]
    [InlineData("cancer", "cancel", false)]
    [InlineData("cancelled", "cancel", false)]
    [InlineData("acnecl", "cancel", false)]
    public void IsOneSlipFrom_OneDeletionInsertionOrSwap(string typed, string word, bool expected)
    {
        Assert.Equal(expected, InterruptionRecognizer.IsOneSlipFrom(typed, word));
    }
}
