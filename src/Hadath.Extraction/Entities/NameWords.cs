using System.Collections.Frozen;
using Hadath.Arabic;
using Hadath.Knowledge.Kb;

namespace Hadath.Extraction.Entities;

/// <summary>
/// Closed-class words that never belong to a personal name (prepositions, particles, pronouns, common verbs of
/// speech), the name connectors (بن, أبو, عبد …), and the cues before minor place names (في, مدينة, قرية …).
/// Keys are in <see cref="NameKey"/> form.
/// </summary>
internal static class NameWords
{
    private static FrozenSet<string> Set(string words) =>
        words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => Normalizer.Normalize(w, NameKey.Options)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that end a name.</summary>
    public static readonly FrozenSet<string> Stop = Set("""
        في من على إلى الى عن مع أن إن ان أنه انه إنه أنها إنها الذي التي الذين اللذين اللتين اللواتي قد لقد لم لن ما لا لا
        و أو او ثم حيث كما بعد قبل خلال منذ حتى عند عندما بين ضد دون نحو لدى لدي حول عبر وفق وفقا بسبب رغم إثر اثر لكن
        بل هل هو هي هم هما هن نحن أنا انا أنت هذا هذه ذلك تلك هؤلاء الآن اليوم أمس امس غدا يوم صباح مساء أيضا ايضا
        قال قالت يقول تقول أكد أكدت يؤكد أعلن أعلنت يعلن أضاف أضافت يضيف أوضح أوضحت أشار أشارت يشير ذكر ذكرت صرح صرحت
        كتب كتبت أفاد أفادت نقل نقلت وصف وصفت دعا دعت طالب طالبت حذر حذرت رأى اعتبر اعتبرت شدد شددت لفت نفى نفت رد ردت
        التقى التقت استقبل استقبلت زار زارت بحث بحثت وصل وصلت غادر أجرى أجرت يجري ترأس بحسب حسب وفقًا عبر كل جميع بعض
        غير سوى مثل وسط أمام خلف فوق تحت جانب الذي كان كانت يكون تكون ليس ليست سيكون أي إذا اذا لو كي لكي إما اما
        رئيس وزير الرئيس الوزير السيد السيدة الشيخ الدكتور د الأستاذ المهندس الحاج
        """);

    /// <summary>Words inside a name that join its parts: محمد بن سلمان, عبد الله, أبو مازن, آل ثاني.</summary>
    public static readonly FrozenSet<string> Connectors = Set("بن ابن بنت أبو ابو أبي ام أم آل عبد ولد");

    /// <summary>Words after which a minor place name is read as a place.</summary>
    public static readonly FrozenSet<string> PlaceCues = Set("""
        في من إلى الى قرب قرية بلدة مدينة مدن مخيم محافظة ولاية إقليم منطقة ضواحي بالقرب شمال جنوب شرق غرب وسط
        شمالي جنوبي شرقي غربي أنحاء مقاطعة حي ناحية قضاء مركز عاصمة
        """);

    /// <summary>Titles of address that precede a personal name without making an actor (السيد, الدكتور).</summary>
    public static readonly FrozenSet<string> Honorifics = Set("السيد السيدة الشيخ الدكتور الأستاذ المهندس الحاج الإمام آية");

    /// <summary>True when the token could be part of a personal name: an Arabic word that is not a closed-class word.</summary>
    public static bool IsNameLike(ArabicText text, int token, bool allowArticle)
    {
        var tok = text.Tokens[token];
        if (tok.Kind != TokenKind.Word || tok.Length < 2 || tok.Length > 25) return false;
        Span<char> buffer = stackalloc char[64];
        var n = NameKey.Normalize(tok.Span.Of(text.Text), buffer);
        var key = buffer[..n];
        if (Stop.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key)) return false;
        if (!allowArticle && key.StartsWith("ال")) return false;
        return n >= 3;
    }

    /// <summary>True when the key of the token is in <paramref name="set"/>.</summary>
    public static bool Is(ArabicText text, int token, FrozenSet<string> set)
    {
        if (token < 0 || token >= text.Tokens.Count) return false;
        var tok = text.Tokens[token];
        if (tok.Length > 60) return false;
        Span<char> buffer = stackalloc char[120];
        var n = NameKey.Normalize(tok.Span.Of(text.Text), buffer);
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..n]);
    }
}
