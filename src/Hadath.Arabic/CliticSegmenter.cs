namespace Hadath.Arabic;

/// <summary>
/// Segments an Arabic word into single-letter proclitics (و ف conjunctions, ب ك ل prepositions, س future),
/// a stem, and a pronoun enclitic (ه ها هم هما هن ك كم كما كن نا ني ي), the way UD Arabic writes them.
/// <para>
/// Every possible reading of the word is scored on its normalised form: a stem that is a closed-class word
/// accepting those clitics scores highest, then a stem in the lexicon (directly, after a regular inflection,
/// after the article, or in its pre-suffix spelling: حكومت+ه ← حكومة, أبقا+ه ← أبقى), then an unknown
/// word with an article; unknown stems score nothing. Each clitic costs a little, so a word that is itself
/// in the lexicon is split only when the split finds a function word (وقد → و+قد) and otherwise stays whole
/// (وصل, لبنان, كتاب); names (ويتكوف, بوتين) stay whole because an unknown remainder is never worth a split.
/// </para>
/// </summary>
public sealed class CliticSegmenter
{
    /// <summary>Longest word (in chars) that is segmented; longer ones are left whole.</summary>
    public const int MaxWordLength = 48;

    // Scores are tenths: a function word 30, a name 16 (a name loses to a clitic + function word, wins over و + a lexicon word), a lexicon stem 20, an inflected stem 18, an unknown stem with an article 10.
    private const int FunctionScore = 30, NameScore = 16, ExactScore = 20, InflectedScore = 18, WeakInflectedScore = 15, VerbInflectedScore = 16, ArticleShapeScore = 10;

    private static readonly string[] Enclitics = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"];
    private static readonly string[] NounSuffixes = ["تين", "تان", "يات", "يين", "يون", "ات", "ين", "ون", "ان", "ية", "يا", "ة", "ي", "ا"];
    private static readonly string[] VerbSuffixes = ["تما", "تم", "تن", "تا", "وا", "ون", "ين", "ان", "نا", "ت", "ن", "ي", "ا"];

    private readonly ArabicLexicon _lexicon;

    /// <summary>A segmenter over <paramref name="lexicon"/> (the shipped lists when null).</summary>
    public CliticSegmenter(ArabicLexicon? lexicon = null) => _lexicon = lexicon ?? ArabicLexicon.Default;

    /// <summary>The segmenter over the shipped word lists.</summary>
    public static CliticSegmenter Default => s_default.Value;

    private static readonly Lazy<CliticSegmenter> s_default = new(() => new CliticSegmenter(ArabicLexicon.Default));

    /// <summary>The lexicon the segmenter reads.</summary>
    public ArabicLexicon Lexicon => _lexicon;

    /// <summary>Segments the word at [start, end) of text and returns the token with its clitic lengths set.</summary>
    public Token Segment(string text, Token token) => Segment(text, token, default, out _);

