using System.Diagnostics;
using System.Globalization;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Postgres;
using Hadath.Corpus.Store;
using Hadath.Distributed;
using Hadath.Extraction;
using NATS.Client.JetStream;
using Xunit.Abstractions;

namespace Hadath.Scale.Tests;

/// <summary>
/// Enqueue and worker processes against the real broker and database: a worker killed mid-run (SIGKILL) loses nothing,
/// every document is stored once, and the result equals the embedded store's for the same input.
/// </summary>
public sealed class DistributedTests(ITestOutputHelper output)
{
    /// <summary>Documents in the kill test: $HADATH_SCALE_DOCS, else 600 (the 10,000-document run is a manual measurement, docs/deploy.md).</summary>
    private static int DocumentCount => int.TryParse(Environment.GetEnvironmentVariable("HADATH_SCALE_DOCS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 600;

    private static Process Hadath(string name, List<string> log, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hadath.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add($"[{name}] {e.Data}"); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add($"[{name}] {e.Data}"); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    [ServicesFact]
    public void Workers_killed_mid_run_lose_nothing_and_store_every_document_once()
    {
        var n = DocumentCount;
        var url = Services.NewDatabase();
        var stream = Services.NewStream();
        var docs = Services.Documents(n);
        var file = Services.WriteJsonLines(docs, Path.Combine(Path.GetTempPath(), stream + ".jsonl"));
        var log = new List<string>();
        var workers = new List<Process>();
        try
        {
            using (var enq = Hadath("enqueue", log, "enqueue", file, "--nats", Services.Nats!, "--stream", stream))
            {
                Assert.True(enq.WaitForExit(120_000));
                Assert.Equal(0, enq.ExitCode);
            }
            string[] WorkerArgs() => ["worker", "--nats", Services.Nats!, "--store", url, "--stream", stream, "--drain", "--threads", "1", "--batch-size", "16", "--ack-wait", "5", "--log-every", "2"];
            using var probe = PostgresCorpusStore.Open(url);
            var a = Hadath("w1", log, WorkerArgs());
            var b = Hadath("w2", log, WorkerArgs());
            workers.AddRange([a, b]);
            // Kill the first worker once documents are flowing (mid-batch, very likely with unacknowledged messages).
            var clock = Stopwatch.StartNew();
            while (probe.DocumentCount < Math.Min(n / 4, 150) && clock.Elapsed < TimeSpan.FromMinutes(3) && !a.HasExited) Thread.Sleep(200);
            Assert.False(a.HasExited, "worker 1 ended before it could be killed");
            a.Kill(); // SIGKILL: no clean-up of any kind
            a.WaitForExit();
            var c = Hadath("w3", log, WorkerArgs());
            workers.Add(c);
            foreach (var w in (Process[])[b, c])
            {
                Assert.True(w.WaitForExit(600_000), "a worker did not drain in 10 minutes");
                Assert.Equal(0, w.ExitCode);
            }
            Assert.Equal(n, probe.DocumentCount);

            // The embedded store, fed the same documents in one process, agrees on every aggregate.
            var dir = Directory.CreateTempSubdirectory("hadath-dist-");
            try
            {
                using (var sqlite = SqliteCorpusStore.Open(dir.FullName))
                {
                    new Ingestor(sqlite, DefaultPipeline.Create(), new IngestOptions { BatchSize = 128 })
                        .Ingest(docs.Select(d => new SourcedRecord(new Hadath.Core.Input.InputRecord(d, d.Id, null, 0), file)));
                    Assert.Equal(Services.Json(sqlite.Stats(EventFilter.All)), Services.Json(probe.Stats(EventFilter.All)));
                }
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                dir.Delete(true);
            }
            Assert.Contains(log, l => l.Contains("docs/s; lag", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var w in workers) { if (!w.HasExited) w.Kill(); w.Dispose(); }
            lock (log) foreach (var l in log.TakeLast(40)) output.WriteLine(l);
            File.Delete(file);
        }
    }

    [ServicesFact]
    public async Task Unreadable_and_repeatedly_failing_messages_go_to_the_dead_letter_subject()
    {
        var url = Services.NewDatabase();
        var q = new QueueOptions
        {
            Stream = Services.NewStream(), MaxAttempts = 2, AckWait = TimeSpan.FromSeconds(5),
        };
        q = q with { Subject = q.Stream.ToLowerInvariant(), DeadStream = q.Stream + "_DEAD", DeadSubject = q.Stream.ToLowerInvariant() + ".dead", Consumer = q.Stream.ToLowerInvariant() + "-w" };
        await using var nats = await Broker.ConnectAsync(Services.Nats!, "test");
        var js = new NatsJSContext(nats);
        await Broker.DeclareStreamsAsync(js, q);
        await js.PublishAsync(q.Subject, "not a document"u8.ToArray());
        var good = Services.Documents(3);
        foreach (var d in good) await js.PublishAsync(q.Subject, QueuedDocument.From(d, "t").ToBytes());
        // A document whose store write always fails: a text the store refuses (a NUL character is not valid in PostgreSQL text).
        await js.PublishAsync(q.Subject, QueuedDocument.From(new Hadath.Core.Model.InputDocument { Id = "poison", Text = "نص فيه \0 محرف" }, "t").ToBytes());
        var consumer = await Broker.ConsumerAsync(js, q);
        using var store = PostgresCorpusStore.Open(url);
        var log = new List<string>();
        var worker = new Worker(js, consumer, store, DefaultPipeline.Create(), q,
            new WorkerOptions { Drain = true, Threads = 1, RetryDelay = TimeSpan.FromMilliseconds(200), LogEvery = TimeSpan.FromSeconds(1) }, l => { lock (log) log.Add(l); });
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var report = await worker.RunAsync(cts.Token);
        foreach (var l in log) output.WriteLine(l);
        Assert.Equal(3, report.Stored);
        Assert.Equal(2, report.DeadLettered);
        Assert.True(report.Retried >= 1, "the poison document was tried again before it was dead-lettered");
        Assert.Equal(3, store.DocumentCount);
        var dead = await js.GetStreamAsync(q.DeadStream);
        Assert.Equal(2, dead.Info.State.Messages);
        var last = await dead.GetAsync(new NATS.Client.JetStream.Models.StreamMsgGetRequest { LastBySubj = q.DeadSubject });
        Assert.NotNull(last.Message);
    }
}
