using System.Globalization;
using System.Text;
using Hadath.Corpus.Store;

namespace Hadath.Corpus.Export;

/// <summary>
/// GDELT 2.0-compatible tab-separated exports: the Events table (exactly the 61 columns of GDELT 2.0's event export,
/// one row per clustered event) and the Mentions table (its 16 columns, one row per mention). Actor country codes are
/// CAMEO/ISO alpha-3 as in GDELT; geography country codes are FIPS 10-4, as GDELT writes them. Hadath has no tone,
/// religion, ethnicity or actor geography: those columns are empty (tone 0).
/// </summary>
public static class GdeltExporter
{
    /// <summary>The 61 Events columns, in order.</summary>
    public static IReadOnlyList<string> EventColumns { get; } =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The 16 Mentions columns, in order.</summary>
    public static IReadOnlyList<string> MentionColumns { get; } =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
        "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
        "MentionDocTranslationInfo", "Extras",
    ];

    /// <summary>Organisation codes that GDELT puts in KnownGroupCode rather than CountryCode.</summary>
    private static readonly HashSet<string> KnownGroups = new(StringComparer.Ordinal) { "NATO", "UN", "EU", "AU", "ARL", "IGO", "OPEC", "ASEAN", "GCC", "WTO", "IMF", "WBK" };

    /// <summary>Writes events (no header, as GDELT's files); returns the number of rows.</summary>
    public static long WriteEvents(IEnumerable<EventRecord> events, TextWriter w, CountryCodes? codes = null, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(w);
        codes ??= CountryCodes.Default;
        if (header) w.Write(string.Join('\t', EventColumns) + "\n");
        long n = 0;
        var cols = new string[EventColumns.Count];
        foreach (var e in events)
        {
            EventRow(e, codes, cols);
            w.Write(string.Join('\t', cols));
            w.Write('\n');
            n++;
        }
        return n;
    }

    /// <summary>The 61 values of one event.</summary>
    public static string[] EventRow(EventRecord e, CountryCodes? codes = null)
    {
        var cols = new string[EventColumns.Count];
        EventRow(e, codes ?? CountryCodes.Default, cols);
        return cols;
    }

    private static void EventRow(EventRecord e, CountryCodes codes, string[] c)
    {
        Array.Fill(c, "");
        var date = Day(e.FirstDate ?? e.Date);
        c[0] = e.ExportId.ToString(CultureInfo.InvariantCulture);
        if (date is { } d)
        {
            c[1] = d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            c[2] = d.ToString("yyyyMM", CultureInfo.InvariantCulture);
            c[3] = d.Year.ToString(CultureInfo.InvariantCulture);
            var days = DateTime.IsLeapYear(d.Year) ? 366.0 : 365.0;
            c[4] = (d.Year + (d.DayOfYear - 1) / days).ToString("0.0000", CultureInfo.InvariantCulture);
        }
        Actor(e.Source, c, 5);
        Actor(e.Target, c, 15);
        c[25] = e.Sentence <= 1 ? "1" : "0"; // the lead (title or first sentence), as GDELT marks root events
        var cameo = e.Cameo ?? "";
        c[26] = cameo;
        c[27] = cameo.Length >= 3 ? cameo[..3] : cameo;
        c[28] = e.CameoRoot ?? (cameo.Length >= 2 ? cameo[..2] : "");
        c[29] = e.QuadClass?.ToString(CultureInfo.InvariantCulture) ?? "";
        c[30] = e.Goldstein?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        c[31] = e.Mentions.ToString(CultureInfo.InvariantCulture);
        c[32] = e.SourceCount.ToString(CultureInfo.InvariantCulture);
        c[33] = e.DocumentCount.ToString(CultureInfo.InvariantCulture);
        c[34] = "0";
        c[35] = "0";
        c[43] = "0";
        if (e.Location is { } loc)
        {
            var fips = codes.Fips(loc.Country);
            var cityLevel = !string.IsNullOrEmpty(loc.Name) && loc.Lat is not null && !string.Equals(loc.Name, loc.Country, StringComparison.OrdinalIgnoreCase);
            c[51] = fips is null && !cityLevel ? "0" : cityLevel ? (loc.Country == "USA" ? "3" : "4") : "1";
            c[52] = Clean(loc.Name ?? loc.Text);
            c[53] = fips ?? "";
            c[54] = fips ?? "";
            c[56] = loc.Lat?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
            c[57] = loc.Lon?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
            c[58] = Clean(loc.Name ?? loc.Text);
        }
        else c[51] = "0";
        c[59] = Timestamp(e.AddedDate);
        c[60] = Clean(e.Url ?? "");
    }

    private static void Actor(ActorRecord? a, string[] c, int at)
    {
        if (a is null) return;
        var country = a.Country?.ToUpperInvariant();
        var group = country is not null && KnownGroups.Contains(country) ? country : null;
        c[at] = Clean(a.Code ?? ((country ?? "") + (a.Sector ?? "")));
        c[at + 1] = Clean(a.Name ?? a.Text ?? "");
        c[at + 2] = group is null ? country ?? "" : "";
        c[at + 3] = group ?? "";
        c[at + 7] = Clean(a.Sector ?? "");
    }

    /// <summary>Writes mentions (no header, as GDELT's files); returns the number of rows.</summary>
    public static long WriteMentions(IEnumerable<MentionRecord> mentions, TextWriter w, bool header = false)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(w);
        if (header) w.Write(string.Join('\t', MentionColumns) + "\n");
        long n = 0;
        foreach (var m in mentions)
        {
            w.Write(string.Join('\t', MentionRow(m)));
            w.Write('\n');
            n++;
        }
        return n;
    }

    /// <summary>The 16 values of one mention.</summary>
    public static string[] MentionRow(MentionRecord m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var e = m.Event;
        var c = new string[MentionColumns.Count];
        c[0] = m.ClusterExportId.ToString(CultureInfo.InvariantCulture);
        c[1] = Day(m.EventDate ?? m.EffectiveDate) is { } ed ? ed.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000" : "";
        c[2] = Day(m.Document.Published) is { } pd ? pd.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000" : Timestamp(m.IngestedAt);
        c[3] = m.Document.Url is null ? "2" : "1";
        c[4] = Clean(m.DocumentSource ?? (Uri.TryCreate(m.Document.Url, UriKind.Absolute, out var u) ? u.Host : ""));
        c[5] = Clean(m.Document.Url ?? m.Document.ExternalId ?? m.Document.Id.ToString(CultureInfo.InvariantCulture));
        c[6] = (e.Sentence + 1).ToString(CultureInfo.InvariantCulture);
        c[7] = (e.Source?.Start ?? -1).ToString(CultureInfo.InvariantCulture);
        c[8] = (e.Target?.Start ?? -1).ToString(CultureInfo.InvariantCulture);
        c[9] = (e.Anchor?.Start ?? -1).ToString(CultureInfo.InvariantCulture);
        c[10] = "1";
        c[11] = Math.Round(Math.Clamp(e.Confidence, 0, 1) * 100).ToString(CultureInfo.InvariantCulture);
        c[12] = m.DocumentLength.ToString(CultureInfo.InvariantCulture);
        c[13] = "0";
        c[14] = "srclc:ara";
        c[15] = "";
        return c;
    }

    private static DateOnly? Day(string? s) =>
        s is { Length: >= 10 } && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Timestamp(string? iso) =>
        iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : "";

    /// <summary>A value safe in a TSV cell: tabs and line breaks become spaces.</summary>
    public static string Clean(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.AsSpan().IndexOfAny('\t', '\n', '\r') < 0) return s;
        var sb = new StringBuilder(s);
        sb.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        return sb.ToString();
    }
}
