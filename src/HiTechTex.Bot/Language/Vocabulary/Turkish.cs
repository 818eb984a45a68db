namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Turkish
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "tr",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["bul", "bulmak", "bulun", "ortak*", "partner*", "ariyorum", "arıyoruz", "isbirli*", "ihtiyac*"],
            [Intent.ApplyForExchange] = ["basvur*", "degisim*", "mobilite", "personel degisimi=3", "ziyaret", "staj*"],
            [Intent.RegisterForCoaching] = ["kaydol*", "kayit", "koclu*", "egitim*", "mentorluk", "atolye", "oturum ayirt=3", "oturum", "oturumlar"],
            [Intent.MyApplications] = ["basvurularim=2.5", "basvurularimi=2.5", "basvurum=2.5", "basvurumu=2.5", "basvuru durumu=3", "basvuruyu geri cek=3", "basvuruyu iptal et=3"],
            [Intent.MySessions] = ["oturumlarim=2", "oturumlarimi=2", "oturumum=2", "seanslarim=2", "kayitlarim=2", "koclugum=2", "sonraki oturum=2", "kaydim=2", "kaydimi=2", "rezervasyonum=2", "rezervasyonumu=2"],
            [Intent.Help] = ["yardim", "ne yapabilirsin=3"],
            [Intent.Cancel] = ["iptal=2", "vazgec=2", "dur=2", "bosver=2", "cikis=2"],
        },
        ["ben", "benim", "bana", "biz", "bizim", "bir", "ve", "veya", "ile", "icin", "da", "de", "ta", "te", "bu", "su", "o", "mi", "mu",
         "istiyorum", "istiyoruz", "lutfen", "var", "yok", "nerede", "hangi", "goster", "merhaba", "tesekkurler", "tesekkur",
         "nasilsin", "nasil", "gibi", "olan", "sirket", "firma", "hakkinda", "konusunda", "ya", "icinde", "ki", "ne", "bir",
         "daki", "deki", "taki", "teki", "dan", "den", "tan", "ten", "leri", "lari", "ler", "lar", "nin", "nun", "yi", "yu", "ye"],
        ["ocak|oca", "subat|sub", "mart|mar", "nisan|nis", "mayis|may", "haziran|haz", "temmuz|tem", "agustos|agu",
         "eylul|eyl", "ekim|eki", "kasim|kas", "aralik|ara"],
        ["bugun"],
        ["yarin"],
        ["obur gun", "ertesi gun"],
        ["hakkinda", "konusunda"],
        TopicMarkerFollowsTopic: true,
        Declines: ["istemiyorum", "istemem", "gerek yok", "ihtiyacim yok", "ilgilenmiyorum"],
        Travel: ["gitmek", "gitmek istiyorum", "gidip", "gidecegim", "seyahat*", "bir hafta gecirmek=2"],
        Hosting: ["agirla*", "ev sahipligi*", "misafir etmek", "ziyaretci kabul*", "stajyer kabul*"],
        CancelAlone: ["dur", "cikis"]);
}
