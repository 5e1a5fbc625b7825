using Hadath.Extraction.Common;

namespace Hadath.Extraction.Quotes;

/// <summary>
/// The words that introduce speech in Arabic news: speech verbs in their common inflections, attribution
/// prepositions (بحسب, وفقا لـ, نقلا عن), statement nouns (في بيان, في تصريح) and complementizers (أن, إن).
/// </summary>
internal static class SpeechLexicon
{
    // perfect 3ms, imperfect 3ms
    private static readonly (string Perfect, string Imperfect)[] Verbs =
    [
        ("قال", "يقول"), ("أضاف", "يضيف"), ("أوضح", "يوضح"), ("أكد", "يؤكد"), ("أعلن", "يعلن"), ("أفاد", "يفيد"),
        ("ذكر", "يذكر"), ("صرح", "يصرح"), ("تابع", "يتابع"), ("حذر", "يحذر"), ("كتب", "يكتب"), ("أشار", "يشير"),
        ("لفت", "يلفت"), ("شدد", "يشدد"), ("اعتبر", "يعتبر"), ("رأى", "يرى"), ("نفى", "ينفي"), ("زعم", "يزعم"),
        ("ادعى", "يدعي"), ("أبلغ", "يبلغ"), ("أعرب", "يعرب"), ("كشف", "يكشف"), ("بين", "يبين"), ("أورد", "يورد"),
        ("نقل", "ينقل"), ("أردف", "يردف"), ("استطرد", "يستطرد"), ("علق", "يعلق"), ("أقر", "يقر"), ("اعترف", "يعترف"),
        ("رجح", "يرجح"), ("وصف", "يصف"), ("استدرك", "يستدرك"), ("أجاب", "يجيب"), ("تساءل", "يتساءل"), ("نوه", "ينوه"),
        ("لاحظ", "يلاحظ"), ("أعلنت", "تعلن"), ("أفادت", "تفيد"), ("أكدت", "تؤكد"), ("قالت", "تقول"), ("ختم", "يختم"),
        ("توقع", "يتوقع"), ("أبدى", "يبدي"), ("أفصح", "يفصح"), ("روى", "يروي"), ("أوردت", "تورد"), ("شرح", "يشرح"),
    ];

    /// <summary>Speech verbs in perfect and imperfect, singular, dual and plural, masculine and feminine.</summary>
    public static WordSet SpeechVerbs { get; } = new(Verbs.SelectMany(v => Inflect(v.Perfect, v.Imperfect)));

    /// <summary>Active participles that add speech to the clause's subject (مضيفا أن, مشيرا إلى أن, مؤكدين أن).</summary>
    public static WordSet Participles { get; } = new(new[]
    {
        "مضيف", "مشير", "مؤكد", "موضح", "محذر", "معتبر", "لافت", "مشدد", "مبين", "منوه", "معرب", "قائل", "متابع", "مستدرك", "مردف", "معلن", "كاشف", "متهم", "زاعم", "مدعي", "واصف", "مرجح", "متسائل", "داعي",
    }.SelectMany(p => new[] { p + "ا", p + "اً", p + "ة", p + "ين", p + "ان", p + "ون", p + "تين", p + "تان" }));

    /// <summary>Any word that can introduce speech: verbs and participles.</summary>
    public static bool IsCue(Hadath.Arabic.ArabicText text, int token) => SpeechVerbs.Matches(text, token) || Participles.Matches(text, token) || IsImpersonalCue(text, token);

    /// <summary>جاء/ورد في بيان …: an impersonal cue, the source follows (صادر عن X).</summary>
    public static bool IsImpersonalCue(Hadath.Arabic.ArabicText text, int token) =>
        Impersonal.Matches(text, token) && token + 2 < text.Tokens.Count && text.Stems[token + 1] == "في" && StatementNouns.MatchesLoose(text, token + 2);

    private static WordSet Impersonal { get; } = WordSet.Of("جاء", "ورد", "وجاء", "وورد");

    /// <summary>Verbs whose speech can be a بـ phrase (أفاد بانتهاء, صرح بأن, أقر بـ).</summary>
    public static WordSet BiVerbs { get; } = new(new[] { ("أفاد", "يفيد"), ("صرح", "يصرح"), ("أقر", "يقر"), ("اعترف", "يعترف"), ("نوه", "ينوه") }.SelectMany(v => Inflect(v.Item1, v.Item2)));

    /// <summary>Verbs whose speech can be an عن phrase (أعلن عن, كشف عن).</summary>
    public static WordSet AnVerbs { get; } = new(new[] { ("أعلن", "يعلن"), ("كشف", "يكشف") }.SelectMany(v => Inflect(v.Item1, v.Item2)));

