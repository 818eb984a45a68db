using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Language;

public sealed class RoleCommandRecognizerTests
{
    public static TheoryData<string, RoleCommand> OwnWords => new()
    {
        // English
        { "pending approvals", RoleCommand.PendingApprovals },
        { "which applications are waiting for my approval?", RoleCommand.PendingApprovals },
        { "how many exchanges so far?", RoleCommand.ExchangeProgress },
        { "export exchanges to excel", RoleCommand.ExportExchanges },
        { "download the exchanges as csv", RoleCommand.ExportExchanges },
        { "add a member to my cluster", RoleCommand.ManageMembers },
        { "create a new coaching session", RoleCommand.NewSession },
        { "import sessions from a file", RoleCommand.ImportSessions },
        { "show me the stuck applications", RoleCommand.StuckApplications },
        { "which exchanges are blocked?", RoleCommand.StuckApplications },
        // Portuguese
        { "candidaturas pendentes", RoleCommand.PendingApprovals },
        { "tenho candidaturas para aprovar?", RoleCommand.PendingApprovals },
        { "progresso dos intercâmbios", RoleCommand.ExchangeProgress },
        { "quantos intercâmbios houve até agora", RoleCommand.ExchangeProgress },
        { "exportar intercâmbios para excel", RoleCommand.ExportExchanges },
        { "gerir os membros do cluster", RoleCommand.ManageMembers },
        { "criar uma sessão nova", RoleCommand.NewSession },
        { "quais candidaturas estão bloqueadas?", RoleCommand.StuckApplications },
        // Spanish
        { "solicitudes pendientes de aprobar", RoleCommand.PendingApprovals },
        { "descargar los intercambios en csv", RoleCommand.ExportExchanges },
        { "¿cuántos intercambios llevamos?", RoleCommand.ExchangeProgress },
        { "importar sesiones", RoleCommand.ImportSessions },
        { "¿qué solicitudes están atascadas?", RoleCommand.StuckApplications },
        // Italian
        { "avanzamento degli scambi", RoleCommand.ExchangeProgress },
        { "progressi scambi", RoleCommand.ExchangeProgress },
        { "candidature da approvare", RoleCommand.PendingApprovals },
        { "esporta gli scambi in excel", RoleCommand.ExportExchanges },
        { "aggiungi un membro", RoleCommand.ManageMembers },
        { "mostrami le candidature bloccate", RoleCommand.StuckApplications },
        // Turkish
        { "onay bekleyen başvurular", RoleCommand.PendingApprovals },
        { "şimdiye kadar kaç değişim oldu", RoleCommand.ExchangeProgress },
        { "değişimleri excel olarak indir", RoleCommand.ExportExchanges },
        { "yeni oturum oluştur", RoleCommand.NewSession },
        { "takılan başvurular hangileri?", RoleCommand.StuckApplications },
        // "başvuruları" (the applications) is one letter from "başvurularım" (my applications): no typo of it.
        { "takılan başvuruları göster", RoleCommand.StuckApplications },
        { "takılan başvurular", RoleCommand.StuckApplications },
        { "takılan başvuruları", RoleCommand.StuckApplications },
        // Czech
        { "žádosti čekající na schválení", RoleCommand.PendingApprovals },
        { "kolik výměn zatím proběhlo", RoleCommand.ExchangeProgress },
        { "exportovat výměny do excelu", RoleCommand.ExportExchanges },
        { "upravit členy klastru", RoleCommand.ManageMembers },
        { "ukaž zaseknuté žádosti", RoleCommand.StuckApplications },
    };

    public static TheoryData<string> NoRoleCommand => new()
    {
        "I want to apply for an exchange",
        "quero candidatar-me a um intercâmbio",
        "quiero hacer un intercambio en Italia en marzo",
        "vorrei fare uno scambio",
        "değişime başvurmak istiyorum",
        "chci podat přihlášku na výměnu",
        "is my application still pending?",
        "a minha candidatura está pendente?",
        "my application is stuck",
        "a minha candidatura está bloqueada?",
        // One's own, written as such: still one's own list.
        "takılan başvurularım",
        "başvurularımı göster, takılan var mı?",
        "find partners in Italy",
        "book a new coaching session",
        "quero marcar uma nova sessão",
        "my sessions",
        "I'm waiting for my introduction request",
        "how many days does an exchange last?",
        "quantos dias dura um intercâmbio?",
        "download the application form",
        "descargar el formulario de solicitud",
        "any new sessions?",
        "hay nuevas sesiones?",
        "add the session to my calendar",
        "",
    };

    [Theory]
    [MemberData(nameof(OwnWords))]
    public void Recognize_RoleCommandInOwnWords_FindsTheCommand(string text, RoleCommand expected)
    {
        Assert.Equal(expected, RoleCommandRecognizer.Recognize(text));
    }

    [Theory]
    [MemberData(nameof(NoRoleCommand))]
    public void Recognize_ApplyingOwnListsOrBooking_IsNoRoleCommand(string text)
    {
        Assert.Equal(RoleCommand.None, RoleCommandRecognizer.Recognize(text));
    }
}
