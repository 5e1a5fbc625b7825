using System.Globalization;
using System.Text;
using Hadath.Core.Model;

namespace Hadath.CorpusBench;

/// <summary>One real-world event of the synthetic world, reported by one or more documents.</summary>
internal sealed record WorldEvent(int Template, int Source, int Target, int Place, DateOnly Date);

/// <summary>
/// Synthetic Arabic news built from templates (never from evaluation texts): a pool of real-world events (who did what
/// to whom, where, when), each reported by several documents with different wording, agencies and publication days.
/// The events each document reports are known, so the store sees a realistic volume of event mentions to cluster
/// whatever the event coder currently finds.
/// </summary>
internal sealed class SyntheticNews(int seed)
{
    internal sealed record Actor(string Text, string Country, string Sector, string Name);
    internal sealed record Place(string Text, string Name, string Country, double Lat, double Lon);
    internal sealed record Template(string Type, string Cameo, double Goldstein, int Quad, string Pattern);

    public static readonly Actor[] Actors =
    [
        new("الرئيس الروسي", "RUS", "GOV", "Russian president"), new("وزير الخارجية الأمريكي", "USA", "GOV", "US secretary of state"),
        new("الجيش الإسرائيلي", "ISR", "MIL", "Israeli army"), new("متظاهرون غاضبون", "EGY", "CVL", "protesters"),
        new("الحكومة العراقية", "IRQ", "GOV", "Iraqi government"), new("الشرطة التونسية", "TUN", "COP", "Tunisian police"),
        new("المعارضة السورية", "SYR", "OPP", "Syrian opposition"), new("الأمين العام للأمم المتحدة", "UN", "IGO", "UN secretary-general"),
        new("رئيس الوزراء اللبناني", "LBN", "GOV", "Lebanese prime minister"), new("العاهل الأردني", "JOR", "GOV", "King of Jordan"),
        new("الرئيس التركي", "TUR", "GOV", "Turkish president"), new("وزير الخارجية الإيراني", "IRN", "GOV", "Iranian foreign minister"),
        new("ولي العهد السعودي", "SAU", "GOV", "Saudi crown prince"), new("الرئيس الفرنسي", "FRA", "GOV", "French president"),
        new("المستشار الألماني", "DEU", "GOV", "German chancellor"), new("الرئيس الصيني", "CHN", "GOV", "Chinese president"),
        new("نقابة المعلمين المغربية", "MAR", "LAB", "Moroccan teachers' union"), new("الجيش السوداني", "SDN", "MIL", "Sudanese army"),
        new("قوات الدعم السريع", "SDN", "REB", "Rapid Support Forces"), new("الرئيس الأوكراني", "UKR", "GOV", "Ukrainian president"),
        new("وزير الدفاع البريطاني", "GBR", "GOV", "British defence secretary"), new("الحكومة الليبية", "LBY", "GOV", "Libyan government"),
        new("البرلمان الكويتي", "KWT", "LEG", "Kuwaiti parliament"), new("الرئيس الجزائري", "DZA", "GOV", "Algerian president"),
    ];

    public static readonly Place[] Places =
    [
        new("موسكو", "Moscow", "RUS", 55.75, 37.62), new("واشنطن", "Washington", "USA", 38.9, -77.04), new("القاهرة", "Cairo", "EGY", 30.04, 31.24),
        new("بغداد", "Baghdad", "IRQ", 33.34, 44.4), new("تونس", "Tunis", "TUN", 36.82, 10.17), new("دمشق", "Damascus", "SYR", 33.51, 36.29),
        new("بيروت", "Beirut", "LBN", 33.89, 35.5), new("عمّان", "Amman", "JOR", 31.96, 35.95), new("أنقرة", "Ankara", "TUR", 39.93, 32.86),
        new("طهران", "Tehran", "IRN", 35.69, 51.42), new("الرياض", "Riyadh", "SAU", 24.69, 46.72), new("باريس", "Paris", "FRA", 48.85, 2.35),
        new("برلين", "Berlin", "DEU", 52.52, 13.4), new("بكين", "Beijing", "CHN", 39.9, 116.4), new("الرباط", "Rabat", "MAR", 34.01, -6.83),
        new("الخرطوم", "Khartoum", "SDN", 15.55, 32.53), new("كييف", "Kyiv", "UKR", 50.45, 30.52), new("لندن", "London", "GBR", 51.51, -0.13),
        new("طرابلس", "Tripoli", "LBY", 32.89, 13.19), new("الكويت", "Kuwait City", "KWT", 29.37, 47.98), new("الجزائر", "Algiers", "DZA", 36.75, 3.06),
        new("الدوحة", "Doha", "QAT", 25.29, 51.53), new("جنيف", "Geneva", "CHE", 46.2, 6.14), new("نيويورك", "New York", "USA", 40.71, -74.01),
    ];

