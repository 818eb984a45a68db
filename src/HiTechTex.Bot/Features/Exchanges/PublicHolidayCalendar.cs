namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>A public holiday of a host country: its official name and its English one.</summary>
/// <param name="LocalName">The official name in the country's language; null for a day only configured (no name known).</param>
/// <param name="EnglishName">The English name; null like <paramref name="LocalName"/>.</param>
internal sealed record PublicHoliday(DateOnly Date, string Country, string? LocalName, string? EnglishName)
{
    /// <summary>The name a reader of <paramref name="language"/> sees: English for English, else the official one.</summary>
    public string? NameFor(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? EnglishName : LocalName;
}

/// <summary>
/// The one working-day calendar of the exchanges (domain.md: at least 3 working days): Monday to Friday, less the host
/// country's national public holidays — fixed-date ones, the Easter-based moveable ones where they are national, and
/// Turkey's religious holidays from a table — plus the days a partnership configures (<c>Exchanges:PublicHolidays:&lt;ISO&gt;</c>,
/// for a regional holiday or a moved one). Regional holidays (Catalonia, Valencia, Tuscany, …) are not national and are
/// left to the configuration. Half days (Turkey's arife afternoons, 28 October afternoon) stay working days.
/// </summary>
internal static class PublicHolidayCalendar
{
    /// <summary>
    /// The last year of <see cref="TurkishReligiousHolidays"/>. After it, Turkey's Ramazan and Kurban Bayramı are not
    /// known to the calendar (a lunar date cannot be computed to the day the Diyanet announces): only Turkey's fixed
    /// holidays and the configured <c>Exchanges:PublicHolidays:TR</c> days are holidays there — add the Diyanet's dates
    /// to the configuration (or to the table) before then.
    /// </summary>
    public const int TurkishReligiousTableLastYear = 2028;

    /// <summary>
    /// Turkey's religious holidays (Law 2429 on national and general holidays: Ramazan Bayramı 3 days, Kurban Bayramı 4
    /// days, each after a half-day arife which stays a working day), first day and length, from the Diyanet İşleri
    /// Başkanlığı's "Dini Günler" calendar (https://vakithesaplama.diyanet.gov.tr/dini_gunler.php?yil=2026, …?yil=2027,
    /// …?yil=2028). 2026: Ramazan Bayramı 20–22 March, Kurban Bayramı 27–30 May (the Diyanet's 2026 calendar as
    /// published in October 2025; checked again on 2026-11-28 against the national press's reports of that calendar,
    /// arife 19 March and 26 May). 2027 (9–11 March, 16–19 May) and 2028 (26–28 February, 5–8 May) follow the same
    /// calendar and the astronomical new moons, and were checked on 2026-11-28 against a second, independent table —
    /// the python-holidays project's Turkish Islamic holiday dates, taken from the Diyanet's Hijri-to-Gregorian
    /// conversion (https://vakithesaplama.diyanet.gov.tr/hicriden_miladiye.php): the same first days. Check them again
    /// against the Diyanet's "Dini Günler" page for those years when it is published, and correct this table (a day
    /// configured in <c>Exchanges:PublicHolidays:TR</c> only adds to it).
    /// </summary>
    private static readonly (DateOnly First, int Days, string Local, string English)[] TurkishReligiousHolidays =
    [
        (new(2026, 3, 20), 3, "Ramazan Bayramı", "Eid al-Fitr (Ramazan Bayramı)"),
        (new(2026, 5, 27), 4, "Kurban Bayramı", "Eid al-Adha (Kurban Bayramı)"),
        (new(2027, 3, 9), 3, "Ramazan Bayramı", "Eid al-Fitr (Ramazan Bayramı)"),
        (new(2027, 5, 16), 4, "Kurban Bayramı", "Eid al-Adha (Kurban Bayramı)"),
        (new(2028, 2, 26), 3, "Ramazan Bayramı", "Eid al-Fitr (Ramazan Bayramı)"),
        (new(2028, 5, 5), 4, "Kurban Bayramı", "Eid al-Adha (Kurban Bayramı)"),
    ];

