using Hadath.Core.Model;
using Hadath.Corpus.Store;

namespace Hadath.Corpus.Tests;

public class StoreTests
{
    private const string Text1 = "استقبل الرئيس الروسي فلاديمير بوتين المبعوث الأمريكي ستيف ويتكوف في الكرملين بموسكو.";
    private const string Text2 = "وصل ويتكوف إلى موسكو في زيارة هي الخامسة له، والتقى بوتين.";
    private const string Text3 = "تجددت المظاهرات في العاصمة الأوكرانية ضد الحكومة.";
    private const string Text4 = "قال المتحدث إن مظاهرة خرجت أمس في كييف.";
    private const string Text5 = "حضر يتكوف الاجتماع.";

    private static ActorOut Rus => Docs.Actor("RUS", "GOV", "الرئيس الروسي فلاديمير بوتين", "RUSGOV", "Vladimir Putin");
    private static ActorOut Usa => Docs.Actor("USA", "GOV", "المبعوث الأمريكي ستيف ويتكوف", "USAGOV", "Steve Witkoff");

    private static List<DocumentToStore> MeetingDocs() =>
    [
        Docs.Doc("a", Text1, "2025-08-06", Docs.Event("CONSULT", Rus, Usa, "2025-08-06", evidence: "استقبل الرئيس الروسي", confidence: 0.9, cameo: "043", goldstein: 2.8),
            Docs.Event("CONSULT", Rus, Usa, "2025-08-06", evidence: "استقبل", confidence: 0.5, cameo: "043", goldstein: 2.8)),
        Docs.Doc("b", Text2, "2025-08-07", Docs.Event("CONSULT", Usa, Rus, null, evidence: "وصل ويتكوف", cameo: "042", goldstein: 1.9)),
        Docs.Doc("c", Text3, "2025-08-07", Docs.Event("PROTEST", Docs.Actor("UKR", "CVL"), Docs.Actor("UKR", "GOV"), "2025-08-07", evidence: "تجددت المظاهرات", cameo: "141", goldstein: -6.5)),
        Docs.Doc("d", Text4, "2025-08-20", Docs.Event("CONSULT", Rus, Usa, "2025-08-20", evidence: "مظاهرة", cameo: "043", goldstein: 2.8),
            Docs.Event("AID", Usa, Docs.Actor("UKR"), "2025-08-20", modality: "negated", evidence: "لم تقدم")),
        Docs.Doc("e", Text5, null),
    ];

