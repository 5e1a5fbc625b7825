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
    public void A_closing_quote_stays_with_its_sentence()
    {
        var s = Split("وقال: \"سنرى ما سيحدث.\" ثم غادر.");
        Assert.Equal(["وقال: \"سنرى ما سيحدث.\"", "ثم غادر."], s);
        s = Split("وقال: «انتهى الأمر.» وغادر.");
        Assert.Equal("وقال: «انتهى الأمر.»", s[0]);
    }
}
