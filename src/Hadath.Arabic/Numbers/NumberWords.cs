using System.Collections.Frozen;

namespace Hadath.Arabic;

/// <summary>The grammatical role of a number word in a compound.</summary>
internal enum NumberWordClass : byte
{
    /// <summary>واحد … تسعة (and ثلاث … تسع): 1–9.</summary>
    Unit,
    /// <summary>عشر/عشرة: 10 alone, +10 after a unit (ثلاثة عشر).</summary>
    Ten,
    /// <summary>أحد/إحدى/اثنا/اثني: only before عشر (أحد عشر = 11).</summary>
    TeenPrefix,
    /// <summary>عشرون … تسعون.</summary>
    Tens,
    /// <summary>مئة, مئتان, ثلاثمئة … تسعمئة.</summary>
    Hundreds,
    /// <summary>ألف, مليون, مليار: multiply what precedes.</summary>
    Scale,
    /// <summary>ألفان, مليونين: two of the scale.</summary>
    ScaleDual,
    /// <summary>آلاف, ملايين, مليارات: a scale after 3–10 (ثلاثة آلاف); alone they are vague (آلاف المحتجين).</summary>
    ScalePlural,
    /// <summary>نصف, ربع, ثلث.</summary>
    Fraction,
    /// <summary>الأول … العاشر, أول, ثالث: ordinal units.</summary>
    OrdinalUnit,
    /// <summary>الحادي/الحادية: ordinal 1 only in compounds (الحادي عشر, الحادي والعشرين).</summary>
    OrdinalTeenPrefix,
    /// <summary>A dual noun of the closed list (ساعتين, يومين, مرتين): Value 2, Noun the singular.</summary>
    DualNoun,
}

/// <summary>A number word: its value, class, whether it carries the article, and for dual nouns the singular.</summary>
internal readonly record struct NumberWord(double Value, NumberWordClass Class, bool Definite = false, string? Singular = null);