    [Fact]
    public void The_same_meeting_reported_three_times_in_two_documents_is_one_event()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        store.AddDocuments(MeetingDocs());
        var hits = store.QueryEvents(new EventFilter { Source = "RUS", Target = "USA", Type = "CONSULT" }, new Paging());
        // 6 Aug (two mentions in a), 7 Aug (b, reversed dyad, dated by publication) → one event; 20 Aug → another.
        Assert.Equal(2, hits.Count);
        var meeting = hits.Single(h => h.FirstDate == "2025-08-06");
        Assert.Equal(3, meeting.Mentions);
        Assert.Equal(2, meeting.DocumentCount);
        Assert.Equal("2025-08-07", meeting.LastDate);
        Assert.Equal(["a", "b"], meeting.Documents.Select(d => d.ExternalId).Order());
        Assert.Equal("استقبل الرئيس الروسي", meeting.Event.Evidence?.Text); // the most confident mention represents it
        Assert.Equal(meeting.Cluster, meeting.Event.Cluster);
        Assert.Equal(4, store.QueryMentions(new EventFilter { Type = "CONSULT" }, new Paging()).Count);
    }

    [Fact]
    public void Clusters_are_the_same_whatever_order_documents_arrive_in()
    {
        string Signature(IEnumerable<DocumentToStore> docs, int batch)
        {
            using var dir = new TempDir();
            using var store = SqliteCorpusStore.Open(dir.Path);
            foreach (var chunk in docs.Chunk(batch)) store.AddDocuments(chunk);
            return string.Join(";", store.QueryEvents(EventFilter.All, new Paging(1000))
                .Select(h => $"{h.Cluster}:{h.Mentions}:{h.DocumentCount}:{h.FirstDate}:{h.LastDate}").Order(StringComparer.Ordinal));
        }
        var docs = MeetingDocs();
        var expected = Signature(docs, 10);
        Assert.Equal(expected, Signature(Enumerable.Reverse(docs), 1));
        Assert.Equal(expected, Signature([docs[1], docs[3], docs[0], docs[4], docs[2]], 2));
    }

    [Fact]
    public void A_day_between_two_reports_joins_them_into_one_event()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        store.AddDocuments([Docs.Doc("x", "خبر أول عن اللقاء.", "2025-09-01", Docs.Event("CONSULT", Docs.Actor("EGY"), Docs.Actor("JOR"), "2025-09-01"))]);
        store.AddDocuments([Docs.Doc("z", "خبر ثالث عن اللقاء.", "2025-09-03", Docs.Event("CONSULT", Docs.Actor("EGY"), Docs.Actor("JOR"), "2025-09-03"))]);
        Assert.Equal(2, store.Stats(EventFilter.All).Events);
        store.AddDocuments([Docs.Doc("y", "خبر ثان عن اللقاء.", "2025-09-02", Docs.Event("CONSULT", Docs.Actor("JOR"), Docs.Actor("EGY"), "2025-09-02"))]);
        var s = store.Stats(EventFilter.All);
        Assert.Equal(1, s.Events);
        Assert.Equal(3, s.Mentions);
    }

    [Fact]
    public void Adding_the_same_documents_again_adds_nothing()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        var first = store.AddDocuments(MeetingDocs());
        var second = store.AddDocuments(MeetingDocs());
        Assert.Equal(5, first.Added);
        Assert.Equal(0, second.Added);
        Assert.Equal(5, second.Skipped);
        Assert.Equal(5, store.Stats(EventFilter.All).Documents);
        Assert.Equal(6, store.Stats(EventFilter.All).Mentions);
    }

    [Fact]
    public void Document_keys_ignore_diacritics_and_spacing_but_not_the_url()
    {
        Assert.Equal(DocumentKey.Of("وصل  ويتكوف\n إلى موسكو", null), DocumentKey.Of("وَصَلَ ويتكوف إلى موسكو", null));
        Assert.NotEqual(DocumentKey.Of("نص", "https://a.example/1"), DocumentKey.Of("نص", "https://a.example/2"));
        Assert.Equal(DocumentKey.Of("نص", "https://A.example/1#top"), DocumentKey.Of("نص", "https://a.example/1"));
    }

    [Fact]
    public void Filters_select_mentions_by_actor_country_type_modality_and_date()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        store.AddDocuments(MeetingDocs());
        int Count(EventFilter f) => store.QueryEvents(f, new Paging(100)).Count;
        Assert.Equal(4, Count(EventFilter.All));
        Assert.Equal(1, Count(new EventFilter { Type = "PROTEST" }));
        Assert.Equal(1, Count(new EventFilter { Type = "14" }));
        Assert.Equal(1, Count(new EventFilter { Modality = "negated" }));
        Assert.Equal(2, Count(new EventFilter { Country = "UKR" }));
        Assert.Equal(3, Count(new EventFilter { Actor = "USAGOV" }));
        Assert.Equal(2, Count(new EventFilter { Actor = "vladimir putin" }));
        Assert.Equal(2, Count(new EventFilter { Actor = "ويتكوف", Type = "consult" }));
        Assert.Equal(4, Count(new EventFilter { From = new DateOnly(2025, 8, 7), To = new DateOnly(2025, 8, 31) })); // the meeting has a mention on the 7th
        Assert.Equal(2, Count(new EventFilter { From = new DateOnly(2025, 8, 8) }));
        Assert.Equal(0, Count(new EventFilter { Source = "CHN" }));
        Assert.Single(store.QueryEvents(EventFilter.All, new Paging(1, 1)));
    }

    [Fact]
    public void Search_finds_clitic_and_inflected_forms_and_keeps_names_whole()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        store.AddDocuments(MeetingDocs());
        string[] Ids(string q) => [.. store.Search(new SearchQuery(q), new Paging(10)).Select(h => h.Document.ExternalId!).Order()];
        Assert.Equal(["a", "b"], Ids("موسكو"));              // بموسكو in a, موسكو in b
        Assert.Equal(["c", "d"], Ids("مظاهرة"));             // المظاهرات in c, مظاهرة in d
        Assert.Equal(["c", "d"], Ids("المظاهرات"));
        Assert.Equal(["a", "b"], Ids("ويتكوف"));             // not e, whose word is يتكوف
        Assert.Equal(["b"], Ids("ويتكوف موسكو زيارة"));
        Assert.Equal(["a", "b", "c", "d"], Ids("موسكو OR مظاهرة"));
        Assert.Empty(Ids("بكين"));
        var hit = store.Search(new SearchQuery("موسكو") { MarkOpen = "<", MarkClose = ">" }, new Paging(10)).Single(h => h.Document.ExternalId == "a");
        Assert.Contains("<بموسكو", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal("بموسكو", hit.Highlights.Single().Text.TrimEnd('.'));
    }

    [Fact]
    public void Quotes_are_searched_with_their_speakers()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        var doc = Docs.Doc("q", "وقال ترامب: \"سنرى ما سيحدث في المفاوضات\".", "2025-08-05");
        doc.Analysis.Quotes.Add(new QuoteOut { Text = "سنرى ما سيحدث في المفاوضات", Start = 12, End = 38, Direct = true, Cue = "قال", Speaker = new ActorOut { Text = "ترامب", Code = "USAGOV", Country = "USA" } });
        store.AddDocuments([doc]);
        var hits = store.Search(new SearchQuery("مفاوضات") { Quotes = true }, new Paging());
        var h = Assert.Single(hits);
        Assert.Equal("ترامب", h.Quote!.Speaker!.Text);
        Assert.Equal("USAGOV", h.Quote.Speaker.Code);
        Assert.Empty(store.Search(new SearchQuery("قال") { Quotes = true }, new Paging()));
    }

    [Fact]
    public void Reanalysis_replaces_results_in_place()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        store.AddDocuments(MeetingDocs());
        var b = store.ReadDocuments(0, 10).Single(d => d.Input.Id == "b");
        var fresh = new AnalyzedDocument { Id = "b", Events = [Docs.Event("THREATEN", Usa, Rus, "2025-08-07")] };
        Assert.Equal(1, store.Reanalyse([new Reanalysis(b.Id, fresh, "v2")]));
        var s = store.Stats(EventFilter.All);
        Assert.Equal(5, s.Documents);
        Assert.Equal(6, s.Mentions);
        var meeting = store.QueryEvents(new EventFilter { Type = "CONSULT", To = new DateOnly(2025, 8, 10) }, new Paging()).Single();
        Assert.Equal(2, meeting.Mentions);                   // b's mention left the cluster
        Assert.Equal(1, meeting.DocumentCount);
        Assert.Single(store.QueryEvents(new EventFilter { Type = "THREATEN" }, new Paging()));
        Assert.Equal("v2", store.GetDocument(b.Id)!.AnalyzerVersion);
    }

    [Fact]
    public void Stats_count_events_per_type_dyad_and_week()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        store.AddDocuments(MeetingDocs());
        var s = store.Stats(EventFilter.All);
        Assert.Equal(4, s.Events);
        Assert.Equal(6, s.Mentions);
        Assert.Equal(2, s.EventsPerType.Single(r => r.Key == "CONSULT").Count);
        Assert.Contains(s.EventsPerDyad, r => r.Key == "RUS>USA" && r.Count == 2);
        Assert.Contains(s.TopActors, r => r.Key == "USAGOV" && r.Count == 3);
        var w32 = s.GoldsteinPerDyadWeek.Single(g => g.Week == "2025-W32" && g.Dyad == "RUS>USA");
        Assert.Equal(2.8, w32.Sum, 3);
        Assert.Equal(1, store.Stats(new EventFilter { Type = "PROTEST" }).Events);
    }

    [Fact]
    public void Failures_are_counted_per_origin_id_and_code()
    {
        using var dir = new TempDir();
        using var store = SqliteCorpusStore.Open(dir.Path);
        store.AddFailures([new FailureRecord("f.jsonl", "x", "E002", "bad json")]);
        store.AddFailures([new FailureRecord("f.jsonl", "x", "E002", "bad json"), new FailureRecord("f.jsonl", "y", "E004", "empty")]);
        var list = store.Failures(new Paging());
        Assert.Equal(2, list.Count);
        Assert.Equal(2, list.Single(f => f.ExternalId == "x").Occurrences);
        Assert.Equal(2, store.Stats(EventFilter.All).Failures);
    }

    [Fact]
    public void The_schema_is_versioned_and_reopening_migrates_nothing()
    {
        using var dir = new TempDir();
        using (var store = SqliteCorpusStore.Open(dir.Path)) Assert.Equal(CorpusSchema.CurrentVersion, store.SchemaVersion);
        using (var store = SqliteCorpusStore.Open(dir.Path)) Assert.Equal(CorpusSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal(CorpusSchema.CurrentVersion, Docs.Sql(dir.Path, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", Docs.SqlText(dir.Path, "PRAGMA journal_mode"));
    }
}
