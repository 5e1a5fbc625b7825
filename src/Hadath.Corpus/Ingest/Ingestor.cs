using System.Diagnostics;
using System.Reflection;
using Hadath.Core.Model;
using Hadath.Corpus.Store;
using Hadath.Extraction;

namespace Hadath.Corpus.Ingest;

/// <summary>How ingestion runs.</summary>
public sealed record IngestOptions
{
    /// <summary>Documents per transaction: a killed run loses at most one uncommitted batch, never part of one.</summary>
    public int BatchSize { get; init; } = 256;
    /// <summary>Documents analysed in parallel.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>How many failures the report keeps for listing (all are counted and stored).</summary>
    public int FailuresListed { get; init; } = 50;
}

/// <summary>Where an ingestion run is, for a progress display.</summary>
/// <param name="Read">Input records read so far.</param>
/// <param name="Added">Documents stored.</param>
/// <param name="Skipped">Documents already stored (or repeated in the input).</param>
/// <param name="Failed">Records that could not be read or analysed.</param>
/// <param name="Total">The number of records expected, when known.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct IngestProgress(long Read, long Added, long Skipped, long Failed, long? Total, TimeSpan Elapsed)
{
    /// <summary>Records per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left, when the total is known.</summary>
    public TimeSpan? Eta => Total is { } t && Rate > 0 && t >= Read ? TimeSpan.FromSeconds((t - Read) / Rate) : null;
}

/// <summary>What an ingestion (or re-analysis) run did.</summary>
public sealed class IngestReport
{
    public long Read { get; set; }
    public long Added { get; set; }
    public long Skipped { get; set; }
    public long Failed { get; set; }
    public long Reanalysed { get; set; }
    public long Mentions { get; set; }
    /// <summary>Characters of text in the documents added or re-analysed.</summary>
    public long Chars { get; set; }
    public TimeSpan Elapsed { get; set; }
    /// <summary>Wall time spent analysing documents (in parallel).</summary>
    public TimeSpan AnalysisTime { get; set; }
    /// <summary>Wall time spent writing to the store (transactions, clustering, indexing).</summary>
    public TimeSpan StoreTime { get; set; }
    public bool Cancelled { get; set; }
    /// <summary>Failures per error code.</summary>
    public SortedDictionary<string, long> FailuresByCode { get; } = new(StringComparer.Ordinal);
    /// <summary>The first failures, for listing.</summary>
    public List<FailureRecord> Failures { get; } = [];
}

/// <summary>
/// Ingests document records into a corpus store: records are taken in batches; documents whose key is already stored
/// are skipped before any analysis (so a second run over the same inputs adds nothing and costs little); the rest are
/// analysed in parallel and stored in one transaction per batch; records that cannot be read or analysed are counted,
/// stored in the failures table and listed, never fatal.
/// </summary>
public sealed class Ingestor
{
    private readonly ICorpusStore _store;
    private readonly Pipeline _pipeline;
    private readonly IngestOptions _options;

