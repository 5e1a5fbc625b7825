using Hadath.Arabic;

namespace Hadath.Knowledge.Triggers;

/// <summary>
/// Generates the written (unvocalised) inflections of a lexicon word, so that matching is a hash lookup. Rules work on
/// the spelling as the analyst wrote it (so that final أ, ا, ى are told apart) and every result is normalised with
/// <see cref="NormalizationOptions.Lexical"/>, the view <see cref="ArabicText.Stems"/> uses. Clitics (و ف ب ل س ك, the
/// article, pronoun enclitics) are not generated: the matcher strips them.
/// </summary>
internal static class Inflection
{
    private const char Alef = 'ا', AlefMaksura = 'ى', Yeh = 'ي', Waw = 'و', TehMarbuta = 'ة', Hamza = 'ء';

    private static readonly string[] ImperfectPrefixes = ["ي", "ت", "ن", "أ"];

    /// <summary>The imperfect 3rd person masculine singular a perfect implies when it is regular: a leading alef
    /// (forms IV, VII, VIII, X: أعلن, انسحب, اعتقل, استقبل) is replaced by ي, otherwise ي is prefixed (قصف, هدد, تظاهر).
    /// Hollow, defective, assimilated and hamzated verbs (زار/يزور, دعا/يدعو, وصل/يصل, أكد/يؤكد) must give theirs.</summary>
    public static string DefaultImperfect(string perfect) =>
        perfect.Length > 0 && perfect[0] is 'ا' or 'أ' or 'إ' ? "ي" + perfect[1..] : "ي" + perfect;

    /// <summary>Perfect forms of the 3rd persons, 1st plural and 2nd persons (istaqbala → استقبل, استقبلت, استقبلوا, استقبلا,
    /// استقبلتا, استقبلن, استقبلنا, استقبلتم …). Forms that only occur before a pronoun enclitic (استقبلو+ه, التقا+ه) are
    /// flagged.</summary>
    public static IEnumerable<(string Form, bool BeforeEnclitic)> Perfect(string perfect)
    {
        var last = perfect[^1];
        if (last == Alef)
        {
            // final-weak with و: دعا دعت دعتا دعوا دعونا دعوت
            var r = perfect[..^1];
            return [(perfect, false), (r + "ت", false), (r + "تا", false), (r + "وا", false), (r + "و", true),
                (r + "ونا", false), (r + "وت", false), (r + "وتم", false)];
        }
        if (last is AlefMaksura or Yeh)
        {
            // final-weak with ي: التقى التقت التقتا التقوا التقيا التقينا التقيت; التقا(ه) before an enclitic
            var r = perfect[..^1];
            return [(perfect, false), (r + "ت", false), (r + "تا", false), (r + "وا", false), (r + "و", true),
                (r + "يا", false), (r + "ينا", false), (r + "يت", false), (r + "يتم", false), (r + "ا", true)];
        }
        return [(perfect, false), (perfect + "ت", false), (perfect + "ا", false), (perfect + "تا", false),
            (perfect + "وا", false), (perfect + "و", true), (perfect + "ن", false), (perfect + "نا", false),
            (perfect + "تم", false), (perfect + "تما", false), (perfect + "تن", false)];
    }

    /// <summary>Imperfect forms: 3rd and 2nd persons (prefixes ي ت) with the suffixes ون ان ين وا ن ا (indicative,
    /// subjunctive and jussive plurals and duals), 1st persons (أ ن) bare.</summary>
    public static IEnumerable<(string Form, bool BeforeEnclitic)> Imperfect(string imperfect)
    {
        if (imperfect.Length < 3 || imperfect[0] != Yeh) yield break;
        var b = imperfect[1..];
        var last = b[^1];
        foreach (var p in ImperfectPrefixes)
        {
            yield return (p + b, false);
            if (p is "أ" or "ن") continue;
            if (last == Waw)
            {
                // يدعو: يدعون يدعوا تدعين يدعوان
                var r = b[..^1];
                yield return (p + r + "ون", false);
                yield return (p + r + "وا", false);
                yield return (p + r + "ين", false);
                yield return (p + b + "ان", false);
            }
            else if (last is Yeh or AlefMaksura)
            {
                // يلتقي / يسعى: يلتقون يلتقوا يلتقين يلتقيان; jussive يلتق
                var r = b[..^1];
                yield return (p + r + "ون", false);
                yield return (p + r + "وا", false);
                yield return (p + r + "ين", false);
                yield return (p + r + "يان", false);
                if (r.Length >= 3) yield return (p + r, false);
            }
            else
            {
                yield return (p + b + "ون", false);
                yield return (p + b + "ان", false);
                yield return (p + b + "ين", false);
                yield return (p + b + "وا", false);
                yield return (p + b + "ن", false);
                yield return (p + b + "ا", false);
                yield return (p + b + "و", true);
            }
        }
    }

    /// <summary>A noun with its sound plural, dual, accusative tanwin spelling (احتجاجاً → احتجاجا) and, for ة nouns, the
    /// construct form before an enclitic (مظاهرت+هم). Broken plurals are listed by the analyst.</summary>
    public static IEnumerable<(string Form, bool BeforeEnclitic)> Noun(string noun)
    {
        var last = noun[^1];
        if (last == TehMarbuta)
        {
            var r = noun[..^1];
            return [(noun, false), (r + "ات", false), (r + "تان", false), (r + "تين", false), (r + "ت", true), (r + "تا", true)];
        }
        if (last == AlefMaksura) return [(noun, false), (noun[..^1] + "ا", true)]; // شكوى, شكوا(ه)
        if (last == Alef) return [(noun, false)];
        if (last == Hamza) return [(noun, false), (noun + "ات", false), (noun + "ا", false), (noun + "ان", false), (noun + "ين", false)];
        return [(noun, false), (noun + "ا", false), (noun + "ات", false), (noun + "ان", false), (noun + "ين", false), (noun + "ي", true)];
    }

    /// <summary>A participle (masculine singular) with its sound plurals, feminine, duals, accusative and the construct
    /// plurals (متظاهرو, متظاهري).</summary>
    public static IEnumerable<(string Form, bool BeforeEnclitic)> Participle(string participle)
    {
        var last = participle[^1];
        if (last is TehMarbuta or AlefMaksura or Alef or Hamza) return Noun(participle);
        return [(participle, false), (participle + "ون", false), (participle + "ين", false), (participle + "ة", false),
            (participle + "ات", false), (participle + "ان", false), (participle + "تان", false), (participle + "تين", false),
            (participle + "ا", false), (participle + "و", false), (participle + "ي", false), (participle + "ت", true)];
    }

    /// <summary>True when the word is written with a hamza letter (أ إ آ ؤ ئ ء), which normalisation folds away or keeps.</summary>
    public static bool HasHamza(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (c is 'أ' or 'إ' or 'آ' or 'ؤ' or 'ئ' or 'ء' or '\u0654' or '\u0655') return true;
        return false;
    }

    /// <summary>The normalised form used for lookups, or null when the word is not an Arabic word.</summary>
    public static string? Normalize(string word)
    {
        var n = Normalizer.Normalize(word, NormalizationOptions.Lexical);
        if (n.Length < 2) return null;
        foreach (var c in n)
            if (!Normalizer.IsArabicLetter(c)) return null;
        return n;
    }
}