    /// <summary>Nouns that introduce a quoted name (وكالة "سبوتنيك", قناة "القاهرة الإخبارية", عملية "…").</summary>
    public static WordSet NameIntroducers { get; } = WordSet.Of("وكالة", "لوكالة", "قناة", "لقناة", "صحيفة", "لصحيفة", "موقع", "لموقع", "مركز", "مؤسسة", "شركة",
        "منظمة", "حركة", "حزب", "جماعة", "جبهة", "تنظيم", "عملية", "مجلة", "إذاعة", "تلفزيون", "شبكة", "برنامج", "مبادرة", "مشروع", "اسم", "باسم",
        "يسمى", "تسمى", "المسمى", "المسماة", "المعروف", "المعروفة", "بعنوان", "عنوان", "كتاب", "فيلم", "هاشتاغ", "وسم", "منصة", "تطبيق", "مجموعة", "ائتلاف", "تحالف");

    /// <summary>Labels that precede a colon without being a speaker (كتب:, المصدر:, اقرأ أيضا:).</summary>
    public static WordSet Labels { get; } = WordSet.Of("كتب", "كتبت", "المصدر", "مصدر", "تاريخ", "الكاتب", "المحرر", "صورة", "اقرأ", "أيضا", "الموضوع", "عنوان",
        "المكان", "الزمان", "ملاحظة", "تنويه", "تحديث", "عاجل", "شاهد", "فيديو", "متابعات", "وكالات", "المراسل", "مراسل", "بقلم", "إعداد", "ترجمة", "الوسوم", "وسوم");

    /// <summary>Verbs that continue the last speaker's words when they have no subject of their own.</summary>
    public static WordSet ContinuationVerbs { get; } = new(new[] { ("أضاف", "يضيف"), ("تابع", "يتابع"), ("أردف", "يردف"), ("استطرد", "يستطرد"), ("أوضح", "يوضح"), ("ختم", "يختم"), ("استدرك", "يستدرك") }
        .SelectMany(v => Inflect(v.Item1, v.Item2)));

    /// <summary>Attribution prepositions: the source follows, the reported clause precedes or follows.</summary>
    public static WordSet Attribution { get; } = WordSet.Of("بحسب", "حسب", "حسبما", "بحسبما", "وفقما", "وفقا", "وفقاً", "وفق", "نقلا", "نقلاً", "طبقا", "طبقاً", "استنادا", "استناداً");

    /// <summary>Statement nouns (في بيان, في تصريح): they sit between a speaker and the words.</summary>
    public static WordSet StatementNouns { get; } = WordSet.Of("بيان", "بيانا", "تصريح", "تصريحات", "تصريحا", "حديث", "حديثه", "مقابلة", "تغريدة",
        "منشور", "كلمة", "خطاب", "مؤتمر", "إيجاز", "رسالة", "تقرير", "تقييم", "حوار", "لقاء");

    /// <summary>Complementizers that open reported speech (أن, إن, بأن, with a pronoun: أنه, إنها…).</summary>
    public static WordSet Complementizers { get; } = WordSet.Of("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أنهما", "إنهما",
        "أننا", "إننا", "أنني", "إنني", "بأنه", "بأنها", "بأنهم", "لأن");

    /// <summary>Words between a verb and its subject that are not the subject (time adverbs and fillers).</summary>
    public static WordSet Fillers { get; } = WordSet.Of("أيضا", "أيضاً", "كذلك", "اليوم", "أمس", "الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء",
        "الخميس", "الجمعة", "السبت", "يوم", "مساء", "صباح", "ظهر", "فجر", "ليلة", "الليلة", "الماضي", "الماضية", "قد", "في", "وقت", "سابق", "لاحق",
        "من", "جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها", "ذلك", "هذا", "الأسبوع", "الشهر", "العام", "غدا");

    /// <summary>Time words that end a speaker's noun phrase (قال ترامب يوم الثلاثاء).</summary>
    public static WordSet TimeWords { get; } = WordSet.Of("يوم", "اليوم", "أمس", "الأسبوع", "الشهر", "العام", "صباح", "مساء", "الماضي", "غدا",
        "الليلة", "الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "خلال", "قبل", "بعد");

    /// <summary>Subordinators that end a reported clause when preceded by a comma.</summary>
    public static WordSet ClauseBreakers { get; } = WordSet.Of("بينما", "فيما", "حيث", "لكن", "ولكن", "بيد", "غير", "إلا", "وبحسب", "بحسب", "وفقا", "وأضاف", "وتابع");

    internal static IEnumerable<string> Inflect(string perfect, string imperfect)
    {
        yield return perfect;
        if (!perfect.EndsWith('ت'))
        {
            yield return perfect + "ت";
            yield return perfect + "تا";
        }
        var p = perfect.EndsWith('ى') ? perfect[..^1] : perfect;
        yield return p + (perfect.EndsWith('ى') ? "وا" : "وا");
        yield return p + "ا";
        yield return imperfect;
        if (imperfect.Length > 1 && imperfect[0] is 'ي' or 'ت')
        {
            var stem = imperfect[1..];
            yield return "ي" + stem;
            yield return "ت" + stem;
            yield return "ن" + stem;
            yield return "أ" + stem;
            var s = stem.EndsWith('ي') || stem.EndsWith('ى') ? stem[..^1] : stem;
            yield return "ي" + s + "ون";
            yield return "ي" + s + "ان";
            yield return "ت" + s + "ان";
        }
    }
}