    /// <summary>The national public holidays of <paramref name="country"/> (ISO code) in <paramref name="year"/>; none for another country.</summary>
    public static IReadOnlyList<PublicHoliday> National(string? country, int year)
    {
        var code = country?.Trim().ToUpperInvariant();
        var list = new List<PublicHoliday>();
        if (year is < 1 or > 9999 || code is null)
        {
            return list;
        }

        void Fixed(int month, int day, string local, string english) => list.Add(new(new DateOnly(year, month, day), code, local, english));
        void FromEaster(int offset, string local, string english)
        {
            var easter = Easter(year);
            if (easter.DayNumber + offset is var n && n >= DateOnly.MinValue.DayNumber && n <= DateOnly.MaxValue.DayNumber)
            {
                list.Add(new(DateOnly.FromDayNumber(n), code, local, english));
            }
        }

        switch (code)
        {
            case "PT":
                // Código do Trabalho, art. 234 (Lei 7/2009, as restored by Lei 8/2016).
                Fixed(1, 1, "Ano Novo", "New Year's Day");
                FromEaster(-2, "Sexta-feira Santa", "Good Friday");
                Fixed(4, 25, "Dia da Liberdade", "Freedom Day");
                Fixed(5, 1, "Dia do Trabalhador", "Labour Day");
                FromEaster(60, "Corpo de Deus", "Corpus Christi");
                Fixed(6, 10, "Dia de Portugal", "Portugal Day");
                Fixed(8, 15, "Assunção de Nossa Senhora", "Assumption Day");
                Fixed(10, 5, "Implantação da República", "Republic Day");
                Fixed(11, 1, "Dia de Todos os Santos", "All Saints' Day");
                Fixed(12, 1, "Restauração da Independência", "Restoration of Independence");
                Fixed(12, 8, "Imaculada Conceição", "Immaculate Conception");
                Fixed(12, 25, "Natal", "Christmas Day");
                break;
            case "ES":
                // Real Decreto 2001/1983, art. 45, and the yearly BOE resolution: the days every autonomous community keeps
                // (Holy Thursday, Easter Monday and the rest are regional: configure them).
                Fixed(1, 1, "Año Nuevo", "New Year's Day");
                Fixed(1, 6, "Epifanía del Señor", "Epiphany");
                FromEaster(-2, "Viernes Santo", "Good Friday");
                Fixed(5, 1, "Fiesta del Trabajo", "Labour Day");
                Fixed(8, 15, "Asunción de la Virgen", "Assumption Day");
                Fixed(10, 12, "Fiesta Nacional de España", "National Day of Spain");
                Fixed(11, 1, "Todos los Santos", "All Saints' Day");
                Fixed(12, 6, "Día de la Constitución Española", "Constitution Day");
                Fixed(12, 8, "Inmaculada Concepción", "Immaculate Conception");
                Fixed(12, 25, "Natividad del Señor", "Christmas Day");
                break;
            case "IT":
                // Legge 260/1949 and later laws; 4 October (San Francesco d'Assisi) a national holiday again from 1 January
                // 2026: legge 151/2025, Gazzetta Ufficiale n. 236/2025 (checked 2026-11-28).
                Fixed(1, 1, "Capodanno", "New Year's Day");
                Fixed(1, 6, "Epifania", "Epiphany");
                FromEaster(1, "Lunedì dell'Angelo", "Easter Monday");
                Fixed(4, 25, "Festa della Liberazione", "Liberation Day");
                Fixed(5, 1, "Festa del Lavoro", "Labour Day");
                Fixed(6, 2, "Festa della Repubblica", "Republic Day");
                Fixed(8, 15, "Ferragosto", "Assumption Day");
                if (year >= 2026)
                {
                    Fixed(10, 4, "San Francesco d'Assisi", "St Francis of Assisi Day");
                }

                Fixed(11, 1, "Ognissanti", "All Saints' Day");
                Fixed(12, 8, "Immacolata Concezione", "Immaculate Conception");
                Fixed(12, 25, "Natale", "Christmas Day");
                Fixed(12, 26, "Santo Stefano", "St Stephen's Day");
                break;
            case "TR":
                // Law 2429 (Ulusal Bayram ve Genel Tatiller Hakkında Kanun).
                Fixed(1, 1, "Yılbaşı", "New Year's Day");
                Fixed(4, 23, "Ulusal Egemenlik ve Çocuk Bayramı", "National Sovereignty and Children's Day");
                Fixed(5, 1, "Emek ve Dayanışma Günü", "Labour and Solidarity Day");
                Fixed(5, 19, "Atatürk'ü Anma, Gençlik ve Spor Bayramı", "Commemoration of Atatürk, Youth and Sports Day");
                if (year >= 2017)
                {
                    Fixed(7, 15, "Demokrasi ve Millî Birlik Günü", "Democracy and National Unity Day");
                }

                Fixed(8, 30, "Zafer Bayramı", "Victory Day");
                Fixed(10, 29, "Cumhuriyet Bayramı", "Republic Day");
                foreach (var (first, days, local, english) in TurkishReligiousHolidays)
                {
                    for (var i = 0; i < days; i++)
                    {
                        if (first.AddDays(i) is { } day && day.Year == year)
                        {
                            list.Add(new(day, code, local, english));
                        }
                    }
                }

                break;
            case "CZ":
                // Zákon 245/2000 Sb. (státní svátky, ostatní svátky).
                Fixed(1, 1, "Den obnovy samostatného českého státu", "Restoration Day of the Independent Czech State");
                FromEaster(-2, "Velký pátek", "Good Friday");
                FromEaster(1, "Velikonoční pondělí", "Easter Monday");
                Fixed(5, 1, "Svátek práce", "Labour Day");
                Fixed(5, 8, "Den vítězství", "Victory Day");
                Fixed(7, 5, "Den slovanských věrozvěstů Cyrila a Metoděje", "Saints Cyril and Methodius Day");
                Fixed(7, 6, "Den upálení mistra Jana Husa", "Jan Hus Day");
                Fixed(9, 28, "Den české státnosti", "Czech Statehood Day");
                Fixed(10, 28, "Den vzniku samostatného československého státu", "Independent Czechoslovak State Day");
                Fixed(11, 17, "Den boje za svobodu a demokracii", "Struggle for Freedom and Democracy Day");
                Fixed(12, 24, "Štědrý den", "Christmas Eve");
                Fixed(12, 25, "1. svátek vánoční", "Christmas Day");
                Fixed(12, 26, "2. svátek vánoční", "St Stephen's Day");
                break;
        }

        return list;
    }

