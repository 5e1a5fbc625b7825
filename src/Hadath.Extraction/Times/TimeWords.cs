using System.Collections.Frozen;
using Hadath.Arabic;

namespace Hadath.Extraction.Times;

/// <summary>Units of time that durations and relative expressions count.</summary>
public enum TimeUnit : byte { Second, Minute, Hour, Day, Night, Week, Month, Year, Decade, Century }

/// <summary>The grammatical role of a closed-class time word.</summary>
internal enum TimeWordKind : byte
{
    Today, Yesterday, Tomorrow, Tonight,
    /// <summary>الآن, حاليا: the present (value left null).</summary>
    Now,
    /// <summary>يوميا, أسبوعيا, شهريا, سنويا: a set (every day …).</summary>
    Every,
    /// <summary>صباح, مساء, ظهر, فجر, ليلة: a part of the day before a day expression.</summary>
    DayPart,
    /// <summary>صباحا, مساء, ليلا: a part of the day after a clock time.</summary>
    DayPartAdverb,
    /// <summary>A unit noun (ساعة, أيام, الأسبوع, السنتين); see <see cref="TimeWord.Unit"/> and <see cref="TimeWord.Form"/>.</summary>
    Unit,
    /// <summary>الماضي, المنصرم, الفائت, الأخيرة.</summary>
    Past,
    /// <summary>المقبل, القادم.</summary>
    Next,
    /// <summary>الحالي, الجاري.</summary>
    Current,
    /// <summary>التالي, السابق: relative to the narrative, not the anchor.</summary>
    Following,
    /// <summary>هذا, هذه before a unit or season.</summary>
    This,
    /// <summary>A preposition that introduces a time (في, خلال, منذ, حتى, لمدة).</summary>
    Prep,
    /// <summary>مطلع, نهاية, أواخر, منتصف: a part of a period; introduces a bare الأسبوع/الشهر/العام.</summary>
    Boundary,
    /// <summary>يوم before a weekday or a date.</summary>
    DayWord,
    /// <summary>شهر before a month name.</summary>
    MonthWord,
    /// <summary>عام, سنة, العام before a year number.</summary>
    YearWord,
    /// <summary>الساعة before a clock time.</summary>
    Clock,
    /// <summary>هـ, هجري: the year is a Hijri year.</summary>
    HijriMarker,
    /// <summary>م, ميلادي: the year is a Gregorian year.</summary>
    GregorianMarker,
    /// <summary>تقريبا after a duration.</summary>
    Approximately,
    /// <summary>الفترة, المرحلة: a vague period.</summary>
    Period,
}

/// <summary>How a unit noun is inflected.</summary>
internal enum UnitForm : byte { Singular, Plural, Dual }

internal readonly record struct TimeWord(TimeWordKind Kind, TimeUnit Unit = default, UnitForm Form = UnitForm.Singular, bool Definite = false);

/// <summary>The closed class of Arabic time words, in <see cref="NormalizationOptions.Lexical"/> form. Built once; immutable.</summary>
internal static class TimeWords
{
    public static FrozenDictionary<string, TimeWord> Table { get; } = Build();
    public static FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = Table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>News outlets whose name ends in اليوم (المصري اليوم, روسيا اليوم): that اليوم is not a time.</summary>
    public static FrozenSet<string> OutletsBeforeToday { get; } = FrozenSet.ToFrozenSet(
        ["المصري", "روسيا", "اخبار", "الجزائر", "فلسطين", "الخليج", "الوطن"], StringComparer.Ordinal);

    /// <summary>Adjectives that make اليوم a named day, not today (اليوم العالمي, اليوم الوطني).</summary>
    public static FrozenSet<string> NamedDayAdjectives { get; } = FrozenSet.ToFrozenSet(
        ["العالمي", "الوطني", "الدولي", "المفتوح", "الدراسي", "الموعود", "السابع", "الاخر", "الكامل", "بيوم", "التالي", "السابق"], StringComparer.Ordinal);