    public Ingestor(ICorpusStore store, Pipeline pipeline, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipeline);
        _store = store;
        _pipeline = pipeline;
        _options = options ?? new IngestOptions();
        AnalyzerVersion = VersionOf(pipeline);
    }

    /// <summary>The analyser's version recorded with every analysis: the Extraction assembly's version and the pipeline's components.</summary>
    public string AnalyzerVersion { get; }

    /// <summary>Ingests records; <paramref name="progress"/> is told after every batch.</summary>
    public IngestReport Ingest(IEnumerable<SourcedRecord> records, long? total = null, Action<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var report = new IngestReport();
        var clock = Stopwatch.StartNew();
        var batch = new List<SourcedRecord>(_options.BatchSize);
        try
        {
            foreach (var r in records)
            {
                batch.Add(r);
                if (batch.Count < _options.BatchSize) continue;
                RunBatch(batch, report);
                batch.Clear();
                report.Elapsed = clock.Elapsed;
                progress?.Invoke(new IngestProgress(report.Read, report.Added, report.Skipped, report.Failed, total, clock.Elapsed));
                if (ct.IsCancellationRequested) { report.Cancelled = true; break; }
            }
            if (!report.Cancelled && batch.Count > 0) RunBatch(batch, report);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            report.Cancelled = true;
        }
        report.Elapsed = clock.Elapsed;
        progress?.Invoke(new IngestProgress(report.Read, report.Added, report.Skipped, report.Failed, total, clock.Elapsed));
        return report;
    }

    /// <summary>Re-runs the analysis of every stored document (after a lexicon change) and replaces its results in place.</summary>
    public IngestReport Reanalyse(Action<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var report = new IngestReport();
        var clock = Stopwatch.StartNew();
        var total = _store.Stats(EventFilter.All).Documents;
        long after = 0;
        while (!ct.IsCancellationRequested)
        {
            var docs = _store.ReadDocuments(after, _options.BatchSize);
            if (docs.Count == 0) break;
            after = docs[^1].Id;
            var analyses = new AnalyzedDocument[docs.Count];
            Parallel.For(0, docs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Threads) }, i => analyses[i] = _pipeline.Analyze(docs[i].Input));
            var batch = new List<Reanalysis>(docs.Count);
            var failures = new List<FailureRecord>();
            for (var i = 0; i < docs.Count; i++)
            {
                report.Read++;
                if (analyses[i].Error is { } e)
                {
                    // The document keeps its previous analysis.
                    failures.Add(new FailureRecord("reanalyse", docs[i].Input.Id ?? docs[i].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Code, e.Message));
                    continue;
                }
                report.Mentions += analyses[i].Events.Count;
                report.Chars += docs[i].Input.Text.Length;
                batch.Add(new Reanalysis(docs[i].Id, analyses[i], AnalyzerVersion));
            }
            report.Reanalysed += _store.Reanalyse(batch);
            foreach (var f in failures) Fail(report, f);
            _store.AddFailures(failures);
            report.Elapsed = clock.Elapsed;
            progress?.Invoke(new IngestProgress(report.Read, report.Reanalysed, 0, report.Failed, total, clock.Elapsed));
        }
        report.Cancelled = ct.IsCancellationRequested;
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private void RunBatch(List<SourcedRecord> batch, IngestReport report)
    {
        var failures = new List<FailureRecord>();
        var candidates = new List<(SourcedRecord Record, string Key, string Hash)>(batch.Count);
        foreach (var r in batch)
        {
            report.Read++;
            var doc = r.Record.Document;
            if (doc is null)
            {
                var err = r.Record.Error!;
                failures.Add(new FailureRecord(r.Origin, r.Record.Id, err.Code, err.Message));
                continue;
            }
            var hash = DocumentKey.TextHash(doc.Text);
            candidates.Add((r, DocumentKey.OfHash(hash, doc.Url), hash));
        }
        var existing = _store.ExistingKeys([.. candidates.Select(c => c.Key)]);
        var fresh = new List<(SourcedRecord Record, string Key, string Hash)>(candidates.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (existing.Contains(c.Key) || !seen.Add(c.Key)) { report.Skipped++; continue; }
            fresh.Add(c);
        }
        var analyses = new AnalyzedDocument[fresh.Count];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, fresh.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Threads) },
            i => analyses[i] = _pipeline.Analyze(fresh[i].Record.Record.Document!));
        report.AnalysisTime += clock.Elapsed;
        var toStore = new List<DocumentToStore>(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            var (rec, key, hash) = fresh[i];
            if (analyses[i].Error is { } e)
            {
                failures.Add(new FailureRecord(rec.Origin, rec.Record.Id, e.Code, e.Message));
                continue;
            }
            toStore.Add(new DocumentToStore(rec.Record.Document!, analyses[i], key, hash, rec.Origin, AnalyzerVersion));
            report.Chars += rec.Record.Document!.Text.Length;
        }
        clock.Restart();
        var added = _store.AddDocuments(toStore);
        report.Added += added.Added;
        report.Skipped += added.Skipped;
        report.Mentions += added.Mentions;
        foreach (var f in failures) Fail(report, f);
        _store.AddFailures(failures);
        report.StoreTime += clock.Elapsed;
    }

    private void Fail(IngestReport report, FailureRecord f)
    {
        report.Failed++;
        report.FailuresByCode[f.Code] = report.FailuresByCode.GetValueOrDefault(f.Code) + 1;
        if (report.Failures.Count < _options.FailuresListed) report.Failures.Add(f);
    }

    private static string VersionOf(Pipeline pipeline)
    {
        var asm = typeof(Pipeline).Assembly;
        var v = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? asm.GetName().Version?.ToString() ?? "0";
        return $"hadath-extraction {v} [{string.Join(",", pipeline.ComponentNames)}]";
    }
}