    public static readonly Template[] Templates =
    [
        new("CONSULT", "043", 2.8, 1, "استقبل {S} {T} في {P} لبحث العلاقات الثنائية"),
        new("CONSULT", "040", 1.0, 1, "التقى {S} {T} في {P} وناقشا التطورات الإقليمية"),
        new("CONSULT", "042", 1.9, 1, "وصل {S} إلى {P} في زيارة رسمية يلتقي خلالها {T}"),
        new("PROTEST", "141", -6.5, 3, "تظاهر {S} أمام مقر {T} في {P} احتجاجا على ارتفاع الأسعار"),
        new("PROTEST", "145", -7.5, 3, "نظمت مظاهرة حاشدة شارك فيها {S} ضد {T} في {P}"),
        new("ASSAULT", "190", -10, 4, "شن {S} هجوما على مواقع تابعة ل{T} قرب {P}"),
        new("THREATEN", "130", -4.4, 3, "هدد {S} {T} بفرض عقوبات جديدة خلال مؤتمر صحفي في {P}"),
        new("COOPERATE", "057", 8.0, 1, "وقع {S} و{T} اتفاقية للتعاون الاقتصادي في {P}"),
        new("AID", "070", 7.0, 2, "قدم {S} مساعدات إنسانية عاجلة إلى {T} عبر مطار {P}"),
        new("DEMAND", "100", -5.0, 3, "طالب {S} {T} بالإفراج عن المعتقلين في {P}"),
        new("REJECT", "120", -4.0, 3, "رفض {S} مقترحا قدمه {T} خلال المفاوضات في {P}"),
        new("ACCUSE", "112", -2.0, 3, "اتهم {S} {T} بانتهاك اتفاق وقف إطلاق النار قرب {P}"),
    ];

    private static readonly string[] Agencies = ["وكالة الأنباء الرسمية", "مراسلنا", "وكالة رويترز", "وكالة الصحافة الفرنسية", "مصادر مطلعة", "التلفزيون الرسمي", "صحيفة محلية", "المكتب الإعلامي"];
    private static readonly string[] Fillers =
    [
        "وأضاف أن الجانبين اتفقا على مواصلة الاتصالات في الأيام المقبلة.",
        "ويأتي ذلك في ظل توتر متصاعد تشهده المنطقة منذ أشهر.",
        "ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير.",
        "وأشار مراقبون إلى أن الخطوة قد تفتح الباب أمام تسوية سياسية شاملة.",
        "وشهدت الأسابيع الماضية سلسلة من اللقاءات والاتصالات المكثفة.",
        "وتوقع محللون أن تتواصل المحادثات على مستوى الخبراء.",
        "وانتشرت قوات الأمن بكثافة في الشوارع المحيطة.",
        "وذكرت التقارير أن عدد المشاركين تجاوز ثلاثة آلاف شخص.",
    ];
    private static readonly string[] Quotes =
    [
        "نحن ملتزمون بالحوار ولن نقبل بأي تصعيد", "المرحلة المقبلة تتطلب تعاونا أوسع بين الدول", "سنرد بحزم على أي اعتداء",
        "المظاهرات ستستمر حتى تتحقق مطالبنا", "الاتفاق يخدم مصالح الشعبين", "لا بديل عن الحل السياسي",
    ];

    private readonly Random _rng = new(seed);

