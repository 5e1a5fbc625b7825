using Hadath.Arabic;
using Hadath.Core.Model;
using Hadath.Extraction.Quantities;
using Hadath.Extraction.Times;

namespace Hadath.Extraction.Tests.Quantities;

public class QuantityRecognizerTests
{
    private static List<(string Text, double Value, string? Unit)> Find(string text, string? published = "2025-08-06") =>
        [.. QuantityRecognizer.Recognize(ArabicAnalyzer.Default.Analyze(text), published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture))
            .Select(q => (text[q.Span.Start..q.Span.End], q.Value, q.Unit))];

    [Theory]
    [InlineData("استمر اللقاء حوالي 3 ساعات", "3 ساعات", 3, "hour")]
    [InlineData("في زيارة هي الخامسة له إلى روسيا", "الخامسة", 5, "ordinal")]
    [InlineData("رد ترامب بإعادة تمركز غواصتين نوويتين أمريكيتين", "غواصتين", 2, "غواصة")]
    [InlineData("تظاهر 500 متظاهر أمام البرلمان", "500 متظاهر", 500, "متظاهر")]
    [InlineData("أسفر الانفجار عن مقتل 12 شخصا", "12 شخصا", 12, "شخص")]
    [InlineData("نشرت الحكومة ثلاثة آلاف جندي على الحدود", "ثلاثة آلاف جندي", 3000, "جندي")]
    [InlineData("ارتفع التضخم إلى 45% في يوليو", "45%", 45, "percent")]
    [InlineData("تراجعت البطالة بنسبة ٣٫٥٪ خلال الربع", "٣٫٥٪", 3.5, "percent")]
    [InlineData("نما الاقتصاد 4 في المئة هذا العام", "4 في المئة", 4, "percent")]
    [InlineData("زادت المبيعات 20 بالمئة", "20 بالمئة", 20, "percent")]
    [InlineData("قدمت واشنطن مساعدات بقيمة مليار دولار", "مليار دولار", 1e9, "USD")]
    [InlineData("خصص الاتحاد 3 مليارات يورو للإعمار", "3 مليارات يورو", 3e9, "EUR")]
    [InlineData("استمرت المفاوضات يومين كاملين", "يومين", 2, "day")]
    [InlineData("وصلت سبع طائرات إلى المطار", "سبع طائرات", 7, "طائرة")]
    [InlineData("أصيب 30 مدنيين بجروح", "30 مدنيين", 30, "مدني")]
    [InlineData("سقط 5 قتلى في الاشتباكات", "5 قتلى", 5, "قتيل")]
    [InlineData("زار الوفد دولة واحدة فقط", "دولة واحدة", 1, "دولة")]
    [InlineData("تطوع المئات في الساعات الأربع والعشرين الأخيرة", "الأربع والعشرين", 24, "hour")]
    public void Finds_numbers_with_what_they_count(string sentence, string text, double value, string? unit)
    {
        var found = Find(sentence);
        Assert.True(found.Any(q => q.Text == text), $"no «{text}» in: {string.Join(" | ", found.Select(q => $"{q.Text}={q.Value} {q.Unit}"))}");
        var q = found.First(q => q.Text == text);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("في زيارة هي الخامسة له إلى روسيا خلال عام 2025")]
    [InlineData("وقع الاتفاق في 6 أغسطس 2025 بالقاهرة")]
    [InlineData("الأحد 29-11-2020 19:45 استقبل الرئيس ضيفه")]
    [InlineData("انفجرت القنبلة الساعة الثانية من فجر الثلاثاء")]
    [InlineData("صدر القرار في كانون الأول الماضي")]
    [InlineData("وقعت الحرب في التسعينيات ثم انتهت 2003.")]
    public void Leaves_out_years_day_numbers_and_clock_times(string sentence)
    {
        var found = Find(sentence);
        Assert.DoesNotContain(found, q => q.Value is 2025 or 2020 or 2003 or 6 or 29 or 11 or 19 or 45);
        Assert.DoesNotContain(found, q => q.Unit == "ordinal" && q.Text != "الخامسة");
    }

    [Fact]
    public void The_seed_article_has_its_three_quantities()
    {
        var text = File.ReadAllText(Repo.Shared("fixtures", "seed", "putin-witkoff.ar.txt"));
        var found = Find(text);
        Assert.Contains(found, q => q.Text == "3 ساعات" && q.Value == 3 && q.Unit == "hour");
        Assert.Contains(found, q => q.Text == "الخامسة" && q.Value == 5 && q.Unit == "ordinal");
        Assert.Contains(found, q => q.Text == "غواصتين" && q.Value == 2 && q.Unit == "غواصة");
        Assert.DoesNotContain(found, q => q.Text == "نوويتين");
    }

    [Theory]
    [InlineData("أسفر الهجوم عن مقتل 12 شخصا وإصابة 30 آخرين", 12.0, 30.0)]
    [InlineData("أدت الاشتباكات إلى سقوط 5 قتلى و10 جرحى", 5.0, 10.0)]
    [InlineData("لقي 4 أشخاص حتفهم في حادث سير", 4.0, null)]
    [InlineData("ارتفعت حصيلة القتلى إلى 30 في المدينة", 30.0, null)]
    [InlineData("أعلن الجيش مقتل أكثر من 20 مسلحا", 20.0, null)]
    [InlineData("أعلنت الوزارة استشهاد ثلاثة فلسطينيين", 3.0, null)]
    [InlineData("بلغ عدد الجرحى 15 شخصا", null, 15.0)]
    [InlineData("أصيب 7 جنود بجروح طفيفة", null, 7.0)]
    [InlineData("أسفرت المجزرة عن مقتل 61 فلسطينيا وإصابة 2800 آخرين", 61.0, 2800.0)]
    public void Finds_killed_and_injured_counts(string sentence, double? killed, double? injured)
    {
        var text = ArabicAnalyzer.Default.Analyze(sentence);
        var counts = CasualtyFinder.Find(text, 0);
        Assert.Equal(killed, counts.Where(c => c.Kind == CasualtyKind.Killed).Select(c => (double?)c.Value).FirstOrDefault());
        Assert.Equal(injured, counts.Where(c => c.Kind == CasualtyKind.Injured).Select(c => (double?)c.Value).FirstOrDefault());
        Assert.All(counts, c => Assert.False(c.Cue.IsEmpty));
    }

    [Theory]
    [InlineData("وصل 300 متظاهر إلى الساحة")]
    [InlineData("قتل الوقت في انتظار 3 ساعات")]
    [InlineData("قتل في عام 2015 عدد من الجنود")]
    public void Does_not_call_other_counts_casualties(string sentence)
    {
        var counts = CasualtyFinder.Find(ArabicAnalyzer.Default.Analyze(sentence), 0);
        Assert.DoesNotContain(counts, c => c.Value is 300 or 2015);
        if (sentence.Contains("3 ساعات", StringComparison.Ordinal)) Assert.Empty(counts);
    }

    [Fact]
    public void Component_writes_quantities_and_casualties_and_respects_the_time_layer()
    {
        var pipeline = new Pipeline([new TimeRecognizer(), new QuantityRecognizer()]);
        var input = new InputDocument { Id = "q", Text = "أسفر الهجوم في 6 أغسطس 2025 عن مقتل 12 شخصا وإصابة 30 آخرين.", Published = new DateOnly(2025, 8, 6) };
        var ctx = new AnalysisContext(input, ArabicAnalyzer.Default.Analyze(input.Text), new AnalyzedDocument());
        foreach (var c in new IPipelineComponent[] { new TimeRecognizer(), new QuantityRecognizer() }) c.Process(ctx);
        Assert.Equal(["12 شخصا", "30 آخرين"], ctx.Output.Quantities.Select(q => q.Text));
        var casualties = ctx.Get<CasualtyLayer>().Counts;
        Assert.Equal([(CasualtyKind.Killed, 12.0), (CasualtyKind.Injured, 30.0)], casualties.Select(c => (c.Kind, c.Value)));
        Assert.Equal(2, ctx.Get<QuantityLayer>().Mentions.Count);
        Assert.Null(pipeline.Analyze(input).Error);
    }
}