    private static FrozenDictionary<string, TimeWord> Build()
    {
        var d = new Dictionary<string, TimeWord>(StringComparer.Ordinal);
        void Add(TimeWordKind kind, params string[] words)
        {
            foreach (var w in words) d[Normalizer.Normalize(w)] = new TimeWord(kind);
        }
        void Unit(TimeUnit unit, UnitForm form, bool article, params string[] words)
        {
            foreach (var w in words)
            {
                var n = Normalizer.Normalize(w);
                d[n] = new TimeWord(TimeWordKind.Unit, unit, form, Definite: n.StartsWith("ال", StringComparison.Ordinal));
                if (article) d["ال" + n] = new TimeWord(TimeWordKind.Unit, unit, form, Definite: true);
            }
        }

        Add(TimeWordKind.Today, "اليوم");
        Add(TimeWordKind.Yesterday, "أمس", "الأمس", "امبارح", "مبارح", "البارحة");
        Add(TimeWordKind.Tomorrow, "غدا", "غد", "الغد", "بكرا", "بكرة");
        Add(TimeWordKind.Now, "الآن", "حاليا", "حالياً");
        Add(TimeWordKind.Every, "يوميا", "أسبوعيا", "شهريا", "سنويا", "ساعيا");
        Add(TimeWordKind.Tonight, "الليلة");
        Add(TimeWordKind.DayPart, "صباح", "صبيحة", "مساء", "ظهر", "ظهيرة", "عصر", "فجر", "ليلة", "ليل", "ضحى");
        Add(TimeWordKind.DayPartAdverb, "صباحا", "مساءا", "ظهرا", "عصرا", "فجرا", "ليلا", "ص", "م");
        Unit(TimeUnit.Second, UnitForm.Singular, true, "ثانية");
        Unit(TimeUnit.Second, UnitForm.Plural, true, "ثوان", "ثواني");
        Unit(TimeUnit.Minute, UnitForm.Singular, true, "دقيقة");
        Unit(TimeUnit.Minute, UnitForm.Plural, true, "دقائق");
        Unit(TimeUnit.Hour, UnitForm.Singular, false, "ساعة");
        Unit(TimeUnit.Hour, UnitForm.Plural, true, "ساعات");
        Unit(TimeUnit.Day, UnitForm.Singular, false, "يوم", "يوما");
        Unit(TimeUnit.Day, UnitForm.Plural, true, "أيام");
        Unit(TimeUnit.Night, UnitForm.Plural, true, "ليال", "ليالي");
        Unit(TimeUnit.Week, UnitForm.Singular, true, "أسبوع", "أسبوعا");
        Unit(TimeUnit.Week, UnitForm.Plural, true, "أسابيع");
        Unit(TimeUnit.Month, UnitForm.Singular, true, "شهرا");
        Unit(TimeUnit.Month, UnitForm.Singular, false, "الشهر");
        Unit(TimeUnit.Month, UnitForm.Plural, true, "أشهر", "شهور");
        Unit(TimeUnit.Year, UnitForm.Singular, false, "عاما", "سنة", "العام", "السنة");
        Unit(TimeUnit.Year, UnitForm.Plural, true, "أعوام", "سنوات", "سنين");
        Unit(TimeUnit.Decade, UnitForm.Singular, false, "عقد", "عقدا", "العقد");
        Unit(TimeUnit.Decade, UnitForm.Plural, true, "عقود");
        Unit(TimeUnit.Century, UnitForm.Singular, false, "قرن", "قرنا", "القرن");
        Unit(TimeUnit.Century, UnitForm.Plural, true, "قرون");
        // duals
        Unit(TimeUnit.Second, UnitForm.Dual, true, "ثانيتين", "ثانيتان");
        Unit(TimeUnit.Minute, UnitForm.Dual, true, "دقيقتين", "دقيقتان");
        Unit(TimeUnit.Hour, UnitForm.Dual, true, "ساعتين", "ساعتان");
        Unit(TimeUnit.Day, UnitForm.Dual, true, "يومين", "يومان");
        Unit(TimeUnit.Night, UnitForm.Dual, true, "ليلتين", "ليلتان");
        Unit(TimeUnit.Week, UnitForm.Dual, true, "أسبوعين", "أسبوعان");
        Unit(TimeUnit.Month, UnitForm.Dual, true, "شهرين", "شهران");
        Unit(TimeUnit.Year, UnitForm.Dual, true, "عامين", "عامان", "سنتين", "سنتان");
        Unit(TimeUnit.Decade, UnitForm.Dual, true, "عقدين", "عقدان");
        Unit(TimeUnit.Century, UnitForm.Dual, true, "قرنين", "قرنان");
        // words that are both a unit and something else: read by the parser in context
        Add(TimeWordKind.DayWord, "يوم");
        Add(TimeWordKind.MonthWord, "شهر");
        Add(TimeWordKind.YearWord, "عام", "عامي", "سنة", "سنتي", "العام", "السنة");
        Add(TimeWordKind.Clock, "الساعة");
        Add(TimeWordKind.Past, "الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "الماضيين", "الماضيتين",
            "الماضيان", "الماضيتان", "الأخير", "الأخيرة", "الأخيرين", "الأخيرتين", "المنقضي", "المنقضية");
        Add(TimeWordKind.Next, "المقبل", "المقبلة", "القادم", "القادمة", "المقبلين", "المقبلتين", "القادمين", "القادمتين");
        Add(TimeWordKind.Current, "الحالي", "الحالية", "الجاري", "الجارية");
        Add(TimeWordKind.Following, "التالي", "التالية", "السابق", "السابقة", "اللاحق");
        Add(TimeWordKind.This, "هذا", "هذه");
        Add(TimeWordKind.Prep, "في", "خلال", "منذ", "حتى", "قبل", "بعد", "عقب", "إثر", "لمدة", "مدة", "طيلة", "طوال", "بحلول",
            "قرابة", "نحو", "حوالي", "زهاء", "على", "عند", "إلى", "الى", "بتاريخ", "تاريخ");
        Add(TimeWordKind.Boundary, "مطلع", "بداية", "بدايات", "أوائل", "أواخر", "نهاية", "نهايات", "منتصف", "أواسط", "مستهل", "ختام");
        Add(TimeWordKind.HijriMarker, "هـ", "ه", "هجري", "هجرية", "للهجرة", "الهجري", "الهجرية");
        Add(TimeWordKind.GregorianMarker, "م", "ميلادي", "ميلادية", "للميلاد", "الميلادي", "الميلادية");
        Add(TimeWordKind.Approximately, "تقريبا", "تقريباً");
        Add(TimeWordKind.Period, "الفترة", "المرحلة", "الآونة", "الأيام", "الأسابيع", "الأشهر", "الشهور", "السنوات", "الأعوام");
        // the plural units stay units; the Period entries above for them are overwritten below
        Unit(TimeUnit.Day, UnitForm.Plural, false, "الأيام");
        Unit(TimeUnit.Week, UnitForm.Plural, false, "الأسابيع");
        Unit(TimeUnit.Month, UnitForm.Plural, false, "الأشهر", "الشهور");
        Unit(TimeUnit.Year, UnitForm.Plural, false, "السنوات", "الأعوام");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Days per unit (for ISO durations) and the ISO 8601 designator.</summary>
    public static string IsoDuration(TimeUnit unit, double count)
    {
        static string F(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        switch (unit)
        {
            case TimeUnit.Second: return $"PT{F(count)}S";
            case TimeUnit.Minute: return $"PT{F(count)}M";
            case TimeUnit.Hour:
                if (count != Math.Floor(count) && count * 60 == Math.Floor(count * 60))
                {
                    var h = (int)Math.Floor(count);
                    var m = (int)Math.Round((count - h) * 60);
                    return h > 0 ? $"PT{h}H{m}M" : $"PT{m}M";
                }
                return $"PT{F(count)}H";
            case TimeUnit.Day or TimeUnit.Night: return $"P{F(count)}D";
            case TimeUnit.Week: return $"P{F(count)}W";
            case TimeUnit.Month: return $"P{F(count)}M";
            case TimeUnit.Year: return $"P{F(count)}Y";
            case TimeUnit.Decade: return $"P{F(count * 10)}Y";
            default: return $"P{F(count * 100)}Y";
        }
    }
}
