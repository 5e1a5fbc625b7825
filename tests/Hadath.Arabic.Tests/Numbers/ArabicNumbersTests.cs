using Hadath.Arabic;

namespace Hadath.Arabic.Tests.Numbers;

public class ArabicNumbersTests
{
    private static List<NumberMatch> Find(string text) => [.. ArabicNumbers.Find(ArabicAnalyzer.Default.Analyze(text))];

    private static NumberMatch Single(string text)
    {
        var all = Find(text);
        Assert.True(all.Count == 1, $"expected one number in «{text}», found {all.Count}: {string.Join(", ", all.Select(m => text[m.Span.Start..m.Span.End]))}");
        return all[0];
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("٣", 3)]
    [InlineData("۳", 3)]
    [InlineData("3.5", 3.5)]
    [InlineData("٣٫٥", 3.5)]
    [InlineData("1,200", 1200)]
    [InlineData("١٬٢٠٠", 1200)]
    [InlineData("۱۲۰۰", 1200)]
    [InlineData("12,345,678", 12345678)]
    [InlineData("1,200.5", 1200.5)]
    [InlineData("3,5", 3.5)]
    public void Reads_digits_in_all_three_scripts(string digits, double value)
    {
        Assert.True(ArabicNumbers.TryParseDigits(digits, out var v));
        Assert.Equal(value, v, 6);
        var m = Single($"وصل {digits} متظاهر");
        Assert.Equal(value, m.Value, 6);
        Assert.True(m.Digits);
        Assert.Equal(NumberKind.Cardinal, m.Kind);
    }

    [Theory]
    [InlineData("29.11.2020")]
    [InlineData("")]
    [InlineData("12a")]
    public void Rejects_what_is_not_a_number(string s) => Assert.False(ArabicNumbers.TryParseDigits(s, out _));

    [Theory]
    [InlineData("واحد", 1)]
    [InlineData("اثنان", 2)]
    [InlineData("اثنين", 2)]
    [InlineData("ثلاث", 3)]
    [InlineData("ثلاثة", 3)]
    [InlineData("أربعة", 4)]
    [InlineData("ثمانية", 8)]
    [InlineData("عشرة", 10)]
    [InlineData("أحد عشر", 11)]
    [InlineData("إحدى عشرة", 11)]
    [InlineData("اثنا عشر", 12)]
    [InlineData("ثلاثة عشر", 13)]
    [InlineData("تسعة عشر", 19)]
    [InlineData("عشرون", 20)]
    [InlineData("عشرين", 20)]
    [InlineData("خمسة وعشرين", 25)]
    [InlineData("تسعة وتسعون", 99)]
    [InlineData("مئة", 100)]
    [InlineData("مائة", 100)]
    [InlineData("مئتين", 200)]
    [InlineData("ثلاثمئة", 300)]
    [InlineData("ثلاث مئة", 300)]
    [InlineData("مئة وخمسون", 150)]
    [InlineData("ألف", 1000)]
    [InlineData("ألفين", 2000)]
    [InlineData("ثلاثة آلاف", 3000)]
    [InlineData("عشرة آلاف", 10000)]
    [InlineData("ألف وخمسمئة", 1500)]
    [InlineData("عشرين ألفا", 20000)]
    [InlineData("مليون", 1e6)]
    [InlineData("خمسة ملايين", 5e6)]
    [InlineData("مليار", 1e9)]
    public void Reads_number_words_and_compounds(string words, double value)
    {
        var m = Single($"قال إن {words} جندي وصلوا");
        Assert.Equal(value, m.Value);
        Assert.Equal(NumberKind.Cardinal, m.Kind);
        Assert.False(m.Digits);
    }

    [Theory]
    [InlineData("3 ملايين", 3e6)]
    [InlineData("1.5 مليار", 1.5e9)]
    [InlineData("500 ألف", 500_000)]
    [InlineData("٣ آلاف", 3000)]
    public void Reads_digits_with_a_scale_word(string words, double value) =>
        Assert.Equal(value, Single($"رصدت الحكومة {words} دولار").Value);

    [Theory]
    [InlineData("نصف", 0.5)]
    [InlineData("ربع", 0.25)]
    public void Reads_fractions(string word, double value)
    {
        var m = Single($"مضى {word} ساعة");
        Assert.Equal(NumberKind.Fraction, m.Kind);
        Assert.Equal(value, m.Value);
    }

