using Hadath.Core.Model;
using Hadath.Corpus.Store;

namespace Hadath.Server.Tests.Kit;

/// <summary>
/// Analysed documents built by hand (texts written for these tests), so that the API and the dashboard can be tested
/// on events with dates, locations, dyads and quotes whatever the extraction components produce today.
/// </summary>
public static class HandBuilt
{
    /// <summary>A document whose text carries markup that must stay text everywhere.</summary>
    public const string HostileText = "<script>window.__xss = 1</script> خبر عاجل <img src=x onerror=\"window.__xss = 2\"> قال المتحدث باسم الوزارة: \"انتهى الاجتماع\".";

    /// <summary>Four short invented news items with one event each, and the hostile one.</summary>
    public static IReadOnlyList<(InputDocument Input, AnalyzedDocument Analysis)> Documents { get; } =
    [
        Build("hb-cairo", "2025-08-04", "التقى وزير الخارجية المصري في القاهرة نظيره الأردني يوم الاثنين، وقال الوزير: \"نريد حلًا سريعًا\".", d => d
            .Entity("وزير الخارجية المصري", "PERSON", Actor("EGYGOV", "EGY", "GOV", "Egyptian foreign minister"))
            .Entity("القاهرة", "GPE", Actor(null, "EGY", null, "Cairo"))
            .Entity("نظيره الأردني", "PERSON", Actor("JORGOV", "JOR", "GOV", "Jordanian foreign minister"))
            .Time("يوم الاثنين", "2025-08-04")
            .Quote("نريد حلًا سريعًا", "وزير الخارجية المصري", "قال")
            .Event("CONSULT", "التقى", "وزير الخارجية المصري", "نظيره الأردني", "2025-08-04", Place("القاهرة", "Cairo", "EGY", 30.04, 31.24))),
        Build("hb-kharkiv", "2025-08-05", "قصفت القوات الروسية مدينة خاركيف الأوكرانية فجر الثلاثاء بحسب مسؤولين أوكرانيين.", d => d
            .Entity("القوات الروسية", "ORG", Actor("RUSMIL", "RUS", "MIL", "Russian armed forces"))
            .Entity("خاركيف", "GPE", Actor(null, "UKR", null, "Kharkiv"))
            .Time("فجر الثلاثاء", "2025-08-05")
            .Event("ASSAULT", "قصفت", "القوات الروسية", "خاركيف", "2025-08-05", Place("خاركيف", "Kharkiv", "UKR", 49.99, 36.23), reporter: "مسؤولين أوكرانيين")),
        Build("hb-rabat", "2025-08-07", "تظاهر آلاف الطلاب في الرباط يوم الخميس احتجاجًا على قرار الحكومة المغربية رفع الرسوم.", d => d
            .Entity("الطلاب", "NORP", Actor("MAREDU", "MAR", "EDU", "students"))
            .Entity("الرباط", "GPE", Actor(null, "MAR", null, "Rabat"))
            .Entity("الحكومة المغربية", "ORG", Actor("MARGOV", "MAR", "GOV", "Moroccan government"))
            .Time("يوم الخميس", "2025-08-07")
            .Event("PROTEST", "تظاهر", "الطلاب", "الحكومة المغربية", "2025-08-07", Place("الرباط", "Rabat", "MAR", 34.02, -6.84))),
        Build("hb-abudhabi", "2025-08-11", "وقّعت الإمارات والهند في أبوظبي اتفاقًا تجاريًا لن يدخل حيز التنفيذ قبل العام المقبل.", d => d
            .Entity("الإمارات", "GPE", Actor("ARE", "ARE", null, "United Arab Emirates"))
            .Entity("الهند", "GPE", Actor("IND", "IND", null, "India"))
            .Entity("أبوظبي", "GPE", Actor(null, "ARE", null, "Abu Dhabi"))
            .Time("العام المقبل", "2026")
            .Event("AGREE", "وقّعت", "الإمارات", "الهند", "2025-08-11", Place("أبوظبي", "Abu Dhabi", "ARE", 24.45, 54.38))),
        Build("hb-hostile", "2025-08-06", HostileText, d => d
            .Quote("انتهى الاجتماع", "المتحدث باسم الوزارة", "قال")),
    ];

