namespace HiTechTex.Bot.Hosting.Pages;

/// <summary>
/// What the page of a refused signed link says (<see cref="LinkRefusalPage"/>), in the partnership's six languages.
/// Constant texts only: nothing of the request is ever put into them.
/// </summary>
internal sealed record LinkPageTexts(
    string Code,
    string InvalidTitle,
    string Invalid,
    string ExpiredTitle,
    string ExportExpiredFormat,
    string CalendarNoSeatTitle,
    string CalendarNoSeat)
{
    public static LinkPageTexts English { get; } = new(
        "en",
        "This link is not valid",
        "It may have been copied only in part, or changed. Open it again from your chat with the bot in Microsoft Teams, or ask the bot for a new one.",
        "This link has expired",
        "To keep the data safe, an export link works for {0} only. Ask the bot in Microsoft Teams for a new export: type “{1}”.",
        "This calendar link no longer opens an invitation",
        "The registration it was made for holds no seat now: it was cancelled, or it is on the waiting list. Your chat with the bot in Microsoft Teams shows your sessions.");

    public static IReadOnlyList<LinkPageTexts> All { get; } =
    [
        English,
        new(
            "pt",
            "Esta ligação não é válida",
            "Pode ter sido copiada só em parte, ou alterada. Abra-a de novo a partir da sua conversa com o bot no Microsoft Teams, ou peça ao bot uma nova.",
            "Esta ligação expirou",
            "Para proteger os dados, uma ligação de exportação só funciona durante {0}. Peça ao bot uma nova exportação no Microsoft Teams: escreva «{1}».",
            "Esta ligação de calendário já não abre um convite",
            "A inscrição para a qual foi criada já não tem lugar: foi cancelada, ou está em lista de espera. A sua conversa com o bot no Microsoft Teams mostra as suas sessões."),
        new(
            "es",
            "Este enlace no es válido",
            "Puede que se haya copiado solo en parte o que se haya modificado. Ábralo de nuevo desde su chat con el bot en Microsoft Teams, o pida al bot uno nuevo.",
            "Este enlace ha caducado",
            "Para proteger los datos, un enlace de exportación solo funciona durante {0}. Pida al bot una nueva exportación en Microsoft Teams: escriba «{1}».",
            "Este enlace de calendario ya no abre una invitación",
            "La inscripción para la que se creó ya no tiene plaza: se canceló o está en lista de espera. Su chat con el bot en Microsoft Teams muestra sus sesiones."),
        new(
            "it",
            "Questo link non è valido",
            "Potrebbe essere stato copiato solo in parte, o modificato. Aprilo di nuovo dalla tua chat con il bot in Microsoft Teams, oppure chiedi al bot un link nuovo.",
            "Questo link è scaduto",
            "Per proteggere i dati, un link di esportazione funziona solo per {0}. Chiedi al bot una nuova esportazione in Microsoft Teams: scrivi «{1}».",
            "Questo link al calendario non apre più un invito",
            "L'iscrizione per cui è stato creato non ha più un posto: è stata annullata, o è in lista d'attesa. La tua chat con il bot in Microsoft Teams mostra le tue sessioni."),
        new(
            "tr",
            "Bu bağlantı geçerli değil",
            "Eksik kopyalanmış ya da değiştirilmiş olabilir. Bağlantıyı Microsoft Teams'te botla sohbetinizden yeniden açın veya bottan yeni bir bağlantı isteyin.",
            "Bu bağlantının süresi doldu",
            "Verilerin güvenliği için dışa aktarma bağlantısı yalnızca {0} geçerlidir. Microsoft Teams'te bottan yeni bir dışa aktarma isteyin: “{1}” yazın.",
            "Bu takvim bağlantısı artık bir davet açmıyor",
            "Oluşturulduğu kaydın artık yeri yok: kayıt iptal edildi ya da bekleme listesinde. Oturumlarınızı Microsoft Teams'te botla sohbetinizde görebilirsiniz."),
        new(
            "cs",
            "Tento odkaz není platný",
            "Mohl být zkopírován jen zčásti nebo změněn. Otevřete ho znovu z chatu s botem v Microsoft Teams, nebo si od bota vyžádejte nový.",
            "Platnost tohoto odkazu vypršela",
            "Z bezpečnostních důvodů platí odkaz na export jen {0}. Požádejte bota v Microsoft Teams o nový export: napište „{1}“.",
            "Tento odkaz na kalendář už neotevře pozvánku",
            "Registrace, pro kterou byl vytvořen, teď nemá místo: byla zrušena, nebo je na čekací listině. Svá setkání najdete v chatu s botem v Microsoft Teams."),
    ];

    /// <summary>The texts of a language code (one of <see cref="PageLanguage.All"/>); English for any other.</summary>
    public static LinkPageTexts Of(string code) =>
        All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal)) ?? English;
}