    /// <summary>The holiday on <paramref name="day"/> in <paramref name="country"/> (a national one first, else a configured day); null on another day.</summary>
    public static PublicHoliday? On(string? country, DateOnly day, IReadOnlyCollection<DateOnly> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (country is null)
        {
            return null;
        }

        return National(country, day.Year).FirstOrDefault(h => h.Date == day)
            ?? (configured.Contains(day) ? new PublicHoliday(day, country.Trim().ToUpperInvariant(), null, null) : null);
    }

    /// <summary>Every holiday (national and configured) of <paramref name="country"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static IReadOnlyCollection<DateOnly> Between(string? country, DateOnly start, DateOnly end, IReadOnlyCollection<DateOnly> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var days = new HashSet<DateOnly>(configured.Where(d => d >= start && d <= end));
        if (country is null || end < start)
        {
            return days;
        }

        for (var year = start.Year; year <= end.Year; year++)
        {
            days.UnionWith(National(country, year).Select(h => h.Date).Where(d => d >= start && d <= end));
        }

        return days;
    }

    /// <summary>Monday to Friday and no holiday of <paramref name="country"/>.</summary>
    public static bool IsWorkingDay(string? country, DateOnly day, IReadOnlyCollection<DateOnly> configured) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && On(country, day, configured) is null;

    /// <summary>The first working day of <paramref name="country"/> after <paramref name="day"/> (the day itself at the end of the calendar).</summary>
    public static DateOnly NextWorkingDay(string? country, DateOnly day, IReadOnlyCollection<DateOnly> configured)
    {
        var next = day;
        while (next < DateOnly.MaxValue)
        {
            next = next.AddDays(1);
            if (IsWorkingDay(country, next, configured))
            {
                return next;
            }
        }

        return day;
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
