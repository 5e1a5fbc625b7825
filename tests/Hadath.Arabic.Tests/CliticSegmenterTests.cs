using Hadath.Arabic;

namespace Hadath.Arabic.Tests;

/// <summary>Clitic segmentation, one table per phenomenon; the expected form is UD Arabic's: parts joined by '+'.</summary>
public class CliticSegmenterTests
{
    /// <summary>The segmentation of the only word of <paramref name="word"/> as UD writes it: و+ب+التالي.</summary>
    internal static string Segmented(string word)
    {
        var text = ArabicAnalyzer.Default.Analyze(word);
        Assert.Single(text.Tokens);
        var tok = text.Tokens[0];
        Span<TextSpan> pro = stackalloc TextSpan[4];
        var n = CliticSegmenter.ProcliticParts(word, tok, pro);
        var parts = new List<string>();
        for (var i = 0; i < n; i++) parts.Add(word[pro[i].Start..pro[i].End]);
        parts.Add(word[tok.Stem.Start..tok.Stem.End]);
        if (tok.HasEnclitic) parts.Add(word[tok.Enclitic.Start..tok.Enclitic.End]);
        return string.Join('+', parts);
    }

    private static Token Only(string word) => Assert.Single(ArabicAnalyzer.Default.Analyze(word).Tokens);

    [Theory]
    [InlineData("وقال", "و+قال")]
    [InlineData("وهو", "و+هو")]
    [InlineData("وقد", "و+قد")]
    [InlineData("فقد", "ف+قد")]
    [InlineData("فإن", "ف+إن")]
    [InlineData("ولكن", "و+لكن")]
    [InlineData("وأضاف", "و+أضاف")]
    [InlineData("والولايات", "و+الولايات")]
    [InlineData("فالحكومة", "ف+الحكومة")]
    public void Conjunctions_wa_and_fa(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("بشكل", "ب+شكل")]
    [InlineData("بالنسبة", "ب+النسبة")]
    [InlineData("كرئيس", "ك+رئيس")]
    [InlineData("لتطوير", "ل+تطوير")]
    [InlineData("لكل", "ل+كل")]
    [InlineData("لأن", "ل+أن")]
    [InlineData("بأن", "ب+أن")]
    [InlineData("بهذه", "ب+هذه")]
    [InlineData("لتكون", "ل+تكون")]
    public void Prepositions_ba_kaf_lam(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("وبالتالي", "و+ب+التالي")]
    [InlineData("ولذلك", "و+ل+ذلك")]
    [InlineData("وسيكون", "و+س+يكون")]
    [InlineData("فستكون", "ف+س+تكون")]
    [InlineData("وبين", "و+بين")]
    [InlineData("وله", "و+ل+ه")]
    public void Proclitic_stacks(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("للسلطة", "ل+لسلطة", "السلطة")]
    [InlineData("وللمرة", "و+ل+لمرة", "المرة")]
    [InlineData("للحكومة", "ل+لحكومة", "الحكومة")]
    public void Lam_lam_is_lam_with_the_elided_article(string word, string expected, string stem)
    {
        Assert.Equal(expected, Segmented(word));
        Assert.True((Only(word).Flags & TokenFlags.ElidedArticle) != 0);
        Assert.Equal(stem, ArabicAnalyzer.Default.Analyze(word).Stems[0]);
    }

    [Theory]
    [InlineData("سيكون", "س+يكون")]
    [InlineData("ستستمر", "س+تستمر")]
    [InlineData("سيسمح", "س+يسمح")]
    [InlineData("سيسهم", "س+يسهم")]
    public void Future_sin_on_imperfect_verbs(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("سياسة")]
    [InlineData("سيارة")]
    [InlineData("سنة")]
    [InlineData("ستة")]
    [InlineData("سيدة")]
    public void Sin_of_a_noun_stays(string word) => Assert.Equal(word, Segmented(word));

    [Theory]
    [InlineData("عليه", "علي+ه")]
    [InlineData("لها", "ل+ها")]
    [InlineData("منهم", "من+هم")]
    [InlineData("فيها", "في+ها")]
    [InlineData("إليه", "إلي+ه")]
    [InlineData("لديه", "لدي+ه")]
    [InlineData("به", "ب+ه")]
    [InlineData("بهم", "ب+هم")]
    [InlineData("لي", "ل+ي")]
    [InlineData("معها", "مع+ها")]
    [InlineData("بينهم", "بين+هم")]
    public void Enclitics_on_prepositions(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("قواته", "قوات+ه")]
    [InlineData("تهديده", "تهديد+ه")]
    [InlineData("حكومته", "حكومت+ه")]
    [InlineData("كتابه", "كتاب+ه")]
    [InlineData("حكومتنا", "حكومت+نا")]
    [InlineData("أرضنا", "أرض+نا")]
    [InlineData("عملنا", "عمل+نا")]
    [InlineData("نفسه", "نفس+ه")]
    [InlineData("ارتداؤه", "ارتداؤ+ه")]
    [InlineData("بلادنا", "بلاد+نا")]
    [InlineData("لبلادنا", "ل+بلاد+نا")]
    public void Enclitics_on_nouns(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("إنه", "إن+ه")]
    [InlineData("أنها", "أن+ها")]
    [InlineData("أنهم", "أن+هم")]
    [InlineData("لكنها", "لكن+ها")]
    [InlineData("بأنها", "ب+أن+ها")]
    [InlineData("لأنه", "ل+أن+ه")]
    public void Enclitics_on_complementisers(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("نشرتها", "نشرت+ها")]
    [InlineData("يجعلنا", "يجعل+نا")]
    [InlineData("ينتظرنا", "ينتظر+نا")]
    [InlineData("أبقاه", "أبقا+ه")]
    [InlineData("يمكنه", "يمكن+ه")]
    public void Enclitics_on_verbs(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("أكدنا")]   // نا after a verb only: "we confirmed"
    [InlineData("وصلوا")]   // وصل + وا, not و + صلوا
    [InlineData("وصلت")]
    [InlineData("توجها")]   // توجه + tanwin alef, not توج + ها
    [InlineData("متهما")]   // متهم + tanwin alef, not مت + هما
    [InlineData("وفقا")]
    public void Subject_suffixes_and_tanwin_are_not_pronouns(string word) => Assert.Equal(word, Segmented(word));