    /// <summary>
    /// Segments a word token and writes its normalised (<see cref="NormalizationOptions.Lexical"/>) stem to
    /// <paramref name="stem"/> (at least <see cref="Normalizer.MaxExpansion"/> × <see cref="MaxWordLength"/> + 1 chars; when empty nothing is written and
    /// <paramref name="stemLength"/> is -1, as it is for tokens that are not segmented).
    /// </summary>
    public Token Segment(string text, Token token, Span<char> stem, out int stemLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        stemLength = -1;
        if (token.Kind != TokenKind.Word || token.Length < 2 || token.Length > MaxWordLength || (token.Flags & TokenFlags.Protected) != 0) return token;
        Span<char> n = stackalloc char[token.Length * Normalizer.MaxExpansion];
        Span<int> map = stackalloc int[token.Length * Normalizer.MaxExpansion];
        var len = Normalizer.Normalize(text.AsSpan(token.Start, token.Length), n, NormalizationOptions.Lexical, map);
        var a = Analyze(n[..len], text[token.End - 1] == 'ى');
        var flags = token.Flags;
        if (a.Protected) flags |= TokenFlags.Protected;
        var result = token with { Flags = flags };
        var pro = 0;
        var enc = 0;
        if (a.Proclitic != 0 || a.Enclitic != 0)
        {
            // back to original offsets; a boundary inside one original char (a lam-alef ligature) is not split
            var stemStart = a.Proclitic == 0 ? 0 : map[a.Proclitic];
            var encStart = a.Enclitic == 0 ? token.Length : map[len - a.Enclitic];
            var inside = (a.Proclitic > 0 && map[a.Proclitic - 1] == stemStart) || (a.Enclitic > 0 && map[len - a.Enclitic - 1] == encStart);
            if (!inside && encStart > stemStart)
            {
                if (a.ElidedArticle) flags |= TokenFlags.ElidedArticle;
                result = token with { ProcliticLength = (byte)stemStart, EncliticLength = (byte)(token.Length - encStart), Flags = flags };
                pro = a.Proclitic;
                enc = a.Enclitic;
            }
        }
        if (!stem.IsEmpty)
        {
            var k = 0;
            if ((result.Flags & TokenFlags.ElidedArticle) != 0 && (token.Flags & TokenFlags.ElidedArticle) == 0) stem[k++] = 'ا';
            n[pro..(len - enc)].CopyTo(stem[k..]);
            stemLength = k + len - enc - pro;
        }
        return result;
    }

    /// <summary>The proclitics of a segmented token, one span per letter (with the marks written on it).</summary>
    public static int ProcliticParts(ReadOnlySpan<char> text, Token token, Span<TextSpan> parts)
    {
        var count = 0;
        var end = token.Start + token.ProcliticLength;
        for (var i = token.Start; i < end; i++)
        {
            if (Normalizer.IsArabicLetter(text[i]) || count == 0)
            {
                if (count == parts.Length) break;
                parts[count++] = new TextSpan(i, i + 1);
            }
            else parts[count - 1] = parts[count - 1] with { End = i + 1 };
        }
        return count;
    }

    /// <summary>A segmentation of a normalised word, in normalised chars.</summary>
    public readonly record struct Analysis(int Proclitic, int Enclitic, bool ElidedArticle, bool Protected);

    /// <summary>One reading of a word considered by <see cref="Analyze(ReadOnlySpan{char}, bool, List{Reading})"/>, with its score in tenths.</summary>
    public readonly record struct Reading(int Proclitic, int Enclitic, bool ElidedArticle, int Score);

