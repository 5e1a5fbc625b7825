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
        بل هل هو هي هم هما هن نحن أنا انا أنت هذا هذه ذلك تلك هؤلاء الآن اليوم أمس امس غدا يوم صباح مساء أيضا ايضا هناك هنا هنالك
        قال قالت يقول تقول أكد أكدت يؤكد أعلن أعلنت يعلن أضاف أضافت يضيف أوضح أوضحت أشار أشارت يشير ذكر ذكرت صرح صرحت
        كتب كتبت أفاد أفادت نقل نقلت وصف وصفت دعا دعت طالب طالبت حذر حذرت رأى اعتبر اعتبرت شدد شددت لفت نفى نفت رد ردت
        التقى التقت استقبل استقبلت زار زارت بحث بحثت وصل وصلت غادر أجرى أجرت يجري ترأس بحسب حسب وفقًا عبر كل جميع بعض
        غير سوى مثل وسط أمام خلف فوق تحت جانب الذي كان كانت يكون تكون ليس ليست سيكون أي إذا اذا لو كي لكي إما اما
        رئيس وزير الرئيس الوزير السيد السيدة الشيخ الدكتور د الأستاذ المهندس الحاج باسم بإسم رمضان شهر عام سنة
        """);

    /// <summary>Pronoun enclitics written as words of their own (قول ه, نفس ها), as clitic-segmented text has them.</summary>
    public static readonly FrozenSet<string> Pronouns = Set("ه ها هم هما هن ك كم كما كن نا ني ي");

    /// <summary>Words inside a name that join its parts: محمد بن سلمان, عبد الله, أبو مازن, آل ثاني.</summary>
    public static readonly FrozenSet<string> Connectors = Set("بن ابن بنت أبو ابو أبي ام أم آل ال عبد ولد دا دي دو فان فون");

    /// <summary>Connectors that make a compound given name with the next word (عبد الرحمن), not a family name.</summary>
    public static readonly FrozenSet<string> GivenNameConnectors = Set("عبد");

    /// <summary>Words after which a minor place name is read as a place.</summary>
    public static readonly FrozenSet<string> PlaceCues = Set("""
        في من إلى الى قرب قرية بلدة مدينة مدن مخيم محافظة ولاية إقليم منطقة ضواحي بالقرب شمال جنوب شرق غرب وسط
        شمالي جنوبي شرقي غربي أنحاء مقاطعة حي ناحية قضاء مركز عاصمة
        """);

    /// <summary>Words of prayer and its call: the prayer named after them (صلاة المغرب, أذان المغرب) is a time of day, not a
    /// country.</summary>
    public static readonly FrozenSet<string> PrayerWords = Set("صلاة الصلاة وصلاة لصلاة أذان آذان الأذان الآذان اذان بأذان صلاتي");

    /// <summary>Prepositions after which a city that names a club is the city: في ليفربول, إلى برشلونة.</summary>
    public static readonly FrozenSet<string> Locatives = Set("في إلى الى قرب داخل");

    /// <summary>Prize nouns: a prize is named after a person (جائزة نوبل, بجائزة بوليتزر).</summary>
    public static readonly FrozenSet<string> PrizeNouns = Set("جائزة بجائزة وجائزة لجائزة جوائز");

    /// <summary>Number words: what follows them is a unit or a currency (مليار شيكل).</summary>
    public static readonly FrozenSet<string> NumberWords = Set("ألف آلاف مليون ملايين مليار مليارات نصف ربع ثلث");

    /// <summary>Adjectives that belong to a facility's name: مطار دمشق الدولي.</summary>
    public static readonly FrozenSet<string> FacilityQualifiers = Set("الدولي الدولية");

    /// <summary>National team nouns: what follows says which team (منتخب مصر, منتخب الشباب), not a club.</summary>
    public static readonly FrozenSet<string> TeamNouns = Set("منتخب المنتخب لمنتخب بمنتخب ومنتخب");

    /// <summary>Verbs of speech after which (VSO) an unknown name is a person: وقال فيرغسون.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Set("""
        قال قالت يقول تقول أكد أكدت يؤكد أعلن أعلنت أضاف أضافت أوضح أوضحت صرح صرحت أشار أشارت ذكر ذكرت رأى اعتبر
        أفاد أفادت كتب كتبت تابع تابعت لفت نفى نفت أبلغ أبلغت حذر حذرت دعا دعت طالب طالبت أعرب أعربت شدد شددت
        اعترف اعترفت يرى ترى أشاد أشادت انتقد انتقدت أقر أقرت تساءل تساءلت اعتبرت
        """);

    /// <summary>True when the token is a verb of speech, also with و or ف before it.</summary>
    public static bool IsSpeechVerb(ArabicText text, int token) => InSetWithProclitic(SpeechVerbs, text, token, "وف", minLength: 4);

    /// <summary>Whether the token's name key, or the key without one leading proclitic letter of <paramref name="proclitics"/>
    /// (when at least <paramref name="minLength"/> letters long), is in the set.</summary>
    private static bool InSetWithProclitic(FrozenSet<string> set, ArabicText text, int token, string proclitics, int minLength)
    {
        if (token < 0 || token >= text.Tokens.Count) return false;
        var tok = text.Tokens[token];
        if (tok.Kind != TokenKind.Word || tok.Length > 30) return false;
        Span<char> buffer = stackalloc char[60];
        var n = NameKey.Normalize(tok.Span.Of(text.Text), buffer);
        var key = buffer[..n];
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(key) || (n >= minLength && proclitics.Contains(key[0]) && lookup.Contains(key[1..]));
    }

    /// <summary>
    /// True when the token looks like a transliterated foreign name: an Arabic-script word with no proclitic and no
    /// article, not a dictionary word (a plural in ون of one included), not a closed-class word, and not ending like an
    /// Arabic feminine or feminine plural (ة, ات); فيرجسون and كلينتون end in ون like a plural but are names.
    /// </summary>
    public static bool IsForeignLike(ArabicText text, int token)
    {
        if (token < 0 || token >= text.Tokens.Count) return false;
        var tok = text.Tokens[token];
        if (tok.Kind != TokenKind.Word || tok.Length is < 3 or > 20 || tok.ProcliticLength > 0 || tok.EncliticLength > 0) return false;
        Span<char> buffer = stackalloc char[40];
        var n = NameKey.Normalize(tok.Span.Of(text.Text), buffer);
        var key = buffer[..n];
        if (n < 3 || key.StartsWith("ال") || key.EndsWith("ه") || key.EndsWith("ات")) return false;
        if (Stop.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key)) return false;
        return !IsCommonWord(text, token) && !IsAnyWord(text, token);
    }

    /// <summary>The token's surface, normalised for lexicon lookups (NormalizationOptions.Lexical), written into
    /// <paramref name="buffer"/> (120 chars); its length, or -1 for a token no word could be (over 60 chars).</summary>
    private static int Lexical(ArabicText text, int token, Span<char> buffer)
    {
        var tok = text.Tokens[token];
        return tok.Length > 60 ? -1 : Normalizer.Normalize(tok.Span.Of(text.Text), buffer, NormalizationOptions.Lexical);
    }

    /// <summary>
    /// True when the lexicon knows the word as a dictionary or function word, directly or after taking off a
    /// proclitic (و ف ب ل ك), the accusative alif (هجوما), a dual or plural ending (ولايتين, سنتي) or the article.
    /// </summary>
    public static bool IsAnyWord(ArabicText text, int token)
    {
        Span<char> buffer = stackalloc char[120];
        var n = Lexical(text, token, buffer);
        if (n < 0) return false;
        var w = buffer[..n];
        var c = ArabicLexicon.Default.Lookup(w);
        if ((c & WordClass.Name) != 0) return false;
        if (c != WordClass.None) return true;
        if (n > 4 && w[0] is 'و' or 'ف' or 'ب' or 'ل' or 'ك' && Known(w[1..])) return true;
        if (n > 3 && w[^1] == 'ا' && Known(w[..^1])) return true;
        if (n > 3 && w[^1] == 'ة' && Known(w[..^1])) return true; // الساحلية → ساحلي
        if (n > 3 && w[^1] == 'ت' && KnownVerb(w[..^1])) return true; // نفذت, توصلت: a verb in the perfect
        if (n > 3 && w[^1] == 'ه' && Known(w[..^1])) return true; // نظيره
        if (n > 4 && (w.EndsWith("ها") || w.EndsWith("هم")) && Known(w[..^2])) return true;
        if (n > 4 && w.StartsWith("ال") && IsKnownInflected(w[2..])) return true;
        if (n > 4 && (w.EndsWith("ين") || w.EndsWith("ان") || w.EndsWith("يا") || w.EndsWith("ون")) && Known(w[..^2])) return true;
        // a construct plural (متظاهرو) or the dual or plural of a nisba (انتحاريان, انتحاريون: انتحار + ي)
        if (n > 5 && w[^1] == 'و' && w[0] == 'م' && Known(w[..^1])) return true;
        if (n > 6 && (w.EndsWith("يان") || w.EndsWith("يين") || w.EndsWith("يون")) && Known(w[..^3])) return true;
        Span<char> fem = stackalloc char[80];
        if (n > 4 && (w.EndsWith("تين") || w.EndsWith("تان")))
        {
            w[..^3].CopyTo(fem);
            fem[n - 3] = 'ة';
            if (Known(fem[..(n - 2)])) return true;
        }
        if (n > 3 && w.EndsWith("تي"))
        {
            w[..^2].CopyTo(fem);
            fem[n - 2] = 'ة';
            if (Known(fem[..(n - 1)])) return true;
        }
        return false;
    }

    private static bool IsKnownInflected(ReadOnlySpan<char> w) =>
        Known(w) || (w.Length > 3 && (w[^1] is 'ة' or 'ه') && Known(w[..^1])) ||
        (w.Length > 4 && (w.EndsWith("ات") || w.EndsWith("ون") || w.EndsWith("ين") || w.EndsWith("ان")) && Known(w[..^2]));

    private static bool Known(ReadOnlySpan<char> w)
    {
        var c = ArabicLexicon.Default.Lookup(w);
        return (c & (WordClass.Noun | WordClass.Verb | WordClass.Function)) != 0 && (c & WordClass.Name) == 0;
    }

    /// <summary>True when the stem of a token (its clitics off) has the article or is a dictionary noun: بالمرتبة, لتدريبات, لدعمه.</summary>
    public static bool IsDictionaryStem(ArabicText text, int token)
    {
        var tok = text.Tokens[token];
        if (tok.Kind != TokenKind.Word || tok.Length > 60) return false;
        if ((tok.Flags & TokenFlags.ElidedArticle) != 0) return true; // للمنظمة: ل and an elided article
        Span<char> buffer = stackalloc char[120];
        var n = Normalizer.Normalize(tok.Stem.Of(text.Text), buffer, NormalizationOptions.Lexical);
        var w = buffer[..n];
        return (n > 3 && w.StartsWith("ال")) || KnownNoun(w) || (n > 3 && w[^1] == 'ة' && KnownNoun(w[..^1]))
               || (n > 4 && (w.EndsWith("ات") || w.EndsWith("ين") || w.EndsWith("ون")) && KnownNoun(w[..^2]));
    }

    private static bool KnownVerb(ReadOnlySpan<char> w) => (ArabicLexicon.Default.Lookup(w) & WordClass.Verb) != 0;

    /// <summary>A perfect verb in the plural (احتجزوا, هتفوا): a known verb stem and the ending وا; foreign names ending so
    /// (ناكاجاوا) are no verbs.</summary>
    public static bool IsPluralPerfectVerb(ArabicText text, int token)
    {
        if (text.Tokens[token].Kind != TokenKind.Word) return false;
        var w = text.Stems[token].AsSpan(); // stems are normalised as the lexicon is
        return w.Length > 4 && w.EndsWith("وا") && KnownVerb(w[..^2]);
    }

    // a noun or function word; verb stems are left out, as every short foreign name reads as one (ينغر in فينغر)
    private static bool KnownNoun(ReadOnlySpan<char> w)
    {
        var c = ArabicLexicon.Default.Lookup(w);
        return (c & (WordClass.Noun | WordClass.Function)) != 0 && (c & WordClass.Name) == 0;
    }

    /// <summary>
    /// True for a word that cannot continue a name: a function word (آنذاك) or an indefinite accusative of a dictionary
    /// noun (نموذجا, برنامجا), which follow a name as the object or an adverb of its verb.
    /// </summary>
    public static bool IsAdverbial(ArabicText text, int token)
    {
        if (text.Tokens[token].Kind != TokenKind.Word) return false;
        Span<char> buffer = stackalloc char[120];
        var n = Lexical(text, token, buffer);
        if (n < 0) return false;
        var w = buffer[..n];
        var c = ArabicLexicon.Default.Lookup(w);
        if ((c & WordClass.Name) != 0) return false;
        if ((c & WordClass.Function) != 0) return true;
        // (not a short stem or a nisba: ماسا, كوريا end the same way)
        return n > 4 && w[^1] == 'ا' && w[^2] != 'ي' && !w.StartsWith("ال") && KnownNoun(w[..^1]);
    }

    /// <summary>
    /// True for a word that no dictionary lists but that reads as an inflected common word: a plural verb (قتلوا), an
    /// imperfect verb (ينبغي), a nisba or an accusative of a dictionary noun (فوري, صورا), or a currency after a number
    /// (100 يورو).
    /// </summary>
    public static bool LooksInflected(ArabicText text, int token)
    {
        if (text.Tokens[token].Length > 60) return false;
        if (token > 0 && text.Tokens[token - 1].Kind == TokenKind.Number) return true;
        Span<char> buffer = stackalloc char[120];
        var n = Lexical(text, token, buffer);
        var w = buffer[..n];
        if (n > 3 && w.EndsWith("وا")) return true;
        if (n > 3 && w[0] is 'ي' or 'ت' or 'ن' && KnownVerb(w[1..])) return true;
        if (n > 4 && w[0] == 'ي') return true;
        return n > 3 && w[^1] is 'ي' or 'ا' && KnownNoun(w[..^1]);
    }

    /// <summary>True when the lexicon knows the token as a noun or a function word (not only as a verb).</summary>
    public static bool IsNoun(ArabicText text, int token)
    {
        Span<char> buffer = stackalloc char[120];
        var n = Lexical(text, token, buffer);
        if (n < 0) return false;
        return KnownNoun(buffer[..n]) || (n > 3 && buffer[n - 1] is 'ة' or 'ا' && KnownNoun(buffer[..(n - 1)]));
    }

    /// <summary>Particles before a subject: إن شوماخر, وكان كافو, لكن أينشتاين.</summary>
    public static readonly FrozenSet<string> SubjectParticles = Set("إن أن ان لكن كان كانت بأن وأن وإن ولكن وكان وكانت فكان");

    /// <summary>Particles of foreign names that start them: فان باستن, دا سيلفا, فون دير لاين.</summary>
    public static readonly FrozenSet<string> ForeignParticles = Set("فان فون دا دي دو دير");

    /// <summary>True when the token starts with the article ال.</summary>
    public static bool HasArticle(ArabicText text, int token) => text.Tokens[token].Span.Of(text.Text).StartsWith("ال", StringComparison.Ordinal);

    /// <summary>Second halves of compound given names that continue a name: زين الدين, عبد الله, عبد الرحمن.</summary>
    public static readonly FrozenSet<string> NameInternal = Set("الدين الله الرحمن الرحيم الإسلام العزيز الكريم الحميد المجيد اللطيف الناصر القادر الهادي الرزاق الفتاح السلام الملك");

    /// <summary>True for a dictionary word in any form (see <see cref="IsAnyWord"/>) or a common word.</summary>
    public static bool IsDictionaryWord(ArabicText text, int token) => IsCommonWord(text, token) || IsAnyWord(text, token);

    /// <summary>Words that by themselves make a sentence about sport, in which club names (الأهلي, النصر, ليفربول) name clubs.</summary>
    public static readonly FrozenSet<string> SportsWords = Set("""
        مباراة المباراة مباريات المباريات مباراتين الدوري دوري لاعب اللاعب لاعبي لاعبين اللاعبين لاعبو ملعب الملعب
        الشوط مرمى المرمى ركلة ركلات ديربي هداف الهداف المنتخب منتخب المدرب مدرب
        """);

    /// <summary>Words that make a sentence about sport when two of them (or one of <see cref="SportsWords"/>) occur: هدف is also an aim.</summary>
    public static readonly FrozenSet<string> WeakSportsWords = Set("""
        كأس الكأس بطولة البطولة هدف الهدف هدفين هدفا أهداف الأهداف تعادل التعادل حارس الحارس مهاجم المهاجم مدافع
        المدافع جزاء الجزاء فريق الفريق نادي النادي الموسم التسجيل تأهل التأهل الصدارة المتصدر ذهاب الإياب إياب الكرة القدم
        """);

    /// <summary>
    /// How much the token says the sentence is about sport: 2 for a word of <see cref="SportsWords"/>, 1 for one of
    /// <see cref="WeakSportsWords"/>, else 0; also after و ف ب ل (وبالدوري → الدوري, للفريق → الفريق).
    /// </summary>
    public static int SportsWeight(ArabicText text, int token)
    {
        var tok = text.Tokens[token];
        if (tok.Kind != TokenKind.Word || tok.Length > 30) return 0;
        Span<char> buffer = stackalloc char[60];
        var n = NameKey.Normalize(tok.Span.Of(text.Text), buffer);
        var key = buffer[..n];
        var w = Weight(key);
        if (w == 0 && n > 4 && key[0] is 'و' or 'ف' or 'ب' or 'ل') w = Weight(key[1..]);
        if (w == 0 && n > 4 && key.StartsWith("لل"))
        {
            key[1] = 'ا'; // للفريق → الفريق
            w = Weight(key[1..]);
        }
        return w;

        static int Weight(ReadOnlySpan<char> k) =>
            SportsWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(k) ? 2 : WeakSportsWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(k) ? 1 : 0;
    }

    /// <summary>Words after a city that make a football club: مانشستر يونايتد, مانشستر سيتي.</summary>
    public static readonly FrozenSet<string> ClubSuffixes = Set("يونايتد سيتي هوتسبير وندررز روفرز ألبيون أثلتيك اثلتيك فيلا");

    /// <summary>Nouns after which even a place name that is also a common word is read as a place.</summary>
    public static readonly FrozenSet<string> PlaceNouns = Set("قرية بلدة مدينة مدن بلدات قرى مخيم محافظة ولاية إقليم منطقة مقاطعة حي ناحية قضاء عاصمة ضاحية");

    /// <summary>The singular place nouns: only these name the place after them (مدينة صور); a plural names where the places
    /// are (أكبر مدن البلاد: "the country", not a village called البلاد).</summary>
    public static readonly FrozenSet<string> SingularPlaceNouns = Set("قرية بلدة مدينة مخيم محافظة ولاية إقليم منطقة مقاطعة حي ناحية قضاء عاصمة ضاحية");

    /// <summary>True when the token is a place noun (مدينة, قرية …), also after و ف ب ل (بمدينة, وقرية).</summary>
    public static bool IsPlaceNoun(ArabicText text, int token) => InSetWithProclitic(PlaceNouns, text, token, "وفبل", minLength: 5);

    /// <summary>True when the token is a common Arabic word (a dictionary noun, verb or function word) and not a name word.</summary>
    public static bool IsCommonWord(ArabicText text, int token)
    {
        if (text.Tokens[token].Kind != TokenKind.Word) return false;
        Span<char> buffer = stackalloc char[120];
        var n = Lexical(text, token, buffer);
        if (n < 0) return false;
        var word = buffer[..n];
        var c = ArabicLexicon.Default.Lookup(word);
        if (c == WordClass.None && word.Length > 4 && word.StartsWith("ال")) c = ArabicLexicon.Default.Lookup(word[2..]);
        return (c & (WordClass.Noun | WordClass.Verb | WordClass.Function)) != 0 && (c & WordClass.Name) == 0;
    }

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
