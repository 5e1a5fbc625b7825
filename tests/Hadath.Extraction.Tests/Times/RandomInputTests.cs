using Hadath.Arabic;
using Hadath.Extraction.Quantities;
using Hadath.Extraction.Times;

namespace Hadath.Extraction.Tests.Times;

/// <summary>Arbitrary text made of time words, numbers, separators and noise: nothing throws, spans stay in bounds.</summary>
public class RandomInputTests
{
    private static readonly string[] Pieces =
    [
        "اليوم", "أمس", "غدًا", "يوم", "الثلاثاء", "الجمعة", "المقبل", "الماضي", "صباح", "مساء", "الساعة", "من", "في", "خلال",
        "عام", "العام", "الأسبوع", "هذا", "الشهر", "الربيع", "كانون", "الثاني", "تشرين", "آب", "/", "أغسطس", "رمضان", "هـ",
        "م", "2025", "١٤٤٦", "29", "-", "11", "6", "19:45", ":", "3", "ساعات", "ثلاثة", "آلاف", "وعشرين", "الخامسة", "غواصتين",
        "نوويتين", "%", "بالمئة", "مقتل", "قتلى", "حتفهم", "،", "(", ")", "\"", "«", "»", ".", "\n", "ـ", "\u200f", "ً", "x", "٫",
        "٬", "1,200", "3.5", "ونصف", "نصف", "الحادي", "عشر", "والعشرين", "قبل", "بعد", "لمدة", "تقريبا", "التسعينيات", "يوميا",
    ];

    [Fact]
    public void Random_token_soup_never_throws_and_spans_stay_in_bounds()
    {
        var random = new Random(20250806);
        for (var n = 0; n < 400; n++)
        {
            var parts = new string[random.Next(1, 40)];
            for (var i = 0; i < parts.Length; i++) parts[i] = Pieces[random.Next(Pieces.Length)];
            var text = string.Join(random.Next(3) == 0 ? "" : " ", parts);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var arabic = ArabicAnalyzer.Default.Analyze(text);
            var published = random.Next(4) == 0 ? (DateOnly?)null : new DateOnly(2000, 1, 1).AddDays(random.Next(12000));
            var times = TimeRecognizer.Recognize(arabic, published);
            foreach (var m in times)
            {
                Assert.InRange(m.Span.Start, 0, text.Length);
                Assert.InRange(m.Span.End, m.Span.Start + 1, text.Length);
                Assert.InRange(m.FirstToken, 0, m.EndToken - 1);
                if (published is { } a) _ = TimeResolver.Resolve(m, arabic, a.AddDays(-3));
            }
            foreach (var q in QuantityRecognizer.Recognize(arabic, published))
                Assert.InRange(q.Span.End, q.Span.Start + 1, text.Length);
            for (var s = 0; s < arabic.Sentences.Count; s++) _ = CasualtyFinder.Find(arabic, s);
        }
    }

    [Fact]
    public void Arbitrary_unicode_never_throws()
    {
        var random = new Random(7);
        for (var n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(1, 80)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = random.Next(3) switch
                {
                    0 => (char)random.Next(0x0600, 0x06FF),
                    1 => (char)random.Next(0x20, 0x7F),
                    _ => (char)random.Next(0x0001, 0xFFFF),
                };
            var text = new string(chars);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var arabic = ArabicAnalyzer.Default.Analyze(text);
            Assert.All(TimeRecognizer.Recognize(arabic, new DateOnly(2025, 8, 6)), m => Assert.InRange(m.Span.End, m.Span.Start + 1, text.Length));
            Assert.All(QuantityRecognizer.Recognize(arabic), q => Assert.InRange(q.Span.End, q.Span.Start + 1, text.Length));
        }
    }
}
