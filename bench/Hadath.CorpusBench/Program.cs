using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hadath.Core.Input;
using Hadath.Core.Model;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Store;
using Hadath.Extraction;

namespace Hadath.CorpusBench;

/// <summary>Adds each synthetic document's known events to its analysis (the stand-in for the event coder).</summary>
internal sealed class TemplateEvents(ConcurrentDictionary<string, List<EventOut>> events) : IPipelineComponent
{
    public string Name => "template-events";
    public IReadOnlyCollection<string> Requires => ["sentences"];
    public IReadOnlyCollection<string> Provides => ["events"];

    public void Process(AnalysisContext context)
    {
        if (context.Input.Id is { } id && events.TryRemove(id, out var list)) context.Output.Events.AddRange(list);
    }
}

internal static class Program
{
    private static readonly string[] SearchWords =
    [
        "موسكو", "مظاهرة", "المظاهرات", "اتفاقية", "الحكومة", "عقوبات", "مساعدات", "الرئيس", "بغداد", "القاهرة", "هجوم", "المعتقلين",
        "مفاوضات", "طهران", "تعاون", "الأسعار", "وقف إطلاق النار", "الرئيس الروسي", "مساعدات إنسانية", "وزير الخارجية", "بيروت OR دمشق", "جنيف",
    ];