    /// <summary>Stores the hand-built documents in a corpus.</summary>
    public static void StoreIn(ICorpusStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.AddDocuments([.. Documents.Select(d => new DocumentToStore(d.Input, d.Analysis, DocumentKey.Of(d.Input.Text, d.Input.Url),
            DocumentKey.TextHash(d.Input.Text), "hand-built", "hand-built"))]);
    }

    private static ActorInfo Actor(string? code, string? country, string? sector, string name) => new(code?.ToLowerInvariant(), name, code, country, sector);

    private static (string Text, string Name, string Country, double Lat, double Lon) Place(string text, string name, string country, double lat, double lon) =>
        (text, name, country, lat, lon);

    private static (InputDocument, AnalyzedDocument) Build(string id, string published, string text, Func<Builder, Builder> fill)
    {
        var input = new InputDocument { Id = id, Text = text, Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), Title = "خبر " + id };
        var b = fill(new Builder(id, text));
        b.Doc.Published = published;
        b.Doc.Title = input.Title;
        b.Doc.Sentences.Add(new SentenceOut(0, text.Length));
        return (input, b.Doc);
    }

    /// <summary>Places annotations by finding their text in the document (the first occurrence).</summary>
    private sealed class Builder(string id, string text)
    {
        private readonly Dictionary<string, ActorInfo?> _actors = new(StringComparer.Ordinal);

        public AnalyzedDocument Doc { get; } = new() { Id = id };

        private (int Start, int End) Find(string s)
        {
            var i = text.IndexOf(s, StringComparison.Ordinal);
            if (i < 0) throw new ArgumentException($"\"{s}\" is not in the text of {id}");
            return (i, i + s.Length);
        }

        private ActorOut ActorAt(string s)
        {
            var (start, end) = Find(s);
            var a = _actors.GetValueOrDefault(s);
            return new ActorOut { Text = s, Start = start, End = end, Id = a?.Id, Name = a?.Name, Code = a?.Code, Country = a?.Country, Sector = a?.Sector };
        }

        public Builder Entity(string s, string type, ActorInfo? actor)
        {
            var (start, end) = Find(s);
            _actors[s] = actor;
            Doc.Entities.Add(new EntityOut { Text = s, Start = start, End = end, Type = type, Actor = actor });
            return this;
        }

        public Builder Time(string s, string value)
        {
            var (start, end) = Find(s);
            Doc.Times.Add(new TimeOut { Text = s, Start = start, End = end, Value = value, Kind = value.Length == 10 ? "date" : "year" });
            return this;
        }

        public Builder Quote(string s, string speaker, string cue)
        {
            var (start, end) = Find(s);
            Doc.Quotes.Add(new QuoteOut { Text = s, Start = start, End = end, Direct = true, Speaker = ActorAt(speaker), Cue = cue });
            return this;
        }

        public Builder Event(string type, string trigger, string source, string target, string date,
            (string Text, string Name, string Country, double Lat, double Lon) place, string? reporter = null)
        {
            var (ts, te) = Find(trigger);
            var (ls, le) = Find(place.Text);
            Doc.Events.Add(new EventOut
            {
                Id = $"{id}-e{Doc.Events.Count}",
                Type = type,
                Source = ActorAt(source),
                Target = ActorAt(target),
                Modality = "asserted",
                Reporter = reporter is null ? null : new ActorOut { Text = reporter, Start = Find(reporter).Start, End = Find(reporter).End },
                Date = date,
                DateType = "explicit",
                Location = new LocationOut { Text = place.Text, Start = ls, End = le, Name = place.Name, Country = place.Country, Lat = place.Lat, Lon = place.Lon },
                Anchor = new SpanOut(trigger, ts, te),
                Evidence = new SpanOut(text, 0, text.Length),
                Sentence = 0,
                Confidence = 0.9,
            });
            return this;
        }
    }
}
