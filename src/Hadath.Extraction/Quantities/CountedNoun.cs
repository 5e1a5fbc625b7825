using System.Collections.Frozen;
using Hadath.Arabic;
using Hadath.Extraction.Times;

namespace Hadath.Extraction.Quantities;

/// <summary>
/// The unit of a counted noun: a time unit as an English name (ساعات → hour), a currency as its ISO code (دولار → USD),
/// a percent sign or بالمئة as "percent", otherwise the noun in the singular, normalised (شخصا → شخص, متظاهرين →
/// متظاهر, قتلى → قتيل, طائرات → طائرة). Pure functions over normalised words.
/// </summary>
internal static class CountedNoun
{
    private static readonly FrozenDictionary<string, string> BrokenPlurals = Normalized(new Dictionary<string, string>
    {
        ["قتلى"] = "قتيل", ["جرحى"] = "جريح", ["أسرى"] = "أسير", ["شهداء"] = "شهيد", ["ضحايا"] = "ضحية", ["أشخاص"] = "شخص",
        ["جنود"] = "جندي", ["أطفال"] = "طفل", ["رجال"] = "رجل", ["نساء"] = "امرأة", ["دول"] = "دولة", ["مدن"] = "مدينة",
        ["قرى"] = "قرية", ["منازل"] = "منزل", ["بيوت"] = "بيت", ["صواريخ"] = "صاروخ", ["سفن"] = "سفينة", ["عناصر"] = "عنصر",
        ["ضباط"] = "ضابط", ["أعضاء"] = "عضو", ["نواب"] = "نائب", ["وزراء"] = "وزير", ["أفراد"] = "فرد", ["عمال"] = "عامل",
        ["طلاب"] = "طالب", ["مدارس"] = "مدرسة", ["مبان"] = "مبنى", ["مباني"] = "مبنى", ["أميال"] = "ميل", ["أطنان"] = "طن",
        ["مقاعد"] = "مقعد", ["أصوات"] = "صوت", ["مناطق"] = "منطقة", ["مواقع"] = "موقع", ["أحياء"] = "حي", ["شوارع"] = "شارع",
        ["مساجد"] = "مسجد", ["كنائس"] = "كنيسة", ["رهائن"] = "رهينة", ["معتقلين"] = "معتقل", ["أسلحة"] = "سلاح", ["قذائف"] = "قذيفة",
        ["غارات"] = "غارة", ["مسيرات"] = "مسيرة", ["عائلات"] = "عائلة", ["أسر"] = "أسرة", ["مرات"] = "مرة", ["براميل"] = "برميل",
        ["ملايين"] = "مليون", ["آلاف"] = "ألف", ["مرشحين"] = "مرشح", ["دولارات"] = "دولار", ["مليارات"] = "مليار",
    });

