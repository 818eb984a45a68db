using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// A cancel word with a booking or an application as its object ("zruš mou rezervaci na čtvrtek", "cancel the booking
/// on Thursday") asks for that list — one's sessions, each with its Cancel button, or one's applications, each with its
/// Withdraw button — not the bare "cancel" of what is running (answered "there's nothing in progress to stop"), nor a
/// new registration. A cancel word alone, or with fillers only, still cancels.
/// </summary>
public sealed class CancelObjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    [Theory]
    [InlineData("zruš mou rezervaci na čtvrtek", "cs")]
    [InlineData("zrus mou rezervaci na ctvrtek", "cs")]
    [InlineData("zruš rezervaci na čtvrtek", "cs")]
    [InlineData("zrušit mé sezení ve čtvrtek", "cs")]
    [InlineData("cancel the booking on Thursday", "en")]
    [InlineData("cancel my booking", "en")]
    [InlineData("cancel the coaching session on Thursday", "en")]
    [InlineData("cancelar a minha inscrição", "pt")]
    [InlineData("cancelar a reserva de quinta", "pt")]
    [InlineData("cancelar a inscrição na sessão de quinta", "pt")]
    [InlineData("cancelar la reserva del jueves", "es")]
    [InlineData("cancelar mi inscripción", "es")]
    [InlineData("annulla la mia prenotazione", "it")]
    [InlineData("annulla la prenotazione di giovedì", "it")]
    [InlineData("rezervasyonumu iptal et", "tr")]
    [InlineData("perşembe günkü oturumu iptal et", "tr")]
    public void Recognize_CancelWordWithABooking_IsMySessionsNotCancel(string text, string language)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.MySessions, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.InRange(result.Score, 0.5, 1);
    }

    [Theory]
    [InlineData("zruš moji přihlášku")]
    [InlineData("zrušit žádost o výměnu")]
    [InlineData("cancel the exchange application")]
    [InlineData("cancelar o intercâmbio")]
    [InlineData("cancelar la solicitud de intercambio")]
    [InlineData("annulla la domanda di scambio")]
    [InlineData("başvurumu iptal et")]
    public void Recognize_CancelWordWithAnApplication_IsMyApplicationsNotCancel(string text)
    {
        Assert.Equal(Intent.MyApplications, recognizer.Recognize(text, null).Intent);
    }

    [Theory]
    [InlineData("ukaž mou rezervaci")]
    [InlineData("mé rezervace")]
    public void Recognize_CzechMyBookingInOtherForms_IsMySessions(string text)
    {
        Assert.Equal(Intent.MySessions, recognizer.Recognize(text, "cs-CZ").Intent);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("cancel it")]
    [InlineData("zrušit")]
    [InlineData("zruš to")]
    [InlineData("cancelar")]
    [InlineData("annulla")]
    [InlineData("iptal")]
    public void Recognize_CancelWordWithoutAnObject_StillCancels(string text)
    {
        Assert.Equal(Intent.Cancel, recognizer.Recognize(text, null).Intent);
    }

    [Theory]
    [InlineData("book a coaching session on Thursday")]
    [InlineData("quero reservar uma sessão de coaching")]
    [InlineData("basta una sessione di coaching?")]
    public void Recognize_BookingWithoutACancelWord_IsStillARegistration(string text)
    {
        Assert.Equal(Intent.RegisterForCoaching, recognizer.Recognize(text, null).Intent);
    }
}