/// <summary>
/// The closed class of Arabic number words, in <see cref="NormalizationOptions.Lexical"/> form (أ إ آ → ا, ى → ي,
/// no diacritics; ة kept). Built once; immutable.
/// </summary>
internal static class NumberWords
{
    public static FrozenDictionary<string, NumberWord> Table { get; } = Build();
    public static FrozenDictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = Table.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, NumberWord> Build()
    {
        var d = new Dictionary<string, NumberWord>(StringComparer.Ordinal);
        void Add(NumberWordClass cls, double value, bool withArticle, params string[] words)
        {
            foreach (var w in words)
            {
                d[w] = new NumberWord(value, cls);
                if (withArticle) d["ال" + w] = new NumberWord(value, cls, Definite: true);
            }
        }

        Add(NumberWordClass.Unit, 1, true, "واحد", "واحدة");
        Add(NumberWordClass.Unit, 2, false, "اثنان", "اثنين", "اثنتان", "اثنتين");
        Add(NumberWordClass.Unit, 3, true, "ثلاث", "ثلاثة");
        Add(NumberWordClass.Unit, 4, true, "اربع", "اربعة");
        Add(NumberWordClass.Unit, 5, true, "خمس", "خمسة");
        Add(NumberWordClass.Unit, 6, true, "ست", "ستة");
        Add(NumberWordClass.Unit, 7, true, "سبع", "سبعة");
        Add(NumberWordClass.Unit, 8, true, "ثمان", "ثماني", "ثمانية");
        Add(NumberWordClass.Unit, 9, true, "تسع", "تسعة");
        Add(NumberWordClass.Ten, 10, true, "عشر", "عشرة");
        Add(NumberWordClass.TeenPrefix, 1, true, "احد", "احدي");
        Add(NumberWordClass.TeenPrefix, 2, true, "اثنا", "اثني", "اثنتا", "اثنتي");
        Add(NumberWordClass.Tens, 20, true, "عشرون", "عشرين");
        Add(NumberWordClass.Tens, 30, true, "ثلاثون", "ثلاثين");
        Add(NumberWordClass.Tens, 40, true, "اربعون", "اربعين");
        Add(NumberWordClass.Tens, 50, true, "خمسون", "خمسين");
        Add(NumberWordClass.Tens, 60, true, "ستون", "ستين");
        Add(NumberWordClass.Tens, 70, true, "سبعون", "سبعين");
        Add(NumberWordClass.Tens, 80, true, "ثمانون", "ثمانين");
        Add(NumberWordClass.Tens, 90, true, "تسعون", "تسعين");
        Add(NumberWordClass.Hundreds, 100, true, "مئة", "مائة", "مئه", "مائه", "مية");
        Add(NumberWordClass.Hundreds, 200, true, "مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي");
        string[] hundredStems = ["ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "ثماني", "تسع"];
        int[] hundredValues = [3, 4, 5, 6, 7, 8, 8, 9];
        for (var i = 0; i < hundredStems.Length; i++)
            Add(NumberWordClass.Hundreds, hundredValues[i] * 100, true, hundredStems[i] + "مئة", hundredStems[i] + "مائة");
        Add(NumberWordClass.Scale, 1e3, false, "الف", "الفا");
        Add(NumberWordClass.ScaleDual, 2e3, false, "الفان", "الفين", "الفي");
        Add(NumberWordClass.ScalePlural, 1e3, false, "الاف");
        Add(NumberWordClass.Scale, 1e6, false, "مليون", "مليونا");
        Add(NumberWordClass.ScaleDual, 2e6, false, "مليونان", "مليونين", "مليوني");
        Add(NumberWordClass.ScalePlural, 1e6, false, "ملايين");
        Add(NumberWordClass.Scale, 1e9, false, "مليار", "مليارا", "بليون");
        Add(NumberWordClass.ScaleDual, 2e9, false, "ملياران", "مليارين", "ملياري");
        Add(NumberWordClass.ScalePlural, 1e9, false, "مليارات", "بلايين");
        Add(NumberWordClass.Scale, 1e12, false, "تريليون", "ترليون");
        Add(NumberWordClass.ScalePlural, 1e12, false, "تريليونات", "ترليونات");
        Add(NumberWordClass.Fraction, 0.5, false, "نصف");
        Add(NumberWordClass.Fraction, 0.25, false, "ربع");
        Add(NumberWordClass.Fraction, 1.0 / 3, false, "ثلث");
        Add(NumberWordClass.Fraction, 2.0 / 3, false, "ثلثا", "ثلثي");

        // ordinals: definite masculine and feminine, and the indefinite masculine (ثالث أكبر, أول زيارة)
        string[][] ordinals =
        [
            ["اول", "الاولي"], ["ثاني", "الثانية"], ["ثالث", "الثالثة"], ["رابع", "الرابعة"], ["خامس", "الخامسة"],
            ["سادس", "السادسة"], ["سابع", "السابعة"], ["ثامن", "الثامنة"], ["تاسع", "التاسعة"], ["عاشر", "العاشرة"],
        ];
        for (var i = 0; i < ordinals.Length; i++)
        {
            var masc = ordinals[i][0];
            d[masc] = new NumberWord(i + 1, NumberWordClass.OrdinalUnit);
            d["ال" + masc] = new NumberWord(i + 1, NumberWordClass.OrdinalUnit, Definite: true);
            d[ordinals[i][1]] = new NumberWord(i + 1, NumberWordClass.OrdinalUnit, Definite: true);
        }
        d["الثان"] = new NumberWord(2, NumberWordClass.OrdinalUnit, Definite: true);
        d["الحادي"] = new NumberWord(1, NumberWordClass.OrdinalTeenPrefix, Definite: true);
        d["الحادية"] = new NumberWord(1, NumberWordClass.OrdinalTeenPrefix, Definite: true);
        d["حادي"] = new NumberWord(1, NumberWordClass.OrdinalTeenPrefix);

        // dual nouns of the closed list: time units and counting words
        (string Singular, string[] Duals)[] duals =
        [
            ("ساعة", ["ساعتين", "ساعتان"]), ("دقيقة", ["دقيقتين", "دقيقتان"]), ("ثانية", ["ثانيتين", "ثانيتان"]),
            ("يوم", ["يومين", "يومان"]), ("ليلة", ["ليلتين", "ليلتان"]), ("اسبوع", ["اسبوعين", "اسبوعان"]),
            ("شهر", ["شهرين", "شهران"]), ("عام", ["عامين", "عامان"]), ("سنة", ["سنتين", "سنتان"]),
            ("عقد", ["عقدين", "عقدان"]), ("قرن", ["قرنين", "قرنان"]), ("مرة", ["مرتين", "مرتان"]),
        ];
        foreach (var (singular, forms) in duals)
            foreach (var f in forms)
            {
                d[f] = new NumberWord(2, NumberWordClass.DualNoun, Singular: singular);
                d["ال" + f] = new NumberWord(2, NumberWordClass.DualNoun, Definite: true, Singular: singular);
            }
        // "الاثنين" is Monday and "الأحد" Sunday far more often than "the two"/"the one": not numbers.
        d.Remove("الاحد");
        d.Remove("الاحدي");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