    /// <summary>Masculine nouns whose plural is -ات (كيلومترات): the singular takes no ة.</summary>
    private static readonly FrozenSet<string> MasculineAtPlurals = FrozenSet.ToFrozenSet(
        ["كيلومتر", "متر", "لتر", "غرام", "كيلوغرام", "ميغاواط", "دولار", "مليار", "باص", "هكتار", "جنيه", "ميل", "طن"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Currencies = Normalized(new Dictionary<string, string>
    {
        ["دولار"] = "USD", ["يورو"] = "EUR", ["إسترليني"] = "GBP", ["استرليني"] = "GBP", ["ين"] = "JPY", ["يوان"] = "CNY", ["روبل"] = "RUB",
    });

    /// <summary>Adjectives after دولار that name another dollar (دولار كندي): then the unit stays دولار.</summary>
    private static readonly FrozenSet<string> OtherDollars = FrozenSet.ToFrozenSet(
        ["كندي", "استرالي", "سنغافوري", "تايواني", "نيوزيلندي", "زيمبابوي", "ليبيري", "هونغ"], StringComparer.Ordinal);

    /// <summary>Words after a number that are not what it counts.</summary>
    private static readonly FrozenSet<string> NotNouns = FrozenSet.ToFrozenSet(Normalized(
        ["في", "من", "إلى", "الى", "على", "عن", "مع", "أو", "و", "ثم", "قد", "لقد", "أن", "إن", "ما", "لا", "لم", "لن", "هو", "هي", "هم",
         "كما", "بين", "حتى", "منذ", "بعد", "قبل", "خلال", "نحو", "حوالي", "فقط", "أيضا", "عام", "سنة", "الذي", "التي", "الذين",
         "وفق", "حسب", "بحسب", "بنحو", "لكن", "بل", "إذ", "إذا", "كل", "أي", "هذا", "هذه", "ذلك", "تلك", "عند", "لدى", "ضد",
         "زائد", "ناقص", "مقابل", "أمام"]),
        StringComparer.Ordinal);

    /// <summary>True when a normalised word can be what a number counts (an indefinite noun, not a particle).</summary>
    public static bool CanCount(string normalized) =>
        normalized.Length >= 2 && !NotNouns.Contains(normalized) && !normalized.StartsWith("ال", StringComparison.Ordinal);

    /// <summary>The unit for a counted noun (normalised); <paramref name="next"/> is the word after it, if any.</summary>
    public static string Unit(string noun, string? next)
    {
        ArgumentNullException.ThrowIfNull(noun);
        var time = TimeUnitName(noun);
        if (time is not null) return time;
        var singular = Singular(noun);
        if (Currencies.TryGetValue(singular, out var code))
            return code == "USD" && next is not null && OtherDollars.Contains(next) ? singular : code;
        if (singular == "جنيه" && next is "استرليني" or "إسترليني") return "GBP";
        return singular;
    }

    /// <summary>hour, minute, second, day, night, week, month, year, decade, century — or null.</summary>
    public static string? TimeUnitName(string noun)
    {
        if (TimeWords.Lookup.TryGetValue(noun, out var w) && w.Kind == TimeWordKind.Unit) return Name(w.Unit);
        return noun switch
        {
            "يوم" => "day",
            "شهر" => "month",
            "عام" or "سنة" or "سنتين" => "year",
            "ليلة" => "night",
            _ => null,
        };
    }

    public static string Name(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => "second",
        TimeUnit.Minute => "minute",
        TimeUnit.Hour => "hour",
        TimeUnit.Day => "day",
        TimeUnit.Night => "night",
        TimeUnit.Week => "week",
        TimeUnit.Month => "month",
        TimeUnit.Year => "year",
        TimeUnit.Decade => "decade",
        _ => "century",
    };

    /// <summary>The singular of a counted noun (normalised in, normalised out).</summary>
    public static string Singular(string noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        if (BrokenPlurals.TryGetValue(noun, out var s)) return s;
        // accusative tanwin after 11–99: شخصا, جنديا, قتيلا
        if (noun.Length >= 4 && noun[^1] == 'ا' && noun[^2] != 'ا')
        {
            var bare = noun[..^1];
            return BrokenPlurals.TryGetValue(bare, out s) ? s : bare;
        }
        if (noun.Length >= 5 && noun.EndsWith("ات", StringComparison.Ordinal))
        {
            var stem = noun[..^2];
            return MasculineAtPlurals.Contains(stem) ? stem : stem + "ة";
        }
        if (noun.Length >= 5 && (noun.EndsWith("ين", StringComparison.Ordinal) || noun.EndsWith("ون", StringComparison.Ordinal)))
            return noun[..^2];
        return noun;
    }

    private static FrozenDictionary<string, string> Normalized(Dictionary<string, string> d)
    {
        var n = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in d) n[Normalizer.Normalize(k)] = Normalizer.Normalize(v);
        return n.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Normalized(IEnumerable<string> words) => words.Select(w => Normalizer.Normalize(w));
}
