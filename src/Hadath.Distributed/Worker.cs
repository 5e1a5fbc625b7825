using System.Diagnostics;
using System.Globalization;
using Hadath.Core.Model;
using Hadath.Corpus.Postgres;
using Hadath.Corpus.Store;
using Hadath.Extraction;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Hadath.Distributed;

/// <summary>How a worker pulls and reports.</summary>
public sealed record WorkerOptions
{
    /// <summary>Messages pulled and stored per transaction.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>Documents analysed in parallel.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Exit when the stream has nothing pending and nothing unacknowledged.</summary>
    public bool Drain { get; init; }
    /// <summary>Interval of the throughput and lag log line.</summary>
    public TimeSpan LogEvery { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Delay before a failed message is delivered again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>The analyser's version recorded with each document.</summary>
    public string AnalyzerVersion { get; init; } = "unknown";
}

/// <summary>What a worker did.</summary>
public sealed class WorkerReport
{
    /// <summary>Documents written by this worker.</summary>
    public long Stored { get; set; }
    /// <summary>Documents already stored (a redelivery, or the same text queued twice).</summary>
    public long Skipped { get; set; }
    /// <summary>Documents whose analysis reported an error (recorded in the store's failures).</summary>
    public long Failed { get; set; }
    /// <summary>Messages moved to the dead-letter subject.</summary>
    public long DeadLettered { get; set; }
    /// <summary>Messages put back for another attempt.</summary>
    public long Retried { get; set; }
    /// <summary>Messages received that had been delivered before.</summary>
    public long Redelivered { get; set; }
    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; set; }
    /// <summary>Time in the analysis.</summary>
    public TimeSpan AnalysisTime { get; set; }
    /// <summary>Time in store transactions.</summary>
    public TimeSpan StoreTime { get; set; }
    /// <summary>Time waiting on the broker (fetch, acknowledgements).</summary>
    public TimeSpan BrokerTime { get; set; }
}