    /// <summary>A pool of real-world events over two years.</summary>
    public List<WorldEvent> Events(int count)
    {
        var start = new DateOnly(2024, 1, 1);
        var list = new List<WorldEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var s = _rng.Next(Actors.Length);
            var t = (s + 1 + _rng.Next(Actors.Length - 1)) % Actors.Length;
            list.Add(new WorldEvent(_rng.Next(Templates.Length), s, t, _rng.Next(Places.Length), start.AddDays(_rng.Next(730))));
        }
        return list;
    }

    /// <summary>Document number <paramref name="n"/>: one or two reported events, fillers, a quote.</summary>
    public (InputDocument Input, List<EventOut> Events) Document(int n, List<WorldEvent> pool)
    {
        var main = pool[_rng.Next(pool.Count)];
        var published = main.Date.AddDays(_rng.Next(2));
        var sb = new StringBuilder(800);
        var events = new List<EventOut>(2);
        var agency = Agencies[_rng.Next(Agencies.Length)];
        sb.Append("أفادت ").Append(agency).Append(" في تقريرها رقم ").Append(n.ToString(CultureInfo.InvariantCulture)).Append(" بأن ");
        AppendEvent(sb, main, events, sb.Length, published);
        sb.Append(".\n");
        var fillers = 2 + _rng.Next(4);
        for (var i = 0; i < fillers; i++) sb.Append(Fillers[_rng.Next(Fillers.Length)]).Append(' ');
        sb.Append("\nوقال ").Append(Actors[main.Source].Text).Append(": \"").Append(Quotes[_rng.Next(Quotes.Length)]).Append("\".\n");
        if (_rng.Next(3) == 0)
        {
            var second = pool[_rng.Next(pool.Count)];
            sb.Append("وفي سياق آخر، ");
            AppendEvent(sb, second with { Date = published }, events, sb.Length, published);
            sb.Append('.');
        }
        var title = $"{Actors[main.Source].Text} و{Actors[main.Target].Text} في {Places[main.Place].Text}";
        var input = new InputDocument
        {
            Id = "syn-" + n.ToString(CultureInfo.InvariantCulture),
            Text = sb.ToString(),
            Title = title,
            Published = published,
            Url = $"https://news.example/{n}",
            Source = agency,
        };
        return (input, events);
    }

    private void AppendEvent(StringBuilder sb, WorldEvent e, List<EventOut> events, int offset, DateOnly published)
    {
        var tpl = Templates[e.Template];
        var src = Actors[e.Source];
        var tgt = Actors[e.Target];
        var place = Places[e.Place];
        var clause = tpl.Pattern.Replace("{S}", src.Text, StringComparison.Ordinal).Replace("{T}", tgt.Text, StringComparison.Ordinal).Replace("{P}", place.Text, StringComparison.Ordinal);
        sb.Append(clause);
        var explicitDate = _rng.Next(2) == 0;
        events.Add(new EventOut
        {
            Id = "e" + events.Count.ToString(CultureInfo.InvariantCulture),
            Type = tpl.Type,
            Cameo = tpl.Cameo,
            CameoRoot = tpl.Cameo[..2],
            QuadClass = tpl.Quad,
            Goldstein = tpl.Goldstein,
            Source = new ActorOut { Text = src.Text, Name = src.Name, Country = src.Country, Sector = src.Sector, Code = src.Country + src.Sector },
            Target = new ActorOut { Text = tgt.Text, Name = tgt.Name, Country = tgt.Country, Sector = tgt.Sector, Code = tgt.Country + tgt.Sector },
            Date = explicitDate ? e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            DateType = explicitDate ? "explicit" : "publication",
            Location = new LocationOut { Text = place.Text, Name = place.Name, Country = place.Country, Lat = place.Lat, Lon = place.Lon },
            Anchor = new SpanOut(clause.Split(' ')[0], offset, offset + clause.Split(' ')[0].Length),
            Evidence = new SpanOut(clause, offset, offset + clause.Length),
            Confidence = 0.5 + _rng.NextDouble() / 2,
        });
        _ = published;
    }
}