    public static int Main(string[] args)
    {
        var docs = Arg(args, "--docs", 100_000);
        var db = ArgS(args, "--db", Path.Combine(Path.GetTempPath(), "hadath-corpusbench"));
        var pipelineKind = ArgS(args, "--pipeline", "text");
        var queries = Arg(args, "--queries", 200);
        var batch = Arg(args, "--batch-size", 512);
        if (Directory.Exists(db)) Directory.Delete(db, recursive: true);
        var pool = new SyntheticNews(1).Events(Math.Max(1, docs / 3));
        var known = new ConcurrentDictionary<string, List<EventOut>>(StringComparer.Ordinal);
        var pipeline = pipelineKind == "default" ? DefaultPipeline.Create() : new Pipeline([new TemplateEvents(known)]);
        Console.WriteLine($"corpus benchmark: {docs:N0} synthetic documents, pipeline '{pipelineKind}' ({string.Join(", ", pipeline.ComponentNames)}), {Environment.ProcessorCount} cores → {db}");

        long chars = 0, bytes = 0;
        IEnumerable<SourcedRecord> Generate(bool register)
        {
            var gen = new SyntheticNews(2);
            for (var i = 0; i < docs; i++)
            {
                var (input, events) = gen.Document(i, pool);
                if (register)
                {
                    known[input.Id!] = events;
                    chars += input.Text.Length;
                    bytes += System.Text.Encoding.UTF8.GetByteCount(input.Text);
                }
                yield return new SourcedRecord(InputRecord.Ok(input, i), "synthetic");
            }
        }

        IngestReport report;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using (var store = SqliteCorpusStore.Open(db))
        {
            var ingestor = new Ingestor(store, pipeline, new IngestOptions { BatchSize = batch });
            var lastShown = 0L;
            report = ingestor.Ingest(Generate(register: true), docs, p =>
            {
                if (p.Read - lastShown < 10_000 && p.Read < docs) return;
                lastShown = p.Read;
                Console.WriteLine($"  {p.Read,8:N0} docs  {p.Rate,7:N0} docs/s  {p.Elapsed.TotalSeconds,6:0} s");
            });
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var dbFile = Path.Combine(db, SqliteCorpusStore.FileName);
        var size = new FileInfo(dbFile).Length + (File.Exists(dbFile + "-wal") ? new FileInfo(dbFile + "-wal").Length : 0);
        var secs = report.Elapsed.TotalSeconds;

        // Re-ingesting the same documents: every one is skipped before analysis.
        IngestReport again;
        using (var store = SqliteCorpusStore.Open(db))
            again = new Ingestor(store, pipeline, new IngestOptions { BatchSize = batch }).Ingest(Generate(register: false));

        using var reader = SqliteCorpusStore.Open(db);
        var stats = reader.Stats(EventFilter.All);
        var rng = new Random(3);
        var searchTimes = Time(queries, i => reader.Search(new SearchQuery(SearchWords[rng.Next(SearchWords.Length)]), new Paging(10)).Count);
        var countries = SyntheticNews.Actors.Select(a => a.Country).Distinct().ToArray();
        var types = SyntheticNews.Templates.Select(t => t.Type).Distinct().ToArray();
        var eventTimes = Time(queries, i =>
        {
            var month = new DateOnly(2024, 1, 1).AddMonths(rng.Next(24));
            var f = (i % 4) switch
            {
                0 => new EventFilter { Source = countries[rng.Next(countries.Length)], Target = countries[rng.Next(countries.Length)] },
                1 => new EventFilter { Type = types[rng.Next(types.Length)], From = month, To = month.AddMonths(1).AddDays(-1) },
                2 => new EventFilter { Country = countries[rng.Next(countries.Length)], Type = types[rng.Next(types.Length)] },
                _ => new EventFilter { Actor = countries[rng.Next(countries.Length)], From = month, To = month.AddDays(6) },
            };
            return reader.QueryEvents(f, new Paging(50)).Count;
        });
        var statsTimes = Time(Math.Max(1, queries / 20), _ => (int)reader.Stats(new EventFilter { Country = countries[rng.Next(countries.Length)] }).Events);

        var result = new Dictionary<string, object>
        {
            ["documents"] = stats.Documents,
            ["mentions"] = stats.Mentions,
            ["events"] = stats.Events,
            ["ingest_seconds"] = Math.Round(secs, 1),
            ["ingest_docs_per_second"] = Math.Round(report.Read / secs, 0),
            ["ingest_cpu_seconds"] = Math.Round(cpu, 1),
            ["ingest_docs_per_cpu_second"] = Math.Round(report.Read / cpu, 0),
            ["load_average"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?",
            ["analysis_seconds"] = Math.Round(report.AnalysisTime.TotalSeconds, 1),
            ["store_write_seconds"] = Math.Round(report.StoreTime.TotalSeconds, 1),
            ["ingest_mb_per_second"] = Math.Round(bytes / 1048576.0 / secs, 2),
            ["text_mb"] = Math.Round(bytes / 1048576.0, 1),
            ["store_mb"] = Math.Round(size / 1048576.0, 1),
            ["reingest_added"] = again.Added,
            ["reingest_docs_per_second"] = Math.Round(again.Read / again.Elapsed.TotalSeconds, 0),
            ["search_p50_ms"] = Pct(searchTimes, 50), ["search_p95_ms"] = Pct(searchTimes, 95),
            ["events_p50_ms"] = Pct(eventTimes, 50), ["events_p95_ms"] = Pct(eventTimes, 95),
            ["stats_p50_ms"] = Pct(statsTimes, 50), ["stats_p95_ms"] = Pct(statsTimes, 95),
        };
        Console.WriteLine($"ingest: {report.Read:N0} docs in {secs:0.0} s = {report.Read / secs:N0} docs/s, {bytes / 1048576.0 / secs:0.00} MB/s of text ({bytes / 1048576.0:0.0} MB, {chars:N0} chars)");
        Console.WriteLine($"        {cpu:0.0} CPU s = {report.Read / cpu:N0} docs per CPU second (load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")})");
        Console.WriteLine($"        analysis {report.AnalysisTime.TotalSeconds:0.0} s, store writes {report.StoreTime.TotalSeconds:0.0} s");
        Console.WriteLine($"store:  {size / 1048576.0:0.0} MB for {stats.Documents:N0} documents, {stats.Mentions:N0} mentions clustered into {stats.Events:N0} events");
        Console.WriteLine($"again:  added {again.Added:N0}, skipped {again.Skipped:N0} in {again.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"search: p50 {Pct(searchTimes, 50)} ms  p95 {Pct(searchTimes, 95)} ms  max {searchTimes.Max():0.0} ms ({queries} queries, top 10 with snippets)");
        Console.WriteLine($"events: p50 {Pct(eventTimes, 50)} ms  p95 {Pct(eventTimes, 95)} ms  max {eventTimes.Max():0.0} ms ({queries} filtered queries, 50 events each)");
        Console.WriteLine($"stats:  p50 {Pct(statsTimes, 50)} ms  p95 {Pct(statsTimes, 95)} ms (country filter)");
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static List<double> Time(int n, Func<int, int> query)
    {
        var times = new List<double>(n);
        query(0); // warm-up
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            query(i);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Pct(List<double> xs, int p)
    {
        var s = xs.Order().ToList();
        return Math.Round(s[Math.Min(s.Count - 1, (int)Math.Ceiling(p / 100.0 * s.Count) - 1)], 2);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string ArgS(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
