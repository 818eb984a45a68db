namespace HiTechTex.Bot.Features.Coaching;

/// <summary>A small catalog for local runs: six sessions in the partners' languages over the coming weeks.</summary>
internal static class DemoCatalog
{
    public const string Organizer = "coaching@hitechtex.example";

    public static IReadOnlyList<SessionDraft> Create(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return
        [
            Draft("Circular economy for textile SMEs", "From take-make-waste to closed loops: recycled fibres, take-back schemes and the EU textile strategy.", "Circular economy", "Dr. Inês Carvalho (CITEVE)", "EN", day.AddDays(7).AddHours(9), 2, "Europe/Lisbon", 25, SessionMode.Online, null, now),
            Draft("Acabamentos sustentáveis", "Processos de acabamento com menos água e energia; casos práticos do laboratório.", "Sustainable finishing", "Eng. Rui Ferreira (CITEVE)", "PT", day.AddDays(10).AddHours(14), 3, "Europe/Lisbon", 15, SessionMode.OnSite, "CITEVE, Vila Nova de Famalicão", now),
            Draft("Textiles inteligentes: de la idea al prototipo", "Sensores, conductividad y prototipado rápido de prendas inteligentes.", "Smart textiles", "Dra. Lucía Martínez (AITEX)", "ES", day.AddDays(14).AddHours(10), 2, "Europe/Madrid", 20, SessionMode.Online, null, now),
            Draft("Passaporto digitale del prodotto", "Cosa chiede il regolamento ESPR e come prepararsi: dati, tracciabilità, fornitori.", "Digital product passport", "Ing. Marco Bianchi (Comocrea)", "IT", day.AddDays(21).AddHours(9), 2, "Europe/Rome", 30, SessionMode.Online, null, now),
            Draft("Teknik tekstillerde ihracat", "Yeni pazarlar, sertifikasyon ve kümelenme iş birlikleri.", "Export", "Ayşe Yılmaz (UTIB)", "TR", day.AddDays(28).AddHours(8), 2, "Europe/Istanbul", 25, SessionMode.Online, null, now),
            Draft("Klastrová excelence v praxi", "Jak řídit klastr: služby pro členy, financování a mezinárodní spolupráce.", "Cluster excellence", "Ing. Petr Novák (CLUTEX)", "CS", day.AddDays(35).AddHours(13), 3, "Europe/Prague", 12, SessionMode.OnSite, "CLUTEX, Liberec", now),
        ];
    }

    private static SessionDraft Draft(
        string title, string description, string topic, string trainer, string language, DateTimeOffset start, int hours,
        string timeZone, int capacity, SessionMode mode, string? location, DateTimeOffset now) =>
        new(title, description, topic, trainer, language, start, start.AddHours(hours), timeZone, capacity, mode, location,
            now, start.AddDays(-1), Organizer);
}
