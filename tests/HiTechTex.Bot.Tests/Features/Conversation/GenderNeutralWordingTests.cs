using System.Reflection;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The bot does not know whether the person it writes to is a man or a woman, so in Portuguese, Spanish, Italian and
/// Czech it never addresses or describes them with a gendered form: "Bem-vindo", "Posso tratá-lo", "¡Encantado!",
/// "sei iscritto", "jste přihlášeni" and "Rád vás poznávám" were in the texts. (Turkish and English are neutral.)
/// Words about third parties ("the programme coordinator", "the cluster's managers") are nouns of a role, not the
/// user, and are not in the lists below. An adjective after "is" is looked for in the masculine only ("está inscrito",
/// "sei iscritto": the form a text falls back to when it forgets the reader may be a woman); the feminine is also what
/// things are ("a exportação está pronta", "la bienvenida").
/// </summary>
public sealed partial class GenderNeutralWordingTests
{
    private static readonly Dictionary<string, Regex> Gendered = new()
    {
        ["pt"] = Words(@"bem-vind[oa]s?", @"obrigad[oa]s?", @"encantad[oa]", @"tratá-l[oa]", @"aviso-[oa]", @"pô-l[oa]",
            @"(está|estiver|fica|ficou|foi) (inscrit|registad|convidad|interessad|pront|segur|avisad|notificad)os?",
            @"como (gestor|gestora|coordenador|coordenadora)", @"n[ãa]o [oa] tem registad[oa]", @"sozinh[oa]",
            @"para ser apresentad[oa]", @"é o únic[oa]"),
        ["es"] = Words(@"(?<!la )bienvenid[oa]s?", @"encantad[oa]", @"(está|esté|queda) (inscrit|registrad|invitad|interesad|list|segur)os?",
            @"como (gestor|gestora|coordinador|coordinadora)", @"le tiene registrad[oa]", @"registrad[oa] como tal", @"es el únic[oa]"),
        ["it"] = Words(@"benvenut[oa]", @"(sei|sia|sarai|eri) (iscritt|registrat|invitat|interessat|pront|sicur|stat)[oi]",
            @"come (gestore|coordinatore|coordinatrice)", @"registrat[oa] come tale", @"tu per prim[oa]",
            @"essere presentat[oa]", @"sei l'unic[oa]"),
        ["cs"] = Words(@"rád(a)? vás", @"vítán[a]?", @"jste (přihlášen|pozván|registrován|zaregistrován)[aiy]?",
            @"jste si jist[ýáí]?", @"jste jedin[ýá]", @"jako (manažer|manažerka|koordinátor|koordinátorka)",
            // A past tense agreeing with "vy" in the plural ("Požádali jste", "jste ho napsali", "byste chtěli").
            @"\p{L}{3,}li jste", @"(jste|byste)( \p{L}+){0,3} \p{L}{3,}li", @"být představen[aiy]?"),
    };

    private static Regex Words(params string[] forms) =>
        new(@"(?<![\p{L}-])(" + string.Join("|", forms) + @")(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static TheoryData<string> Languages => new() { "pt", "es", "it", "cs" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Texts_AddressTheUserWithoutAGenderedForm(string language)
    {
        var texts = new object[]
        {
            ConversationTexts.For(language), PartnerTexts.Resolve(language), ExchangeTexts.Resolve(language), CoachingTexts.Resolve(language),
        };
        Assert.All(texts, t => Assert.Equal(language, LanguageOf(t)));

        var found = texts.SelectMany(t => StringsOf(t).Select(p => (Where: t.GetType().Name + "." + p.Name, p.Text)))
            .Where(p => Gendered[language].IsMatch(p.Text))
            .Select(p => p.Where + ": " + Gendered[language].Match(p.Text).Value)
            .ToList();

        Assert.Empty(found);
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "privacy", "pt" }, { "privacy", "es" }, { "privacy", "it" }, { "privacy", "cs" },
        { "terms", "pt" }, { "terms", "es" }, { "terms", "it" }, { "terms", "cs" },
        { "home", "pt" }, { "home", "es" }, { "home", "it" }, { "home", "cs" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void InformationPage_AddressesTheReaderWithoutAGenderedForm(string page, string language)
    {
        // privacy.it.html said "le sessioni a cui sei iscritto", privacy.cs.html "komu jste chtěli být představeni".
        var assembly = typeof(ConversationTexts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".{page}.{language}.html", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var text = Whitespace().Replace(reader.ReadToEnd(), " ");

        Assert.Empty(Gendered[language].Matches(text).Select(m => m.Value));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TeamsManifestTranslation_AddressesTheUserWithoutAGenderedForm(string language)
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryRoot(), "manifest", language + ".json"));

        Assert.Empty(Gendered[language].Matches(manifest).Select(m => m.Value));
    }

    [Theory]
    [InlineData("pt", "Bem-vindo ao bot")]
    [InlineData("pt", "Posso tratá-lo por Ana?")]
    [InlineData("pt", "as sessões em que está inscrito")]
    [InlineData("pt", "o gabinete do programa pode pô-lo em contacto")]
    [InlineData("es", "¡Encantado! ¿Le llamo Ana?")]
    [InlineData("es", "el bot no le tiene registrado como tal")]
    [InlineData("es", "¡Bienvenido!")]
    [InlineData("it", "le sessioni a cui sei iscritto")]
    [InlineData("it", "Benvenuto nel bot")]
    [InlineData("cs", "Rád vás poznávám!")]
    [InlineData("cs", "setkání, na která jste přihlášeni")]
    [InlineData("cs", "Požádali jste mě o to")]
    [InlineData("pt", "É o único aprovador configurado")]
    [InlineData("it", "Sei l'unico approvatore configurato")]
    public void GenderedForms_AreFound(string language, string text)
    {
        // The lists catch the forms that were in the texts (else the scans above would prove nothing).
        Assert.Matches(Gendered[language], text);
    }

    [Theory]
    [InlineData("pt", "Fale com o coordenador do projeto.")]
    [InlineData("pt", "A exportação está pronta.")]
    [InlineData("es", "Le damos la bienvenida al bot.")]
    [InlineData("es", "Consulte al coordinador del proyecto.")]
    [InlineData("it", "Chiedi al coordinatore del progetto. Sono stato aggiornato.")]
    [InlineData("cs", "Chcete-li ji odebrat, požádejte správce.")]
    public void WordsAboutOthersOrTheBot_AreNotFound(string language, string text)
    {
        Assert.DoesNotMatch(Gendered[language], text);
    }

    private static string? LanguageOf(object texts) =>
        texts.GetType().GetProperty("Language")?.GetValue(texts) as string;

    private static IEnumerable<(string Name, string Text)> StringsOf(object texts) =>
        texts.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Text: (string?)p.GetValue(texts) ?? ""));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "manifest")) && File.Exists(Path.Combine(directory.FullName, "manifest", "manifest.json")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository's manifest folder was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