/// <summary>
/// Pulls documents from the shared durable consumer, analyses them (<see cref="Pipeline"/>) and writes them to the
/// store, acknowledging each message only after the transaction holding its document has committed. A worker killed at
/// any point loses nothing: unacknowledged messages are redelivered after the ack wait, and the store skips documents it
/// already holds (the document key is the content hash). A message that fails on its last allowed delivery is published
/// to the dead-letter subject with its error and then terminated.
/// </summary>
public sealed class Worker(NatsJSContext js, INatsJSConsumer consumer, ICorpusStore store, Pipeline pipeline, QueueOptions queue, WorkerOptions options, Action<string>? log = null)
{
    /// <summary>Runs until cancelled, or with <see cref="WorkerOptions.Drain"/> until the stream is empty.</summary>
    public async Task<WorkerReport> RunAsync(CancellationToken ct = default)
    {
        var report = new WorkerReport();
        var clock = Stopwatch.StartNew();
        var lastLog = TimeSpan.Zero;
        long lastStored = 0;
        var batch = new List<INatsJSMsg<byte[]>>(options.BatchSize);
        while (!ct.IsCancellationRequested)
        {
            batch.Clear();
            var t0 = clock.Elapsed;
            try
            {
                await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = options.BatchSize, Expires = TimeSpan.FromSeconds(2) }, cancellationToken: ct).ConfigureAwait(false))
                    batch.Add(msg);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            report.BrokerTime += clock.Elapsed - t0;
            if (batch.Count > 0) await ProcessAsync(batch, report, clock, ct).ConfigureAwait(false);
            if (clock.Elapsed - lastLog >= options.LogEvery || batch.Count == 0)
            {
                await consumer.RefreshAsync(ct).ConfigureAwait(false);
                var info = consumer.Info;
                var since = (clock.Elapsed - lastLog).TotalSeconds;
                if (clock.Elapsed - lastLog >= options.LogEvery)
                {
                    log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"worker: {report.Stored} stored, {report.Skipped} skipped, {report.Failed} failed, {report.DeadLettered} dead; {(report.Stored - lastStored) / Math.Max(since, 0.001):0.0} docs/s; lag {info.NumPending} pending, {info.NumAckPending} unacknowledged"));
                    lastLog = clock.Elapsed;
                    lastStored = report.Stored;
                }
                if (batch.Count == 0 && options.Drain && info.NumPending == 0 && info.NumAckPending == 0) break;
            }
        }
        report.Elapsed = clock.Elapsed;
        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"worker done: {report.Stored} stored, {report.Skipped} skipped, {report.Failed} failed, {report.DeadLettered} dead, {report.Redelivered} redelivered in {report.Elapsed.TotalSeconds:0.0} s ({report.Stored / Math.Max(report.Elapsed.TotalSeconds, 0.001):0.0} docs/s; analysis {report.AnalysisTime.TotalSeconds:0.0} s, store {report.StoreTime.TotalSeconds:0.0} s, broker {report.BrokerTime.TotalSeconds:0.0} s)"));
        return report;
    }

    private sealed class Item(INatsJSMsg<byte[]> msg)
    {
        public INatsJSMsg<byte[]> Msg { get; } = msg;
        public QueuedDocument? Doc { get; set; }
        public DocumentToStore? ToStore { get; set; }
        public FailureRecord? Failure { get; set; }
        public string? Error { get; set; }
        public int Attempt => (int)(Msg.Metadata?.NumDelivered ?? 1);
    }

    private async Task ProcessAsync(List<INatsJSMsg<byte[]>> batch, WorkerReport report, Stopwatch clock, CancellationToken ct)
    {
        var items = batch.Select(m => new Item(m)).ToArray();
        foreach (var it in items)
        {
            if (it.Attempt > 1) report.Redelivered++;
            it.Doc = QueuedDocument.Parse(it.Msg.Data ?? []);
            if (it.Doc is null) it.Error = $"{ScaleErrors.BadMessage}: the message is not a JSON document with a text";
        }
        var t0 = clock.Elapsed;
        Parallel.ForEach(items.Where(i => i.Doc is not null), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) }, it =>
        {
            try
            {
                var input = it.Doc!.ToInput();
                var analysis = pipeline.Analyze(input);
                var origin = it.Doc.Origin ?? "queue";
                if (analysis.Error is { } e)
                    it.Failure = new FailureRecord(origin, input.Id, e.Code, e.Message);
                else
                {
                    var hash = DocumentKey.TextHash(input.Text);
                    it.ToStore = new DocumentToStore(input, analysis, DocumentKey.OfHash(hash, input.Url), hash, origin, options.AnalyzerVersion);
                }
            }
            catch (Exception e)
            {
                it.Error = $"{e.GetType().Name}: {e.Message}";
            }
        });
        report.AnalysisTime += clock.Elapsed - t0;
        var good = items.Where(i => i.Error is null).ToList();
        t0 = clock.Elapsed;
        try
        {
            Store(good, report);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One of them may be poison: store them one by one so the others commit.
            foreach (var it in good)
            {
                try
                {
                    Store([it], report);
                }
                catch (Exception inner) when (inner is not OperationCanceledException)
                {
                    it.Error = $"{inner.GetType().Name}: {inner.Message}";
                }
            }
        }
        report.StoreTime += clock.Elapsed - t0;
        t0 = clock.Elapsed;
        // Acknowledge only now: every document above is committed (or was already stored).
        foreach (var it in items)
        {
            if (it.Error is null)
            {
                await it.Msg.AckAsync(cancellationToken: ct).ConfigureAwait(false);
                continue;
            }
            if (it.Doc is null || it.Attempt >= queue.MaxAttempts)
            {
                var headers = new NatsHeaders
                {
                    ["Hadath-Error"] = Clean(it.Error),
                    ["Hadath-Attempts"] = it.Attempt.ToString(CultureInfo.InvariantCulture),
                    ["Hadath-Id"] = Clean(it.Doc?.Id ?? ""),
                };
                var ack = await js.PublishAsync(queue.DeadSubject, it.Msg.Data ?? [], headers: headers, cancellationToken: ct).ConfigureAwait(false);
                ack.EnsureSuccess();
                await it.Msg.AckTerminateAsync(cancellationToken: ct).ConfigureAwait(false);
                report.DeadLettered++;
                log?.Invoke($"worker: dead letter after {it.Attempt} attempt(s): {it.Doc?.Id ?? "(unreadable)"}: {it.Error}");
            }
            else
            {
                await it.Msg.NakAsync(delay: options.RetryDelay, cancellationToken: ct).ConfigureAwait(false);
                report.Retried++;
            }
        }
        report.BrokerTime += clock.Elapsed - t0;
    }

    private void Store(List<Item> items, WorkerReport report)
    {
        var docs = items.Where(i => i.ToStore is not null).Select(i => i.ToStore!).ToList();
        var failures = items.Where(i => i.Failure is not null).Select(i => i.Failure!).ToList();
        var added = store.AddDocuments(docs);
        store.AddFailures(failures);
        report.Stored += added.Added;
        report.Skipped += added.Skipped;
        report.Failed += failures.Count;
    }

    private static string Clean(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