    /// <summary>Segments a word already normalised with <see cref="NormalizationOptions.Lexical"/>.</summary>
    /// <param name="w">The normalised word.</param>
    /// <param name="finalAlefMaksura">The original word ends in ى (folded to ي by the normalisation): no ي/ني enclitic then.</param>
    /// <param name="readings">When given, every reading scored is added to it (for diagnostics and tests).</param>
    public Analysis Analyze(ReadOnlySpan<char> w, bool finalAlefMaksura = false, List<Reading>? readings = null)
    {
        if (w.Length < 2) return default;
        var whole = _lexicon.Lookup(w);
        if ((whole & WordClass.Whole) != 0) return new Analysis(0, 0, false, true);
        if ((whole & WordClass.Fixed) != 0 && _lexicon.TryGetFixed(w, out var fixedSeg)) return new Analysis(fixedSeg.Proclitic, fixedSeg.Enclitic, false, false);

        // proclitic readings: conjunction, conjunction + preposition/future, preposition, future
        Span<Proclitics> pros = stackalloc Proclitics[4];
        var np = 0;
        if (w[0] is 'و' or 'ف')
        {
            pros[np++] = new Proclitics(1, w[0], '\0');
            if (w.Length > 3 && w[1] is 'ب' or 'ك' or 'ل' or 'س') pros[np++] = new Proclitics(2, w[0], w[1]);
        }
        else if (w[0] is 'ب' or 'ك' or 'ل' or 'س') pros[np++] = new Proclitics(1, '\0', w[0]);

        // enclitic readings (the first-person ي only after a one-letter preposition: لي)
        Span<int> encs = stackalloc int[4];
        var ne = 0;
        foreach (var e in Enclitics)
        {
            if (w.Length <= e.Length || !w.EndsWith(e, StringComparison.Ordinal) || ne == encs.Length) continue;
            if (finalAlefMaksura && e[^1] == 'ي') continue;
            if (e == "ي" && w.Length > 2) continue;
            encs[ne++] = e.Length;
        }

        // no clitic letters at either end: the word is whole (a name is protected)
        if (np == 0 && ne == 0 && readings is null) return new Analysis(0, 0, false, (whole & WordClass.Name) != 0);
        var best = StemScore(w, default, 0, whole);
        // a stem hardly ever starts with وو: ووقع is و + وقع
        if (w.Length > 3 && w[0] == 'و' && w[1] == 'و' && best < FunctionScore) best = Math.Min(best, ArticleShapeScore);
        readings?.Add(new Reading(0, 0, false, best));
        if (best >= FunctionScore && readings is null) return default;
        var bestPro = 0;
        var bestEnc = 0;
        var bestElided = false;

        for (var pi = -1; pi < np; pi++)
        {
            var pro = pi < 0 ? default : pros[pi];
            for (var ei = -1; ei < ne; ei++)
            {
                if (pi < 0 && ei < 0) continue;
                var enc = ei < 0 ? 0 : encs[ei];
                var stemLen = w.Length - pro.Length - enc;
                if (stemLen < 1) continue;
                var stem = w.Slice(pro.Length, stemLen);
                var encText = enc == 0 ? default : w[^enc..];
                var cost = Cost(pro) + (enc == 0 ? 0 : EncliticCost(encText));
                int score;
                var elided = false;
                if (stemLen == 1)
                {
                    // a preposition written as one letter carrying the pronoun: له بها (و+ل+ه); the first-person ي only on ل (لي)
                    if (enc == 0 || pro.Preposition != '\0' || stem[0] is not ('ل' or 'ب')) continue;
                    if (encText is "ي" && stem[0] != 'ل') continue;
                    score = FunctionScore - (encText is "ي" ? cost - 4 : cost); // لي "for me" over the rare noun لي

                }
                else
                {
                    if (encText is "ي") continue;
                    var cls = _lexicon.Lookup(stem);
                    // نا after a verb is more often the subject (مررنا "we passed") than the object; after a noun it is "our" (عملنا, أرضنا)
                    if (encText is "نا" && (cls & WordClass.Verb) != 0)
                        cost += (cls & (WordClass.Noun | WordClass.Function | WordClass.Name)) == 0 ? 2 : -1;
                    // no reading of this stem can beat the best so far: skip scoring it (readings are only listed when asked)
                    if (readings is null && ((cls & WordClass.Function) != 0 ? FunctionScore : ExactScore) - cost <= best) continue;
                    score = StemScore(stem, pro, enc, cls) - cost;
                    if (pro.Preposition == 'ل' && stem[0] == 'ل' && stemLen >= 3 && enc == 0)
                    {
                        // لل: ل + the article with its alef elided (للسلطة = ل + السلطة)
                        var e2 = ElidedArticleScore(stem) - cost;
                        if (e2 > score) { score = e2; elided = true; }
                    }
                }
                readings?.Add(new Reading(pro.Length, enc, elided, score));
                if (score > best) { best = score; bestPro = pro.Length; bestEnc = enc; bestElided = elided; }
            }
        }
        if (bestPro == 0 && bestEnc == 0) return new Analysis(0, 0, false, (whole & WordClass.Name) != 0 && best >= NameScore);
        return new Analysis(bestPro, bestEnc, bestElided, false);
    }

