using System.Text;
using System.Text.Json;
using Hadath.Core.Model;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Store;
using Hadath.Extraction;

namespace Hadath.Corpus.Tests;

/// <summary>A stand-in event coder: one CONSULT RUS→USA event for every sentence holding the word <see cref="Trigger"/>.</summary>
internal sealed class FakeCoder(string trigger) : IPipelineComponent
{
    public string Trigger { get; } = trigger;
    public string Name => "fake-coder";
    public IReadOnlyCollection<string> Requires => ["sentences"];
    public IReadOnlyCollection<string> Provides => ["events"];

    public void Process(AnalysisContext context)
    {
        var text = context.Input.Text;
        for (var s = 0; s < context.Output.Sentences.Count; s++)
        {
            var sent = context.Output.Sentences[s];
            var i = text.IndexOf(Trigger, sent.Start, sent.End - sent.Start, StringComparison.Ordinal);
            if (i < 0) continue;
            context.Output.Events.Add(Docs.Event("CONSULT", Docs.Actor("RUS"), Docs.Actor("USA"), context.Published?.ToString("yyyy-MM-dd"), evidence: Trigger));
        }
    }
}

public class IngestTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }

    private static string MakeInputs(TempDir dir)
    {
        var root = dir.File("in");
        Write(Path.Combine(root, "a.txt"), "عقد لقاء في موسكو بين الوفدين.\nوانتهى اللقاء بعد ثلاث ساعات.");
        Write(Path.Combine(root, "b.jsonl"),
            """
            {"id": "b1", "text": "لقاء ثان في القاهرة.", "published": "2025-08-07", "url": "https://news.example/b1"}
            {"id": "b2", "text": "خبر بلا حدث.", "published": "2025-08-07"}
            {"id": "broken", "text": "غير مغلق
            {"id": "b3", "text": "   "}

            """);
        Write(Path.Combine(root, "sub", "c.csv"), "id,published,text\nc1,20250808,\"نص فيه, فاصلة و\"\"اقتباس\"\" ولقاء.\"\nc2,2025-08-09,\"سطر أول\nسطر ثان\"\n");
        Write(Path.Combine(root, "sub", "d.html"),
            """
            <!doctype html><html><head><title>عنوان الصفحة</title>
            <meta property="og:title" content="لقاء في الكرملين">
            <meta property="article:published_time" content="2025-08-06T01:30:00+03:00">
            <link rel="canonical" href="https://news.example/d">
            </head><body><nav>القائمة</nav><article><h1>لقاء في الكرملين</h1>
            <p>استقبل الرئيس الروسي المبعوث الأمريكي في الكرملين، وعقد معه لقاء استمر ثلاث ساعات.</p>
            <p>وقال المكتب الصحفي إن المحادثات تناولت الحرب في أوكرانيا والعلاقات الثنائية بين البلدين.</p>
            <p>ويأتي اللقاء قبل أيام من انتهاء المهلة التي حددها الرئيس الأمريكي لروسيا.</p></article>
            <footer>حقوق النشر</footer></body></html>
            """);
        Write(Path.Combine(root, "e.rss"),
            """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>وكالة مثال</title><link>https://feed.example/</link><description>أخبار</description>
            <item><title>خبر أول</title><link>https://feed.example/1</link><pubDate>Wed, 06 Aug 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;لقاء في &lt;b&gt;موسكو&lt;/b&gt;.&lt;/p&gt;</description></item>
            <item><title>خبر ثان</title><link>https://feed.example/2</link><pubDate>Thu, 07 Aug 2025 10:00:00 GMT</pubDate><description>تظاهر المئات أمام السفارة.</description></item>
            </channel></rss>
            """);
        Write(Path.Combine(root, ".hidden", "x.txt"), "لا يقرأ.");
        Write(Path.Combine(root, "image.png"), "not an input");
        return root;
    }

    private static Pipeline Pipe(string trigger = "لقاء") => new([new FakeCoder(trigger)]);

    [Fact]
    public void A_folder_of_every_format_is_ingested_and_a_second_run_adds_nothing()
    {
        using var dir = new TempDir();
        var root = MakeInputs(dir);
        var sources = new InputSources(new SourceOptions { Published = new DateOnly(2025, 8, 6) });
        Assert.Equal(5, InputSources.CountDocuments([Path.Combine(root, "a.txt"), Path.Combine(root, "b.jsonl")]));
        Assert.Null(InputSources.CountDocuments([root])); // a feed's item count is not known before reading it
        using var store = SqliteCorpusStore.Open(dir.File("db"));
        var ingestor = new Ingestor(store, Pipe(), new IngestOptions { BatchSize = 3, Threads = 2 });
        var first = ingestor.Ingest(sources.Read([root]), InputSources.CountDocuments([root]));
        // a.txt, b1, b2, c1, c2, d.html, two feed items = 8 documents; broken JSON and a blank text fail.
        Assert.Equal(8, first.Added);
        Assert.Equal(2, first.Failed);
        Assert.Equal(1, first.FailuresByCode["E002"]);
        Assert.Equal(1, first.FailuresByCode["E004"]);
        var second = ingestor.Ingest(sources.Read([root]));
        Assert.Equal(0, second.Added);
        Assert.Equal(8, second.Skipped);
        var stats = store.Stats(EventFilter.All);
        Assert.Equal(8, stats.Documents);
        Assert.Equal(2, stats.Failures);

        var docs = store.ReadDocuments(0, 100).ToDictionary(d => d.Input.Id!, d => d.Input);
        Assert.Equal(new DateOnly(2025, 8, 6), docs["a"].Published);                       // --published for plain text
        Assert.Equal(new DateOnly(2025, 8, 8), docs["c1"].Published);                      // CSV with YYYYMMDD
        Assert.Contains("فاصلة و\"اقتباس\"", docs["c1"].Text, StringComparison.Ordinal);
        Assert.Equal("سطر أول\nسطر ثان", docs["c2"].Text);
        var page = docs["sub/d"];
        Assert.Equal("لقاء في الكرملين", page.Title);
        Assert.Equal(new DateOnly(2025, 8, 6), page.Published);                            // the date as written, not shifted to UTC
        Assert.Equal("https://news.example/d", page.Url);
        Assert.Contains("استقبل الرئيس الروسي", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("حقوق النشر", page.Text, StringComparison.Ordinal);
        var item = docs["https://feed.example/1"];
        Assert.Equal("لقاء في موسكو.", item.Text);
        Assert.Equal("خبر أول", item.Title);
        Assert.Equal("وكالة مثال", item.Source);
        Assert.Equal(new DateOnly(2025, 8, 6), item.Published);
        Assert.DoesNotContain(docs.Keys, k => k.Contains("hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void Reanalysis_after_a_lexicon_change_updates_events_in_place()
    {
        using var dir = new TempDir();
        var root = MakeInputs(dir);
        using var store = SqliteCorpusStore.Open(dir.File("db"));
        new Ingestor(store, Pipe("لقاء")).Ingest(new InputSources(new SourceOptions { Published = new DateOnly(2025, 8, 6) }).Read([root]));
        var before = store.Stats(EventFilter.All);
        Assert.True(before.Mentions >= 5);
        var report = new Ingestor(store, Pipe("تظاهر")).Reanalyse();
        Assert.Equal(8, report.Reanalysed);
        var after = store.Stats(EventFilter.All);
        Assert.Equal(8, after.Documents);
        Assert.Equal(1, after.Mentions);
        Assert.Equal(1, after.Events);
        Assert.Empty(store.Search(new Corpus.Store.SearchQuery("بكين"), new Paging()));
        Assert.NotEmpty(store.Search(new Corpus.Store.SearchQuery("موسكو"), new Paging())); // the text index is untouched
    }

    [Fact]
    public void An_unreadable_input_is_one_failure_and_the_run_goes_on()
    {
        using var dir = new TempDir();
        var ok = dir.File("ok.txt");
        Write(ok, "خبر سليم.");
        var bad = dir.File("bad.txt");
        File.WriteAllBytes(bad, [0xD8, 0x28, 0x41]);
        var records = new InputSources().Read([dir.File("missing.txt"), bad, ok]).ToList();
        Assert.Equal(["E007", "E001", null], records.Select(r => r.Record.Error?.Code));
        using var store = SqliteCorpusStore.Open(dir.File("db"));
        var report = new Ingestor(store, Pipe()).Ingest(records);
        Assert.Equal(1, report.Added);
        Assert.Equal(2, report.Failed);
    }

    [Fact]
    public void A_feed_with_entity_declarations_is_refused()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss version="2.0"><channel><title>t</title><item><title>&a;</title><description>&a;</description></item></channel></rss>""";
        var r = Assert.Single(FeedDocumentReader.Read(xml, "f.rss"));
        Assert.Equal(CorpusErrors.UnreadableFormat, r.Error!.Code);
    }

    [Fact]
    public void Atom_feeds_are_read()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>مثال</title>
            <entry><title>عنوان</title><link href="https://atom.example/1"/><id>urn:1</id><updated>2025-08-06T09:00:00Z</updated>
            <content type="html">&lt;p&gt;فقرة أولى.&lt;/p&gt;&lt;p&gt;فقرة ثانية.&lt;/p&gt;</content></entry></feed>
            """;
        var doc = Assert.Single(FeedDocumentReader.Read(xml, "a.atom")).Document!;
        Assert.Equal("فقرة أولى.\nفقرة ثانية.", doc.Text);
        Assert.Equal("https://atom.example/1", doc.Url);
    }

    [Fact]
    public void Page_metadata_falls_back_to_json_ld_and_time_elements()
    {
        var ld = HtmlArticleReader.Read("""
            <html><head><title>t</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"عنوان من JSON-LD","datePublished":"2025-08-05T22:00:00-04:00"}]}</script></head>
            <body><p>نص المقال الذي يكفي ليكون فقرة واحدة على الأقل في هذه الصفحة.</p></body></html>
            """)!;
        Assert.Equal("عنوان من JSON-LD", ld.Title);
        Assert.Equal(new DateOnly(2025, 8, 5), ld.Published);
        var time = HtmlArticleReader.Read("""<html><head><title>عنوان</title></head><body><time datetime="2024-02-29">29 فبراير</time><p>نص قصير.</p></body></html>""")!;
        Assert.Equal("عنوان", time.Title);
        Assert.Equal(new DateOnly(2024, 2, 29), time.Published);
        Assert.Null(HtmlArticleReader.Read("<html><body><script>var x = 1;</script></body></html>"));
    }

    [Fact]
    public void Csv_rows_follow_rfc_4180()
    {
        var rows = CsvDocumentReader.Rows(new StringReader("a,b,c\r\n1,\"x,y\",\"he said \"\"hi\"\"\"\r\n2,\"multi\nline\",\r\n")).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "x,y", "he said \"hi\""], rows[1]);
        Assert.Equal(["2", "multi\nline", ""], rows[2]);
    }

    [Fact]
    public void Jsonl_ingest_keeps_the_input_fields()
    {
        using var dir = new TempDir();
        var path = dir.File("x.jsonl");
        Write(path, JsonSerializer.Serialize(new { id = "k", text = "لقاء.", published = "2025-01-02", url = "https://u.example/k", title = "ع", source = "مصدر" }) + "\n");
        using var store = SqliteCorpusStore.Open(dir.File("db"));
        new Ingestor(store, Pipe()).Ingest(new InputSources().Read([path]));
        var d = store.GetDocument(1)!;
        Assert.Equal(("k", "https://u.example/k", "ع", "مصدر", "2025-01-02"), (d.ExternalId, d.Url, d.Title, d.Source, d.Published));
        Assert.Single(d.Analysis!.Events);
    }
}
