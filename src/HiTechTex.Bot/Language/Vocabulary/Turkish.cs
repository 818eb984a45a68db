namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Turkish
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "tr",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["bul", "bulmak", "bulun", "ortak*", "partner*", "ariyorum", "arıyoruz", "isbirli*", "ihtiyac*"],
            [Intent.ApplyForExchange] = ["clusterxchange=2", "basvur*", "degisim*", "mobilite", "personel degisimi=3", "ziyaret", "staj*"],
            [Intent.RegisterForCoaching] = ["kaydol*", "kayit", "koclu*", "egitim*", "mentorluk", "atolye", "webinar*", "oturum ayirt=3", "oturum", "oturumlar"],
            [Intent.MyApplications] = ["basvurularim=2.5", "basvurularimi=2.5", "basvurum=2.5", "basvurumu=2.5", "basvuru durumu=3", "basvuruyu geri cek=3", "basvuruyu iptal et=3"],
            [Intent.MySessions] = ["oturumlarim=2", "oturumlarimi=2", "oturumum=2", "seanslarim=2", "kayitlarim=2", "koclugum=2", "sonraki oturum=2", "kaydim=2", "kaydimi=2", "rezervasyonum=2", "rezervasyonumu=2"],
            [Intent.Help] = ["yardim", "ne yapabilirsin=3"],
            [Intent.Cancel] = ["iptal=2", "vazgec=2", "dur=2", "bosver=2", "cikis=2"],
        },
        ["ben", "benim", "bana", "biz", "bizim", "bir", "ve", "veya", "ile", "icin", "da", "de", "ta", "te", "bu", "su", "o", "mi", "mu",
         "istiyorum", "istiyoruz", "lutfen", "var", "yok", "nerede", "hangi", "goster", "merhaba", "tesekkurler", "tesekkur",
         "nasilsin", "nasil", "gibi", "olan", "sirket", "firma", "hakkinda", "konusunda", "ya", "icinde", "ki", "ne", "bir",
         "daki", "deki", "taki", "teki", "dan", "den", "tan", "ten", "leri", "lari", "ler", "lar", "nin", "nun", "yi", "yu", "ye",
         "ilgili", "olarak", "uzerine", "uzerinde", "alaninda", "daha", "cok", "her", "hem", "ama", "ancak"],
        ["ocak|oca", "subat|sub", "mart|mar", "nisan|nis", "mayis|may", "haziran|haz", "temmuz|tem", "agustos|agu",
         "eylul|eyl", "ekim|eki", "kasim|kas", "aralik|ara"],
        ["bugun"],
        ["yarin"],
        ["obur gun", "ertesi gun"],
        ["hakkinda", "konusunda"],
        TopicMarkerFollowsTopic: true,
        Declines: ["istemiyorum", "istemem", "gerek yok", "ihtiyacim yok", "ilgilenmiyorum"],
        Travel: ["gitmek", "gitmek istiyorum", "gidip", "gidecegim", "seyahat*", "bir hafta gecirmek=2", "gecirmek", "gecirmek istiyorum", "gecirmeyi"],
        Hosting: ["agirla*", "ev sahipligi*", "misafir etmek", "ziyaretci kabul*", "stajyer kabul*"],
        CancelAlone: ["dur", "cikis"],
        Bookings: ["rezervasyon*", "kayit*", "kaydi*", "kaydim*", "oturum*", "seans*", "egitim*", "atolye*", "webinar*", "koclu*"],
        Applications: ["basvuru*", "degisim*", "ziyaret*", "staj*"],
        Weekdays: ["pazartesi", "carsamba", "persembe", "cuma", "cumartesi", "pazartesi gunu", "sali gunu", "carsamba gunu", "persembe gunu", "cuma gunu", "cumartesi gunu", "pazar gunu"],
        // Turkish beside Czech when typed without diacritics: the verb and case endings.
        Detection: ["istiyorum=2", "istiyoruz=2", "bir=1.5", "ve=1.5", "icin=2", "nedir=2", "zaman=1.5", "ne=0.5", "var=1.5", "mi=0.5",
                    "ayinda=2", "gitmek=1", "ile=1.5", "gibi=1.5", "kadar=1.5", "lazim=1.5", "en=0.3",
                    "pazartesi=1.5", "sali=1", "carsamba=1.5", "persembe=1.5", "cuma=1.5", "cumartesi=1.5", "pazar=1", "iyi=1.5", "aksamlar=1.5", "gunaydin=2"],
        DetectionEndings: ["iyor=1.5", "iyorum=1.5", "iyoruz=1.5", "yorum=1.5", "mak=1", "mek=1", "lar=1", "ler=1", "lari=1", "leri=1",
                           "larimi=1.5", "lerimi=1.5", "imiz=1", "iniz=1", "lik=1", "lugu=1", "ligi=1", "sel=0.5"],
        // The dotted capital İ is Turkish alone ("TEKSTİL FİRMASI"), but begins a name other languages write too ("visit
        // İzmir"): less than the ı of a Turkish word.
        DetectionLetters: ["ı=3", "ğ=3", "ş=3", "İ=2", "ö=1.5", "ü=1.5", "ç=1"]);
}