    /// <summary>Every reading of <paramref name="word"/> with its score, best first, as "و+قال 16" lines (for analysts and tests).</summary>
    public IReadOnlyList<string> Explain(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var n = Normalizer.Normalize(word);
        var readings = new List<Reading>();
        Analyze(n, word.Length > 0 && word[^1] == 'ى', readings);
        return [.. readings.OrderByDescending(r => r.Score).Select(r =>
            string.Join('+', new[] { string.Join('+', n[..r.Proclitic].Select(c => c.ToString())), n[r.Proclitic..(n.Length - r.Enclitic)], n[(n.Length - r.Enclitic)..] }.Where(x => x.Length > 0))
            + (r.ElidedArticle ? " (لل)" : "") + " " + r.Score)];
    }

    private readonly record struct Proclitics(int Length, char Conjunction, char Preposition);

    private static int Cost(Proclitics p)
    {
        var c = p.Conjunction switch { 'و' => 4, 'ف' => 6, _ => 0 };
        c += p.Preposition switch { 'ب' => 5, 'ل' => 5, 'ك' => 9, 'س' => 3, _ => 0 };
        return c;
    }

    private static int EncliticCost(ReadOnlySpan<char> e) => e switch
    {
        "ه" or "ها" or "هم" or "هما" or "هن" or "نا" => 4,
        "ني" => 6,
        "ي" => 12,
        _ => 8, // ك كم كما كن: second person, rare in news
    };

    /// <summary>How good a reading of <paramref name="stem"/> is with these clitics (0: no evidence).</summary>
    private int StemScore(ReadOnlySpan<char> stem, Proclitics pro, int enc, WordClass cls)
    {
        var hasEnc = enc > 0;
        if ((cls & WordClass.Function) != 0 && FunctionAccepts(cls, pro, hasEnc)) return FunctionScore;
        if ((cls & WordClass.Whole) != 0) return pro.Preposition == 'س' ? 0 : pro.Length == 0 && !hasEnc ? 100 : ExactScore;
        if ((cls & WordClass.Name) != 0 && !hasEnc && pro.Preposition != 'س') return NameScore;
        var needVerb = pro.Preposition == 'س';
        var nounOnly = pro.Preposition is 'ب' or 'ك';
        var best = ClassScore(cls, stem, needVerb, nounOnly, ExactScore);
        if (best == ExactScore) return best;
        Span<char> buf = stackalloc char[stem.Length + 2];
        if (hasEnc)
        {
            // the stem's spelling before a suffix: ة → ت, ى → ا, ء → ؤ ئ, a verb's وا → و
            var last = stem[^1];
            var alt = last switch { 'ت' => 'ة', 'ا' => 'ي', 'ؤ' or 'ئ' => 'ء', _ => '\0' };
            if (alt != '\0')
            {
                stem.CopyTo(buf);
                buf[stem.Length - 1] = alt;
                var v = buf[..stem.Length];
                best = Math.Max(best, ClassScore(_lexicon.Lookup(v), v, needVerb, nounOnly, ExactScore));
                if (best < InflectedScore) best = Math.Max(best, Inflected(v, needVerb, nounOnly));
            }
            else if (last == 'و')
            {
                stem.CopyTo(buf);
                buf[stem.Length] = 'ا';
                best = Math.Max(best, Inflected(buf[..(stem.Length + 1)], needVerb, nounOnly));
            }
        }
        if (best >= InflectedScore) return best;
        // the article: ال + a known (or at least word-shaped) noun; no enclitic, not after س
        if (!hasEnc && !needVerb && stem.Length >= 4 && stem[0] == 'ا' && stem[1] == 'ل')
        {
            var rest = stem[2..];
            var rc = _lexicon.Lookup(rest);
            if ((rc & (WordClass.Noun | WordClass.Name)) != 0) return ExactScore;
            var inf = Inflected(rest, false, true);
            if (inf > 0) return inf;
            return rest.Length >= 3 ? ArticleShapeScore : 0;
        }
        return Math.Max(best, Inflected(stem, needVerb, nounOnly));
    }

