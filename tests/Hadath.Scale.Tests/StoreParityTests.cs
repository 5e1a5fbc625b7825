using Hadath.Corpus.Ingest;
using Hadath.Corpus.Postgres;
using Hadath.Corpus.Store;
using Hadath.Extraction;

namespace Hadath.Scale.Tests;

/// <summary>The PostgreSQL store answers the same queries as the embedded SQLite store for the same corpus.</summary>
public sealed class StoreParityTests
{
    private static readonly Pipeline Pipeline = DefaultPipeline.Create();

    private static IEnumerable<SourcedRecord> Records(IEnumerable<Hadath.Core.Model.InputDocument> docs) =>
        docs.Select(d => new SourcedRecord(new Hadath.Core.Input.InputRecord(d, d.Id, null, 0), "test"));

    [ServicesFact]
    public void Events_search_and_stats_match_the_embedded_store() => AssertSameAnswers(Services.Documents(60));

    /// <summary>The dev corpus: the realnews excerpts, the seed article and GSR sentences (measurement data, read from
    /// ../shared, never copied into the repository).</summary>
    [ServicesFact]
    public void The_dev_corpus_gets_the_same_answers_from_both_stores()
    {
        var docs = new List<Hadath.Core.Model.InputDocument>();
        using (var realnews = File.OpenRead(Repo.Shared("data", "eval", "realnews", "realnews.dev.jsonl")))
            docs.AddRange(Hadath.Core.Input.InputReader.ReadJsonLines(realnews).Where(r => r.Document is not null).Select(r => r.Document!));
        docs.Add(new Hadath.Core.Model.InputDocument { Id = "seed", Text = File.ReadAllText(Repo.Sample("putin-witkoff.ar.txt")), Published = new DateOnly(2025, 8, 6) });
        var n = 0;
        foreach (var line in File.ReadLines(Repo.Shared("data", "eval", "arabic_event_gsr", "assault_gsr.dev.csv")).Skip(1).Take(200))
        {
            // id,event_type,label,accept,reject,total,text: the text is everything after the sixth comma
            var at = -1;
            for (var f = 0; f < 6 && (at = line.IndexOf(',', at + 1)) >= 0; f++) { }
            if (at < 0) continue;
            var text = line[(at + 1)..];
            if (text.StartsWith('"')) text = text.Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal);
            if (text.Length > 20) docs.Add(new Hadath.Core.Model.InputDocument { Id = $"gsr-{n++}", Text = text, Published = new DateOnly(2008, 1, 1) });
        }
        AssertSameAnswers(docs);
    }

    private static void AssertSameAnswers(IReadOnlyList<Hadath.Core.Model.InputDocument> docs)
    {
        var dir = Directory.CreateTempSubdirectory("hadath-parity-");
        try
        {
            using var sqlite = SqliteCorpusStore.Open(dir.FullName);
            using var pg = PostgresCorpusStore.Open(Services.NewDatabase());
            var a = new Ingestor(sqlite, Pipeline, new IngestOptions { BatchSize = 16, Threads = 2 }).Ingest(Records(docs));
            var b = new Ingestor(pg, Pipeline, new IngestOptions { BatchSize = 16, Threads = 2 }).Ingest(Records(docs));
            Assert.True(a.Added > 0);
            Assert.Equal(a.Added, b.Added);
            Assert.True(a.Mentions > 0, "the generated corpus has events");

            Assert.Equal(Services.Json(sqlite.Stats(EventFilter.All)), Services.Json(pg.Stats(EventFilter.All)));
            var rus = new EventFilter { Actor = "RUS" };
            Assert.Equal(Services.Json(sqlite.Stats(rus)), Services.Json(pg.Stats(rus)));

            static string Events(ICorpusStore s, EventFilter f) => Services.Json(s.QueryEvents(f, new Paging(500)).Select(e => (e.Cluster, e.Mentions, e.DocumentCount, e.FirstDate, e.Event.Type, string.Join(',', e.Documents.Select(d => d.ExternalId)))).ToList());
            Assert.Equal(Events(sqlite, EventFilter.All), Events(pg, EventFilter.All));
            Assert.Equal(Events(sqlite, rus), Events(pg, rus));
            var typed = new EventFilter { Type = "CONSULT", From = new DateOnly(2025, 3, 5) };
            Assert.Equal(Events(sqlite, typed), Events(pg, typed));

            static string Mentions(ICorpusStore s) => Services.Json(s.QueryMentions(EventFilter.All, new Paging(5000)).Select(m => (m.Cluster, m.Document.ExternalId, m.Event.Id)).Order().ToList());
            Assert.Equal(Mentions(sqlite), Mentions(pg));
            Assert.Equal(sqlite.ExportEvents(EventFilter.All).Count(), pg.ExportEvents(EventFilter.All).Count());

            // Search: the same documents (ranking functions differ: bm25 against ts_rank), the same snippets.
            foreach (var q in (string[])["بوتين", "موسكو", "ويتكوف OR ترامب", "الرئيس الروسي"])
            {
                static string Hits(ICorpusStore s, SearchQuery q) => Services.Json(s.Search(q, new Paging(1000)).Select(h => (h.Document.ExternalId, h.Snippet)).Order().ToList());
                var expected = Hits(sqlite, new SearchQuery(q));
                Assert.Equal(expected, Hits(pg, new SearchQuery(q)));
                Assert.Equal(Hits(sqlite, new SearchQuery(q) { Quotes = true }), Hits(pg, new SearchQuery(q) { Quotes = true }));
            }
            Assert.NotEmpty(pg.Search(new SearchQuery("بوتين"), new Paging(5)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(true);
        }
    }

    [ServicesFact]
    public void Storing_the_same_documents_twice_or_from_two_writers_stores_them_once()
    {
        var url = Services.NewDatabase();
        var docs = Services.Documents(40);
        using var first = PostgresCorpusStore.Open(url);
        using var second = PostgresCorpusStore.Open(url);
        // Two writers at once over the same documents: each document is stored once, clusters are the same as one writer's.
        Parallel.Invoke(
            () => new Ingestor(first, Pipeline, new IngestOptions { BatchSize = 8, Threads = 1 }).Ingest(Records(docs)),
            () => new Ingestor(second, Pipeline, new IngestOptions { BatchSize = 8, Threads = 1 }).Ingest(Records(docs.AsEnumerable().Reverse())));
        Assert.Equal(40, first.DocumentCount);
        var again = new Ingestor(first, Pipeline).Ingest(Records(docs));
        Assert.Equal(0, again.Added);

        using var single = PostgresCorpusStore.Open(Services.NewDatabase());
        new Ingestor(single, Pipeline, new IngestOptions { BatchSize = 40, Threads = 2 }).Ingest(Records(docs));
        Assert.Equal(Services.Json(single.Stats(EventFilter.All) with { }), Services.Json(first.Stats(EventFilter.All)));
    }

    [ServicesFact]
    public void Migrations_run_once_and_a_newer_schema_is_refused()
    {
        var url = Services.NewDatabase();
        using var s = PostgresCorpusStore.Open(url);
        Assert.Equal(CorpusSchema.CurrentVersion, s.SchemaVersion);
        Assert.Equal(CorpusSchema.Migrations.Select(m => m.Version), s.Applied);
        using (var again = PostgresCorpusStore.Open(url)) Assert.Empty(again.Applied);
        Assert.Empty(s.Migrate());
        using var raw = new Npgsql.NpgsqlConnection(PostgresUrl.ToConnectionString(url));
        raw.Open();
        using (var cmd = new Npgsql.NpgsqlCommand("INSERT INTO schema_version VALUES (999, 'future', 'x')", raw)) cmd.ExecuteNonQuery();
        var e = Assert.Throws<Hadath.Core.Diagnostics.HadathException>(() => PostgresCorpusStore.Open(url));
        Assert.Equal(ScaleErrors.StoreUnavailable, e.Code);
    }
}
