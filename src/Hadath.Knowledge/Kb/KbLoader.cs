using System.Globalization;
using Hadath.Arabic;
using Hadath.Core.Data;
using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge.Kb;

/// <summary>Reads and validates the knowledge-base files line by line, collecting diagnostics with file:line.</summary>
internal sealed class KbLoader
{
    /// <summary>Organisation and CAMEO group codes that may stand where a country code goes (IMG international militarized
    /// group, INT international, KUR the Kurds).</summary>
    public static readonly string[] OrganisationCodes = ["UN", "NATO", "EU", "AU", "ARL", "GCC", "OIC", "IGO", "ASEAN", "OPEC", "SCO", "BRICS", "ECOWAS", "IMG", "INT", "KUR"];

    private static readonly string[] NisbaSuffixes = ["", "ة", "ان", "ين", "ون", "ات", "تان", "تين"];

    private readonly IReadOnlyDictionary<string, string>? _overrides;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _givenKeys = new(StringComparer.Ordinal);

    public KbLoader(IReadOnlyDictionary<string, string>? overrides) => _overrides = overrides;

    public List<KbDiagnostic> Diagnostics { get; } = [];
    public List<KbEntry> Entries { get; } = [];
    public List<Agent> Agents { get; } = [];
    public List<Demonym> Demonyms { get; } = [];
    public List<string> GivenNames { get; } = [];
    public NameTrie.Builder Trie { get; } = new();
    public HashSet<string> CountryCodes { get; } = new(OrganisationCodes, StringComparer.Ordinal);

    public void LoadAll()
    {
        Read("kb/given-names.tsv", 2, GivenNameLine);
        Read("kb/countries.tsv", 8, Country);
        Read("kb/places.tsv", 9, Place);
        Read("kb/landmarks.tsv", 8, Landmark);
        Read("kb/organisations.tsv", 6, Organisation);
        Read("kb/clubs.tsv", 4, Club);
        Read("kb/people.tsv", 5, Person);
        Read("kb/demonyms.tsv", 2, DemonymLine);
        Read("kb/agents.tsv", 5, AgentLine);
    }

    private sealed class LineError(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }

    private static LineError Bad(string message) => new(ErrorCode.LexiconLine, message);

    private void Read(string file, int minColumns, Action<string, int, string[]> parse)
    {
        IEnumerable<(int Line, string Text)> lines;
        try
        {
            lines = _overrides is not null && _overrides.TryGetValue(file, out var text)
                ? Split(text)
                : DataFiles.ReadLines(typeof(KbLoader).Assembly, file).ToList();
        }
        catch (HadathException e)
        {
            Diagnostics.Add(new KbDiagnostic(e.Code, file, 0, e.Message));
            return;
        }
        foreach (var (n, raw) in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            var cols = line.Split('\t');
            try
            {
                if (cols.Length < minColumns)
                    throw Bad($"expected {minColumns} tab-separated columns, found {cols.Length}");
                for (var i = 0; i < cols.Length; i++) cols[i] = cols[i].Trim();
                parse(file, n, cols);
            }
            catch (LineError e)
            {
                Diagnostics.Add(new KbDiagnostic(e.Code, file, n, e.Message));
            }
        }
    }

