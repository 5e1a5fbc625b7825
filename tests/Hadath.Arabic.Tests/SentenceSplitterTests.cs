using Hadath.Arabic;

namespace Hadath.Arabic.Tests;

public class SentenceSplitterTests
{
    private static List<string> Split(string text) => [.. SentenceSplitter.Split(text).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Seed_article_has_its_19_sentences_and_none_crosses_a_line_break()
    {
        var text = File.ReadAllText(Repo.Sample("putin-witkoff.ar.txt"));
        var sentences = SentenceSplitter.Split(text);
        Assert.InRange(sentences.Count, 19, 20); // 20 when the headline splits at its ".."
        Assert.All(sentences, s => Assert.DoesNotContain('\n', text[s.Start..s.End]));
        Assert.Contains(sentences, s => text[s.Start..s.End] == "بوتين يماطل في المفاوضات ويتهرب من الجدية");
        Assert.Contains(sentences, s => text[s.Start..s.End] == "بوتين يعزز العلاقات العسكرية الروسية");
    }

    [Theory]
    [InlineData("ارتفع المؤشر 3.5 نقطة. ثم انخفض.", 2)]
    [InlineData("صدر القرار بتاريخ 2025/08/06 في القاهرة. وقال الوزير.", 2)]
    [InlineData("قال د. محمد إن الوضع خطير. وأضاف أنه سيعود.", 2)]
    [InlineData("هل ستعقد القمة؟ نعم! ستعقد غدا…", 3)]
    [InlineData("عنوان بلا نقطة\nوهذا نص الخبر.", 2)]
    [InlineData("", 0)]
    [InlineData("   \n\n  ", 0)]
    public void Counts_sentences(string text, int expected) => Assert.Equal(expected, SentenceSplitter.Split(text).Count);

    [Fact]
    public void A_run_without_sentence_ends_is_cut_before_the_limit_at_a_clause_mark_or_a_space()
    {
        var text = string.Join(" ", Enumerable.Repeat("قتل مسلحون ثلاثة جنود جراء غارة، وتبنى التنظيم الهجوم", 400));
        var sentences = SentenceSplitter.Split(text);
        Assert.True(sentences.Count > 1);
        Assert.All(sentences, s => Assert.True(s.Length <= SentenceSplitter.MaxSentenceChars, $"{s.Length}"));
        // cut after a comma, never inside a word, and nothing lost
        Assert.All(sentences.Take(sentences.Count - 1), s => Assert.Equal('،', text[s.End - 1]));
        Assert.Equal(text.Replace(" ", ""), string.Concat(sentences.Select(s => text[s.Start..s.End])).Replace(" ", ""));
    }

    [Fact]
    public void A_closing_quote_stays_with_its_sentence()
    {
        var s = Split("وقال: \"سنرى ما سيحدث.\" ثم غادر.");
        Assert.Equal(["وقال: \"سنرى ما سيحدث.\"", "ثم غادر."], s);
        s = Split("وقال: «انتهى الأمر.» وغادر.");
        Assert.Equal("وقال: «انتهى الأمر.»", s[0]);
    }
}

public class SentenceSplitterEdgeTests
{
    private static List<string> Split(string text) => [.. SentenceSplitter.Split(text).Select(s => text[s.Start..s.End])];

    [Fact]
    public void A_full_stop_glued_to_the_next_Arabic_word_ends_the_sentence()
    {
        Assert.Equal(["انتهى الاجتماع.", "وقال الوزير إنه راض."], Split("انتهى الاجتماع.وقال الوزير إنه راض."));
        Assert.Equal(["وقال: «انتهى الأمر».", "وأضاف أنه سيعود."], Split("وقال: «انتهى الأمر».وأضاف أنه سيعود."));
    }

    [Theory]
    [InlineData("أفرجت القـ.سا.م عن 20 أسيرا.")]                 // a name dotted to dodge filters
    [InlineData("نقلت (أ.ف.ب) عن مصدر أمني قوله إن الوضع هادئ.")] // a dotted abbreviation
    [InlineData("قال د.محمد إن الوضع خطير.")]
    [InlineData("بني المعبد عام 300 ق.م في الجنوب.")]
    [InlineData("وصل المبعوث في 6.8.2025 إلى موسكو.")]
    [InlineData("ارتفع المؤشر 3.5 نقطة، وانخفض الدولار؛ ثم استقر.")]
    public void These_are_one_sentence(string text) => Assert.Single(SentenceSplitter.Split(text));

    [Fact]
    public void Question_and_exclamation_marks_in_both_scripts()
    {
        Assert.Equal(3, SentenceSplitter.Split("هل ستعقد القمة؟ نعم! Will it? ").Count);
        Assert.Equal(["قال: \"هل انتهى؟\"", "ثم غادر."], Split("قال: \"هل انتهى؟\" ثم غادر."));
        Assert.Equal(["سأل: “لماذا؟”", "فلم يجب."], Split("سأل: “لماذا؟” فلم يجب."));
    }

    [Fact]
    public void A_headline_without_punctuation_is_its_own_sentence()
    {
        Assert.Equal(["بوتين يستقبل ويتكوف", "استقبل الرئيس الروسي المبعوث الأمريكي."],
            Split("بوتين يستقبل ويتكوف\r\n\r\nاستقبل الرئيس الروسي المبعوث الأمريكي."));
    }

    [Fact]
    public void An_ellipsis_ends_a_sentence_before_white_space()
    {
        Assert.Equal(["ومصر ترفض التعنت...", "وقال المتحدث."], Split("ومصر ترفض التعنت... وقال المتحدث."));
        Assert.Equal(2, SentenceSplitter.Split("ستعقد غدا… وقال المتحدث.").Count);
    }
}
