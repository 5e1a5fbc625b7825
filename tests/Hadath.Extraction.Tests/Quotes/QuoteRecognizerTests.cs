using Hadath.Core.Model;
using Hadath.Extraction.Quotes;

namespace Hadath.Extraction.Tests.Quotes;

/// <summary>One test per cue family. Built with the quote component alone, so speakers come from the words around the cue.</summary>
public class QuoteRecognizerTests
{
    private static readonly Pipeline Quotes = new([new QuoteRecognizer()]);

    private static List<QuoteOut> Analyze(string text) => Quotes.Analyze(new InputDocument { Id = "t", Text = text }).Quotes;

    private static QuoteOut Single(string text)
    {
        var quotes = Analyze(text);
        Assert.Single(quotes);
        return quotes[0];
    }

    [Theory]
    [InlineData("وقال الوزير في مؤتمر صحفي: \"لن نقبل بهذا الاتفاق مهما كانت الضغوط\".", "لن نقبل بهذا الاتفاق مهما كانت الضغوط", "الوزير")]
    [InlineData("وقال المتحدث «نرفض هذه الاتهامات جملة وتفصيلا».", "نرفض هذه الاتهامات جملة وتفصيلا", "المتحدث")]
    [InlineData("وأكدت الوزارة في بيان: “الوضع تحت السيطرة تماما الآن”.", "الوضع تحت السيطرة تماما الآن", "الوزارة")]
    [InlineData("وقال غوتيريش ” يساورني قلق بالغ إزاء ما يحدث”.", "يساورني قلق بالغ إزاء ما يحدث", "غوتيريش")]
    public void Direct_quote_after_a_speech_verb(string text, string quote, string speaker)
    {
        var q = Single(text);
        Assert.True(q.Direct);
        Assert.Equal(quote, q.Text);
        Assert.Equal(quote, text[q.Start..q.End]); // spans exclude the marks
        Assert.Equal(speaker, q.Speaker?.Text);
    }

    [Fact]
    public void Quote_followed_by_its_cue()
    {
        var q = Single("\"لن نتراجع عن مواقفنا المعلنة أبدا\"، قال الرئيس.");
        Assert.Equal("لن نتراجع عن مواقفنا المعلنة أبدا", q.Text);
        Assert.Equal("الرئيس", q.Speaker?.Text);
    }

    [Theory]
    [InlineData("وقال الناطق باسم الجيش إن القوات صدت هجوما واسعا.", "إن القوات صدت هجوما واسعا", "الناطق باسم الجيش")]
    [InlineData("وأعلنت الحكومة أنها ستفرض حظرا للتجول.", "أنها ستفرض حظرا للتجول", "الحكومة")]
    [InlineData("ويقول محللون غربيون إن المفاوضات متعثرة.", "إن المفاوضات متعثرة", "محللون غربيون")]
    [InlineData("وحذر المسؤول من أن الوضع قد ينفجر في أي لحظة.", "أن الوضع قد ينفجر في أي لحظة", "المسؤول")]
    [InlineData("وقال وزير الدفاع: إن التعبئة تهدف إلى تجنيد الاحتياط.", "إن التعبئة تهدف إلى تجنيد الاحتياط", "وزير الدفاع")]
    public void Reported_speech_with_a_complementizer(string text, string quote, string speaker)
    {
        var q = Single(text);
        Assert.False(q.Direct);
        Assert.Equal(quote, q.Text);
        Assert.Equal(speaker, q.Speaker?.Text);
    }