    private static IEnumerable<(int, string)> Split(string text)
    {
        var n = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) yield return (++n, line);
    }

    // ---------------------------------------------------------------- files

    private void Country(string file, int n, string[] c)
    {
        var iso3 = Code(c[0], "iso3", 3);
        var cameo = c[2].Length == 0 ? iso3 : Code(c[2], "cameo", 3);
        var names = Names(c[7]);
        CountryCodes.Add(iso3);
        CountryCodes.Add(cameo);
        var entry = Add(new KbEntry
        {
            Id = "country:" + iso3, Kind = KbKind.Country, Type = KbType.Gpe, Name = Required(c[3], "name_en"), ArabicName = names[0].Name,
            Country = iso3, Cameo = cameo, Lat = Coordinate(c[5], "lat", 90), Lon = Coordinate(c[6], "lon", 180), Source = $"{file}:{n}",
        });
        if (!Arab(iso3)) AddSpellingVariants(names);
        AddNames(names, entry);
    }

    private void Place(string file, int n, string[] c)
    {
        var country = Known(c[2]);
        var names = Names(c[8]);
        if (!long.TryParse(c[4], NumberStyles.None, CultureInfo.InvariantCulture, out var pop)) throw Bad($"population '{c[4]}' is not a whole number");
        var tier = c[7] switch { "1" => 1, "2" => 2, "3" => 3, _ => throw Bad($"tier '{c[7]}' must be 1, 2 or 3") };
        var entry = Add(new KbEntry
        {
            Id = "geo:" + Required(c[0], "geonameid"), Kind = KbKind.Place, Type = KbType.Gpe, Name = Required(c[1], "name_en"), ArabicName = names[0].Name,
            Country = country, Lat = Coordinate(c[5], "lat", 90), Lon = Coordinate(c[6], "lon", 180), Population = pop,
            IsCapital = c[3] == "PPLC", Tier = tier, Source = $"{file}:{n}",
        });
        if (!Arab(country) && tier == 1) AddSpellingVariants(names);
        AddNames(names, entry);
    }

    private void Landmark(string file, int n, string[] c)
    {
        var type = Type(c[2]);
        var names = Names(c[7]);
        var entry = Add(new KbEntry
        {
            Id = Id(c[0]), Kind = KbKind.Landmark, Type = type, Name = Required(c[1], "name_en"), ArabicName = names[0].Name,
            Country = c[3] == "-" ? null : Known(c[3]), Sector = c[4] == "-" ? null : Sector(c[4]),
            Lat = Coordinate(c[5], "lat", 90), Lon = Coordinate(c[6], "lon", 180), Source = $"{file}:{n}",
        });
        AddNames(names, entry);
    }

    private void Organisation(string file, int n, string[] c)
    {
        var names = Names(c[5]);
        var entry = Add(new KbEntry
        {
            Id = Id(c[0]), Kind = KbKind.Organisation, Type = Type(c[2]), Name = Required(c[1], "name_en"), ArabicName = names[0].Name,
            Country = c[3] == "-" ? null : Known(c[3]), Sector = c[4] == "-" ? null : Sector(c[4]), Source = $"{file}:{n}",
        });
        if (entry.Country is { Length: 3 } && !Arab(entry.Country)) AddSpellingVariants(names);
        AddNames(names, entry);
    }

    private void Club(string file, int n, string[] c)
    {
        var names = Names(c[3]);
        var entry = Add(new KbEntry
        {
            Id = Id(c[0]), Kind = KbKind.Organisation, Type = KbType.Org, Name = Required(c[1], "name_en"), ArabicName = names[0].Name,
            Country = Known(c[2]), Sector = "BUS", IsClub = true, Source = $"{file}:{n}",
        });
        if (!Arab(entry.Country)) AddSpellingVariants(names);
        AddNames(names, entry);
    }

    private void Person(string file, int n, string[] c)
    {
        var names = Names(c[3]);
        var roles = new List<KbRole>();
        foreach (var part in c[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            roles.Add(Role(part));
        var entry = Add(new KbEntry
        {
            Id = Id(c[0]), Kind = KbKind.Person, Type = KbType.Person, Name = Required(c[1], "name_en"), ArabicName = names[0].Name,
            Country = Known(c[2]), Roles = roles, Source = $"{file}:{n}",
        });
        // the family name alone is a weak variant (شابس after غرانت شابس, or after a title) unless listed otherwise
        var listed = new HashSet<string>(names.Select(x => x.Name), StringComparer.Ordinal);
        foreach (var (name, _) in names.ToList())
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[^1].Length >= 3 && !words[^2].StartsWith("ابن", StringComparison.Ordinal) && words[^2] is not ("بن" or "أبو" or "ابو" or "عبد" or "آل" or "دا" or "دي" or "دو" or "فان" or "فون")
                && !_givenKeys.Contains(NameKey.Tokens(words[^1])[0]) && listed.Add(words[^1]))
                names.Add((words[^1], IsDictionaryWord(words[^1])));
        }
        if (!Arab(entry.Country)) AddSpellingVariants(names);
        AddNames(names, entry);
    }

    /// <summary>A family name that is also a dictionary word (الشرع, رئيسي) is weak; others (سولانا, كرزاي) are not.</summary>
    private static bool IsDictionaryWord(string word)
    {
        var key = Normalizer.Normalize(word, NormalizationOptions.Lexical);
        var c = ArabicLexicon.Default.Lookup(key);
        if (c == WordClass.None && key.Length > 4 && key.StartsWith("ال", StringComparison.Ordinal)) c = ArabicLexicon.Default.Lookup(key.AsSpan(2));
        return (c & (WordClass.Noun | WordClass.Verb | WordClass.Function)) != 0 && (c & WordClass.Name) == 0;
    }

    /// <summary>Countries whose names are Arabic: their people's and places' names are not respelt.</summary>
    private static readonly HashSet<string> ArabCountries = new(StringComparer.Ordinal)
    {
        "ARE", "BHR", "DZA", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MAR", "OMN", "PSE", "QAT", "SAU", "SDN", "SYR", "TUN", "YEM", "MRT", "SOM", "DJI", "COM", "ARL",
    };

    private static bool Arab(string? country) => country is not null && ArabCountries.Contains(country);

    /// <summary>
    /// Foreign names are written with غ or ج for the same sound (هونغ كونغ / هونج كونج, غوتيريش / جوتيريش): every name
    /// with one of them also gets the other spelling.
    /// </summary>
    private static void AddSpellingVariants(List<(string Name, bool Weak)> names)
    {
        var have = new HashSet<string>(names.Select(x => x.Name), StringComparer.Ordinal);
        foreach (var (name, weak) in names.ToList())
        {
            if (name.Contains('غ', StringComparison.Ordinal) && have.Add(name.Replace('غ', 'ج'))) names.Add((name.Replace('غ', 'ج'), weak));
            else if (name.Contains('ج', StringComparison.Ordinal) && have.Add(name.Replace('ج', 'غ'))) names.Add((name.Replace('ج', 'غ'), weak));
        }
    }

    private void DemonymLine(string file, int n, string[] c)
    {
        var country = Known(c[0]);
        var bases = c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (bases.Length == 0) throw Bad("no nisba given");
        var forms = new List<string>();
        foreach (var b in bases)
        {
            var words = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var suffix in NisbaSuffixes)
            {
                forms.Add(string.Join(' ', words.Select(w => w + suffix)));
                forms.Add(string.Join(' ', words.Select(w => "ال" + w + suffix)));
            }
            // the indefinite accusative (قتل 13 عراقيا), unless it spells a name already (روسيا, تركيا, كوريا)
            if (words.Length == 1 && !Trie.Contains(NameKey.Tokens(words[0] + "ا"))) forms.Add(words[0] + "ا");
        }
        if (c.Length > 2)
            foreach (var x in c[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                forms.Add(x);
                forms.Add("ال" + x);
            }
        foreach (var f in forms)
        {
            var index = Demonyms.Count;
            Demonyms.Add(new Demonym(f, country, $"{file}:{n}"));
            Trie.Add(NameKey.Tokens(f), new NameRef(NameKind.Demonym, index, false));
        }
    }

    private void AgentLine(string file, int n, string[] c)
    {
        var forms = c[0].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (forms.Length == 0) throw Bad("no form given");
        var isOrg = c[1] switch { "PER" or "LOC" or "FAC" => false, "ORG" => true, _ => throw Bad($"kind '{c[1]}' must be PER, ORG, LOC or FAC") };
        var isPlace = c[1] is "LOC" or "FAC";
        var sector = c[2] == "-" ? null : Sector(c[2]);
        var role = c[3] == "-" ? null : c[3];
        var flags = AgentFlags.None;
        foreach (var f in c[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            flags |= f switch
            {
                "title" => AgentFlags.Title, "inst" => AgentFlags.Institution, "bare" => AgentFlags.Bare, "weak" => AgentFlags.Weak, "head" => AgentFlags.Head,
                "cue" => AgentFlags.Cue, "owner" => AgentFlags.Owner, "local" => AgentFlags.Local,
                _ => throw Bad($"unknown flag '{f}' (title, inst, bare, weak, head, cue, owner, local)"),
            };
        foreach (var form in forms)
        {
            var index = Agents.Count;
            Agents.Add(new Agent(form, isOrg, sector, role, flags, $"{file}:{n}") { IsPlace = isPlace, IsFacility = c[1] == "FAC" });
            Trie.Add(NameKey.Tokens(form), new NameRef(NameKind.Agent, index, false));
            if (!form.Contains(' ', StringComparison.Ordinal) && !form.StartsWith("ال", StringComparison.Ordinal))
                Trie.Add(NameKey.Tokens("ال" + form), new NameRef(NameKind.Agent, index, false));
        }
    }

    private void GivenNameLine(string file, int n, string[] c)
    {
        var cls = c[0] switch { "ar" => 0, "foreign" => 1, "weak" => 2, _ => throw Bad($"class '{c[0]}' must be ar, foreign or weak") };
        foreach (var name in c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var keys = NameKey.Tokens(name);
            if (keys.Count != 1) throw Bad($"given name '{name}' must be one word");
            GivenNames.Add(name);
            _givenKeys.Add(keys[0]);
            Trie.Add(keys, new NameRef(NameKind.GivenName, cls, cls == 2));
        }
    }

    // ---------------------------------------------------------------- fields

    private KbEntry Add(KbEntry entry)
    {
        if (!_ids.Add(entry.Id)) throw Bad($"duplicate id '{entry.Id}'");
        Entries.Add(entry);
        return entry;
    }

    private void AddNames(List<(string Name, bool Weak)> names, KbEntry entry)
    {
        var index = Entries.Count - 1;
        foreach (var (name, weak) in names)
            if (!Trie.Add(NameKey.Tokens(name), new NameRef(NameKind.Entry, index, weak)))
                throw Bad($"name '{name}' has no letters");
    }

    private static List<(string Name, bool Weak)> Names(string column)
    {
        var list = new List<(string, bool)>();
        foreach (var raw in column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var weak = raw[0] == '?';
            var name = weak ? raw[1..].Trim() : raw;
            if (name.Length == 0) throw Bad("empty name after '?'");
            list.Add((name, weak));
        }
        if (list.Count == 0) throw Bad("no Arabic name given");
        return list;
    }

    private static string Required(string value, string column) =>
        value.Length > 0 ? value : throw Bad($"column {column} is empty");

    private static string Id(string value)
    {
        if (value.Length == 0) throw Bad("id is empty");
        foreach (var ch in value)
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.' or ':'))
                throw Bad($"id '{value}' may hold only ASCII letters, digits and _ - . :");
        return value;
    }

    private static string Code(string value, string column, int length)
    {
        if (value.Length != length || !value.All(char.IsAsciiLetterUpper)) throw Bad($"{column} '{value}' is not {length} capital letters");
        return value;
    }

    private static string Sector(string value)
    {
        if (value.Length != 3 || !value.All(char.IsAsciiLetterUpper)) throw Bad($"sector '{value}' is not a CAMEO agent code (3 capital letters)");
        return value;
    }

    private string Known(string value)
    {
        if (!CountryCodes.Contains(value))
            throw new LineError(ErrorCode.LexiconUnknownCode, $"unknown country code '{value}' (not in kb/countries.tsv nor an organisation code)");
        return value;
    }

    private static KbType Type(string value) => value switch
    {
        "PERSON" => KbType.Person, "ORG" => KbType.Org, "GPE" => KbType.Gpe, "LOC" => KbType.Loc, "FAC" => KbType.Fac, "NORP" => KbType.Norp,
        _ => throw Bad($"type '{value}' must be PERSON, ORG, GPE, LOC, FAC or NORP"),
    };

    private static double? Coordinate(string value, string column, double limit)
    {
        if (value.Length == 0) return null;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || Math.Abs(v) > limit)
            throw Bad($"{column} '{value}' is not a number within ±{limit}");
        return v;
    }

    private KbRole Role(string text)
    {
        // COUNTRY/SECTOR[/role] [FROM..TO]
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? text : text[..space];
        var dates = space < 0 ? "" : text[(space + 1)..].Trim();
        var parts = head.Split('/');
        if (parts.Length is < 2 or > 3) throw Bad($"role '{text}' is not COUNTRY/SECTOR[/role] [FROM..TO]");
        var country = Known(parts[0]);
        var sector = Sector(parts[1]);
        var role = parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null;
        DateOnly? from = null, to = null;
        if (dates.Length > 0)
        {
            var dots = dates.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0) throw Bad($"role dates '{dates}' are not FROM..TO (either may be empty)");
            from = Date(dates[..dots]);
            to = Date(dates[(dots + 2)..]);
            if (from is { } f && to is { } t && t < f) throw Bad($"role '{text}' ends before it starts");
        }
        return new KbRole(country, sector, role, from, to);
    }

    private static DateOnly? Date(string s)
    {
        s = s.Trim();
        if (s.Length == 0) return null;
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw Bad($"date '{s}' is not YYYY-MM-DD");
    }
}