    private int ElidedArticleScore(ReadOnlySpan<char> stem)
    {
        // stem = ل + rest, read as ال + rest
        var rest = stem[1..];
        Span<char> buf = stackalloc char[stem.Length + 1];
        buf[0] = 'ا';
        stem.CopyTo(buf[1..]);
        var full = _lexicon.Lookup(buf);
        if ((full & (WordClass.Function | WordClass.Noun | WordClass.Name)) != 0) return ExactScore;
        var rc = _lexicon.Lookup(rest);
        if ((rc & (WordClass.Noun | WordClass.Name)) != 0) return ExactScore;
        var inf = Inflected(rest, false, true);
        if (inf > 0) return inf;
        return rest.Length >= 3 ? ArticleShapeScore : 0;
    }

    private static bool FunctionAccepts(WordClass cls, Proclitics pro, bool hasEnc)
    {
        if (hasEnc && (cls & WordClass.TakesEnclitic) == 0) return false;
        if (pro.Conjunction != '\0' && (cls & WordClass.TakesConjunction) == 0) return false;
        return pro.Preposition switch
        {
            'ب' => (cls & WordClass.TakesBa) != 0,
            'ك' => (cls & WordClass.TakesKaf) != 0,
            'ل' => (cls & WordClass.TakesLam) != 0,
            'س' => (cls & WordClass.TakesSin) != 0,
            _ => true,
        };
    }

    private static int ClassScore(WordClass cls, ReadOnlySpan<char> stem, bool needVerb, bool nounOnly, int score)
    {
        if (needVerb) return (cls & WordClass.Verb) != 0 && stem.Length >= 3 && stem[0] is 'ي' or 'ت' or 'ن' or 'ا' ? score : 0;
        if (nounOnly) return (cls & (WordClass.Noun | WordClass.Name)) != 0 ? score : 0;
        return (cls & (WordClass.Noun | WordClass.Verb | WordClass.Name)) != 0 ? score : 0;
    }

    /// <summary>A known stem plus a regular inflection: a noun's ة ات ان ين ون ي ية (or tanwin alef), a verb's subject suffix.</summary>
    private int Inflected(ReadOnlySpan<char> s, bool needVerb, bool nounOnly)
    {
        if (!needVerb)
        {
            Span<char> buf = stackalloc char[s.Length + 2];
            foreach (var suf in NounSuffixes)
            {
                if (s.Length - suf.Length < 2 || !s.EndsWith(suf, StringComparison.Ordinal)) continue;
                var t = s[..^suf.Length];
                // ي يا (nisba) and the tanwin alef on a short stem read into many words: weaker evidence than ة ات ين ون ان
                // (but متهما, توجها are متهم, توجه + ا rather than مت+هما, توج+ها)
                if (t.Length >= 3 && (_lexicon.Lookup(t) & WordClass.Noun) != 0)
                    return suf is "ي" or "يا" || (suf == "ا" && t.Length < 4) ? WeakInflectedScore : InflectedScore;
                if (suf is "ات" or "تان" or "تين" or "يات")
                {
                    t.CopyTo(buf);
                    var k = t.Length;
                    if (suf == "يات") buf[k++] = 'ي';
                    buf[k++] = 'ة';
                    if ((_lexicon.Lookup(buf[..k]) & WordClass.Noun) != 0) return InflectedScore;
                }
            }
        }
        if (nounOnly) return 0;
        foreach (var suf in VerbSuffixes)
        {
            if (s.Length - suf.Length < 2 || !s.EndsWith(suf, StringComparison.Ordinal)) continue;
            var t = s[..^suf.Length];
            if (needVerb && t[0] is not ('ي' or 'ت' or 'ن' or 'ا')) continue;
            // ت تا تم تما تن نا are suffixes of the perfect: not on an imperfect stem (يجعلنا is يجعل + نا)
            if (t[0] == 'ي' && suf is "ت" or "تا" or "تم" or "تما" or "تن" or "نا") continue;
            if (t.Length >= 3 && (_lexicon.Lookup(t) & WordClass.Verb) != 0) return VerbInflectedScore;
        }
        return 0;
    }
}