    [Fact]
    public void A_phrase_governed_by_fi_after_the_cue_is_no_speaker()
    {
        var q = Single("وكانت حركة حماس أعلنت في شريط مصور نشر على الإنترنت أنها أسرت جنديا.");
        Assert.DoesNotContain("شريط", q.Speaker?.Text ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Reported_speech_as_a_bi_phrase()
    {
        var q = Single("أفاد المكتب الإعلامي، اليوم الأحد، بانتهاء الاجتماع بين الطرفين.");
        Assert.Equal("انتهاء الاجتماع بين الطرفين", q.Text);
        Assert.Equal("المكتب الإعلامي", q.Speaker?.Text);
    }

    [Fact]
    public void Attribution_before_and_after_the_words()
    {
        var lead = Single("وبحسب المصادر الطبية فقد ارتفع عدد الضحايا إلى عشرين.");
        Assert.Equal("ارتفع عدد الضحايا إلى عشرين", lead.Text);
        Assert.Equal("المصادر الطبية", lead.Speaker?.Text);

        var trail = Single("ارتفع عدد الضحايا إلى عشرين، بحسب ما ذكرت وكالة الأنباء.");
        Assert.Equal("ارتفع عدد الضحايا إلى عشرين", trail.Text);
        Assert.Equal("وكالة الأنباء", trail.Speaker?.Text);
    }

    [Fact]
    public void Continuation_cue_takes_the_last_speaker()
    {
        var quotes = Analyze("وقال الرئيس: \"سنرى ما سيحدث في الأيام المقبلة\".\nوأضاف: \"لدينا اجتماع مهم غدا مع الطرف الآخر\".");
        Assert.Equal(2, quotes.Count);
        Assert.Equal("الرئيس", quotes[1].Speaker?.Text);
        Assert.Equal("وأضاف", quotes[1].Cue);
    }

    [Fact]
    public void Participle_cue_speaks_for_the_clause_subject()
    {
        var quotes = Analyze("وقال الوزير إن المحادثات ستستأنف، مضيفا أن الوفد سيصل غدا.");
        Assert.Equal(2, quotes.Count);
        Assert.Equal("الوزير", quotes[1].Speaker?.Text);
    }

    [Fact]
    public void Fronted_topic_with_fa_is_the_speaker()
    {
        var q = Single("أما الحلف فأعلن يوم الثلاثاء أنه بدأ تنسيق عمليات التسليم.");
        Assert.Equal("الحلف", q.Speaker?.Text);
    }

    [Fact]
    public void Headline_speaker_and_colon()
    {
        var q = Single("وزير الدفاع البريطاني: مستعدون لاتخاذ إجراءات مباشرة");
        Assert.True(q.Direct);
        Assert.Equal("مستعدون لاتخاذ إجراءات مباشرة", q.Text);
        Assert.Equal("وزير الدفاع البريطاني", q.Speaker?.Text);
    }

    [Theory]
    [InlineData("ونقلت وكالة \"سبوتنيك\" الخبر دون تعليق.")]
    [InlineData("وأطلع الرئيس «شكري» على آخر المستجدات.")]
    [InlineData("كتب: المصري اليوم الأحد 29-11-2020")]
    public void Quoted_names_and_bylines_are_not_quotes(string text) => Assert.Empty(Analyze(text));

    [Fact]
    public void A_quoted_name_after_the_cue_is_the_speaker_not_a_quote()
    {
        var q = Single("وقد حذر \"مركز الدراسات\" في تقييم صدر أمس من أن \"هناك مؤشرات واضحة على تصعيد وشيك\".");
        Assert.Equal("هناك مؤشرات واضحة على تصعيد وشيك", q.Text);
        Assert.Equal("مركز الدراسات", q.Speaker?.Text);
    }

    [Fact]
    public void Words_quoted_inside_reported_speech_leave_the_reported_clause_whole()
    {
        var quotes = Analyze("قال الوزير إنه أجرى مكالمة \"صريحة للغاية\" مع نظيره.");
        Assert.Contains(quotes, q => !q.Direct && q.Text.StartsWith("إنه أجرى مكالمة", StringComparison.Ordinal) && q.Speaker?.Text == "الوزير");
        Assert.Contains(quotes, q => q.Direct && q.Text == "صريحة للغاية");
    }
}