    [Theory]
    [InlineData("الأول", 1)]
    [InlineData("الأولى", 1)]
    [InlineData("الثاني", 2)]
    [InlineData("الثانية", 2)]
    [InlineData("الخامس", 5)]
    [InlineData("الخامسة", 5)]
    [InlineData("العاشر", 10)]
    [InlineData("الحادي عشر", 11)]
    [InlineData("الحادية عشرة", 11)]
    [InlineData("الثاني عشر", 12)]
    [InlineData("التاسع عشر", 19)]
    [InlineData("العشرين", 20)]
    [InlineData("الحادي والعشرين", 21)]
    [InlineData("الخامس والعشرين", 25)]
    public void Reads_ordinals(string words, double value)
    {
        var m = Single($"في زيارة هي {words} له");
        Assert.Equal(NumberKind.Ordinal, m.Kind);
        Assert.Equal(value, m.Value);
    }

    [Theory]
    [InlineData("ساعتين", "ساعة")]
    [InlineData("يومين", "يوم")]
    [InlineData("شهرين", "شهر")]
    [InlineData("عامين", "عام")]
    [InlineData("سنتين", "سنة")]
    [InlineData("أسبوعين", "اسبوع")]
    [InlineData("مرتين", "مرة")]
    [InlineData("يومان", "يوم")]
    public void Reads_dual_nouns_of_the_closed_list(string word, string singular)
    {
        var m = Single($"استمر الاجتماع {word} كاملة");
        Assert.Equal(NumberKind.Dual, m.Kind);
        Assert.Equal(2, m.Value);
        Assert.Equal(singular, m.Noun);
    }

    [Theory]
    [InlineData("بإعادة تمركز غواصتين نوويتين أمريكيتين", "غواصتين", "غواصة")]
    [InlineData("أبحرت غواصتان نوويتان", "غواصتان", "غواصة")]
    [InlineData("انفجرت سيارتين مفخختين", "سيارتين", "سيارة")]
    public void Reads_a_feminine_dual_by_agreement_with_its_adjective(string text, string surface, string singular)
    {
        var m = Single(text);
        Assert.Equal(NumberKind.Dual, m.Kind);
        Assert.Equal(surface, text[m.Span.Start..m.Span.End]);
        Assert.Equal(singular, m.Noun);
    }

    [Fact]
    public void Spans_start_after_proclitics_and_keep_diacritics()
    {
        const string text = "وصل وثلاثةُ آلافٍ جندي بخمسة أيام";
        var all = Find(text);
        Assert.Equal(2, all.Count);
        Assert.Equal("ثلاثةُ آلافٍ", text[all[0].Span.Start..all[0].Span.End]);
        Assert.Equal(3000, all[0].Value);
        Assert.Equal("خمسة", text[all[1].Span.Start..all[1].Span.End]);
        Assert.Equal(5, all[1].Value);
    }

    [Theory]
    [InlineData("لست أدري ما حدث")] // ل + ست is not "six"
    [InlineData("يوم الاثنين المقبل")] // Monday, not "two"
    [InlineData("تظاهر آلاف المحتجين")] // vague
    [InlineData("قال مارتين لوثر")] // a name in -تين without an agreeing adjective
    public void Does_not_read_numbers_where_there_are_none(string text) => Assert.Empty(Find(text));

    [Fact]
    public void Matches_do_not_overlap_and_point_into_the_text()
    {
        const string text = "قتل 12 شخصا وأصيب خمسة وعشرون آخرون في الهجوم الثالث خلال يومين، وفر 1,500 شخص.";
        var all = Find(text);
        Assert.Equal([12.0, 25, 3, 2, 1500], all.Select(m => m.Value));
        for (var i = 1; i < all.Count; i++) Assert.True(all[i - 1].Span.End <= all[i].Span.Start);
        Assert.All(all, m => Assert.InRange(m.Span.End, m.Span.Start + 1, text.Length));
    }

    [Theory]
    [InlineData("ثلاثة", 3.0, NumberKind.Cardinal)]
    [InlineData("الخامسة", 5.0, NumberKind.Ordinal)]
    [InlineData("مئتين", 200.0, NumberKind.Cardinal)]
    [InlineData("ساعتين", 2.0, NumberKind.Dual)]
    public void Parses_single_normalised_words(string word, double value, NumberKind kind)
    {
        Assert.True(ArabicNumbers.TryParseWord(Normalizer.Normalize(word), out var v, out var k));
        Assert.Equal(value, v);
        Assert.Equal(kind, k);
    }
}