    [Theory]
    [InlineData("ولاسيما", "و+لاسيما")]
    [InlineData("ووقع", "و+وقع")]     // a stem hardly starts with وو
    [InlineData("ووصلت", "و+وصلت")]
    public void Fixed_adverbs_and_double_waw(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("ويتكوف")]
    [InlineData("واشنطن")]
    [InlineData("بوتين")]
    [InlineData("فلاديمير")]
    [InlineData("كندا")]
    [InlineData("لبنان")]
    [InlineData("وزير")]
    [InlineData("وصل")]
    [InlineData("بلد")]
    [InlineData("كتاب")]
    [InlineData("فرنسا")]
    [InlineData("لندن")]
    [InlineData("وكالة")]
    [InlineData("ولاية")]
    [InlineData("موسكو")]
    [InlineData("باريس")]
    [InlineData("برلين")]
    public void Names_and_words_that_look_like_clitics_stay_whole(string word) => Assert.Equal(word, Segmented(word));

    [Theory]
    [InlineData("ويتكوف")]
    [InlineData("واشنطن")]
    [InlineData("بوتين")]
    [InlineData("فلاديمير")]
    [InlineData("لبنان")]
    [InlineData("موسكو")]
    public void Listed_names_are_protected(string word) => Assert.True((Only(word).Flags & TokenFlags.Protected) != 0, word);

    [Theory]
    [InlineData("قال")]
    [InlineData("الحكومة")]
    public void Ordinary_words_are_not_protected(string word) => Assert.Equal(TokenFlags.None, Only(word).Flags & TokenFlags.Protected);

    [Theory]
    [InlineData("وبوتين", "و+بوتين")]
    [InlineData("وترامب", "و+ترامب")]
    [InlineData("لترامب", "ل+ترامب")]
    public void A_name_takes_a_proclitic(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Theory]
    [InlineData("بين")]
    [InlineData("بعد")]
    [InlineData("كما")]
    [InlineData("لكن")]
    [InlineData("الذين")]
    [InlineData("فيما")]
    [InlineData("لغة")]
    [InlineData("ليلة")]
    [InlineData("بيان")]
    [InlineData("فحسب")]
    [InlineData("واحد")]
    [InlineData("مياه")]
    [InlineData("اتجاه")]
    [InlineData("الله")]
    public void Function_words_and_lexicon_words_stay_whole(string word) => Assert.Equal(word, Segmented(word));

    [Theory]
    [InlineData("معنى")]
    [InlineData("مستشفى")]
    [InlineData("مبنى")]
    public void A_final_alef_maksura_is_never_the_pronoun_ya(string word) => Assert.Equal(word, Segmented(word));

    [Theory]
    [InlineData("مما", "م+ما")]
    [InlineData("ممن", "م+من")]
    public void Assimilated_min(string word, string expected) => Assert.Equal(expected, Segmented(word));

    [Fact]
    public void Diacritics_stay_with_the_letter_they_are_written_on()
    {
        Assert.Equal("بِ+النسبة", Segmented("بِالنسبة"));
        Assert.Equal("وَ+قَالَ", Segmented("وَقَالَ"));
        Assert.Equal("ب+شكلٍ", Segmented("بشكلٍ"));
    }

    [Fact]
    public void Stems_are_normalised_without_clitics()
    {
        var text = ArabicAnalyzer.Default.Analyze("وقال إنه سيعود إلى بلاده للمرة الأولى");
        Assert.Equal(["قال", "ان", "يعود", "الي", "بلاد", "المرة", "الاولي"], text.Stems);
    }

    [Fact]
    public void An_empty_lexicon_splits_only_the_one_letter_prepositions_with_a_pronoun()
    {
        var seg = new CliticSegmenter(ArabicLexicon.Empty);
        Assert.Equal(0, seg.Analyze("وقال").Proclitic);
        var lh = seg.Analyze("له");
        Assert.Equal((0, 1), (lh.Proclitic, lh.Enclitic));
    }

    [Fact]
    public void Explain_lists_the_readings_best_first()
    {
        var readings = CliticSegmenter.Default.Explain("وقد");
        Assert.StartsWith("و+قد ", readings[0], StringComparison.Ordinal);
        Assert.Contains(readings, r => r.StartsWith("وقد ", StringComparison.Ordinal));
    }
}
