using System.CommandLine;
using Hadath.Core.Diagnostics;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Postgres;
using Hadath.Distributed;
using Hadath.Extraction;
using NATS.Client.JetStream;

namespace Hadath.Cli.Commands;

/// <summary>The scale-out commands: <c>hadath migrate</c>, <c>hadath enqueue</c>, <c>hadath worker</c> (docs/deploy.md).</summary>
internal static class ScaleCommands
{
    private static Option<string> StoreOption() => new("--store")
    {
        Description = "PostgreSQL corpus: postgres://user:password@host:port/db. Default: $HADATH_STORE.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HADATH_STORE") ?? "",
    };

    private static Option<string> NatsOption() => new("--nats")
    {
        Description = "NATS server with JetStream: nats://host:port. Default: $HADATH_NATS, else nats://127.0.0.1:4222.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HADATH_NATS") is { Length: > 0 } v ? v : "nats://127.0.0.1:4222",
    };

    private static Option<string> StreamOption() => new("--stream") { Description = "Work-queue stream name (its subject is the name in lower case with '.' for '_').", DefaultValueFactory = _ => "HADATH_DOCS" };

    private static QueueOptions Queue(string stream, int maxAttempts = 5, int ackWaitSeconds = 30)
    {
        var subject = stream.ToLowerInvariant().Replace('_', '.');
        return new QueueOptions
        {
            Stream = stream, Subject = subject, DeadStream = stream + "_DEAD", DeadSubject = subject + ".dead", Consumer = subject.Replace('.', '-') + "-workers",
            MaxAttempts = Math.Max(1, maxAttempts), AckWait = TimeSpan.FromSeconds(Math.Max(1, ackWaitSeconds)),
        };
    }

    /// <summary><c>hadath migrate --store postgres://…</c>: brings the database's schema up to date.</summary>
    public static Command Migrate()
    {
        var store = StoreOption();
        var cmd = new Command("migrate", "Create or upgrade the corpus schema in a PostgreSQL database (workers also do this on start).") { store };
        cmd.SetAction(parse =>
        {
            var url = parse.GetValue(store)!;
            if (!PostgresUrl.IsPostgres(url)) { Console.Error.WriteLine($"{ScaleErrors.BadAddress}: --store postgres://user:password@host:port/db is required"); return 2; }
            try
            {
                using var s = PostgresCorpusStore.Open(url);
                var applied = s.Applied;
                Console.WriteLine(applied.Count == 0 ? $"{s.Address}: schema version {s.SchemaVersion}, up to date" : $"{s.Address}: applied {string.Join(", ", applied)}; schema version {s.SchemaVersion}");
                return 0;
            }
            catch (HadathException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return cmd;
    }

    /// <summary><c>hadath enqueue PATH… --nats URL</c>: publishes documents to the work-queue stream.</summary>
    public static Command Enqueue()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files (.txt, .jsonl, .csv, .html, feeds), folders, or '-' (JSON Lines on standard input).", Arity = ArgumentArity.OneOrMore };
        var nats = NatsOption();
        var stream = StreamOption();
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for documents that carry none." };
        var cmd = new Command("enqueue", "Publish documents to the NATS JetStream work queue for `hadath worker`s.") { inputs, nats, stream, published };
        cmd.SetAction(async (parse, ct) =>
        {
            var (pub, err) = CorpusCli.Date(parse.GetValue(published), "--published");
            if (err is not null) { Console.Error.WriteLine(err); return 2; }
            try
            {
                await using var conn = await Broker.ConnectAsync(parse.GetValue(nats)!, "hadath-enqueue", ct).ConfigureAwait(false);
                var js = new NatsJSContext(conn);
                var q = Queue(parse.GetValue(stream)!);
                await Broker.DeclareStreamsAsync(js, q, ct).ConfigureAwait(false);
                var records = new InputSources(new SourceOptions { Published = pub }).Read(parse.GetValue(inputs)!, ct);
                var report = await new Enqueuer(js, q).PublishAsync(records, e => Console.Error.WriteLine(e), ct).ConfigureAwait(false);
                Console.Error.WriteLine($"enqueued {report.Published} document(s) on {q.Subject} ({report.Duplicates} already queued, {report.Unreadable} unreadable)");
                return report.Unreadable > 0 && report.Published == 0 ? 1 : 0;
            }
            catch (HadathException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return cmd;
    }

    /// <summary><c>hadath worker --nats URL --store postgres://…</c>: analyses queued documents into the store.</summary>
    public static Command Worker()
    {
        var nats = NatsOption();
        var store = StoreOption();
        var stream = StreamOption();
        var drain = new Option<bool>("--drain") { Description = "Exit when the stream has nothing pending and nothing unacknowledged." };
        var batch = new Option<int>("--batch-size") { Description = "Messages per store transaction.", DefaultValueFactory = _ => 32 };
        var threads = new Option<int>("--threads") { Description = "Documents analysed in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var attempts = new Option<int>("--max-attempts") { Description = "Deliveries of a failing document before it goes to the dead-letter subject.", DefaultValueFactory = _ => 5 };
        var ackWait = new Option<int>("--ack-wait") { Description = "Seconds before an unacknowledged message (a killed worker's) is redelivered.", DefaultValueFactory = _ => 30 };
        var logEvery = new Option<int>("--log-every") { Description = "Seconds between throughput and lag lines on standard error.", DefaultValueFactory = _ => 5 };
        var maxChars = new Option<int>("--max-chars") { Description = "Refuse documents longer than this many characters (E005).", DefaultValueFactory = _ => 2_000_000 };
        var cmd = new Command("worker", "Pull documents from the NATS JetStream work queue, analyse them and store them in PostgreSQL; acknowledges after commit.")
        {
            nats, store, stream, drain, batch, threads, attempts, ackWait, logEvery, maxChars,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(store)!;
            if (!PostgresUrl.IsPostgres(url)) { Console.Error.WriteLine($"{ScaleErrors.BadAddress}: --store postgres://user:password@host:port/db is required"); return 2; }
            try
            {
                var pipeline = DefaultPipeline.Create(new PipelineOptions { MaxChars = parse.GetValue(maxChars) });
                using var s = PostgresCorpusStore.Open(url);
                var version = new Ingestor(s, pipeline).AnalyzerVersion;
                await using var conn = await Broker.ConnectAsync(parse.GetValue(nats)!, $"hadath-worker-{Environment.MachineName}-{Environment.ProcessId}", ct).ConfigureAwait(false);
                var js = new NatsJSContext(conn);
                var q = Queue(parse.GetValue(stream)!, parse.GetValue(attempts), parse.GetValue(ackWait));
                await Broker.DeclareStreamsAsync(js, q, ct).ConfigureAwait(false);
                var consumer = await Broker.ConsumerAsync(js, q, ct).ConfigureAwait(false);
                var worker = new Distributed.Worker(js, consumer, s, pipeline, q, new WorkerOptions
                {
                    BatchSize = Math.Max(1, parse.GetValue(batch)), Threads = Math.Max(1, parse.GetValue(threads)), Drain = parse.GetValue(drain),
                    LogEvery = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(logEvery))), AnalyzerVersion = version,
                }, line => Console.Error.WriteLine(line));
                var report = await worker.RunAsync(ct).ConfigureAwait(false);
                return report.DeadLettered > 0 ? 1 : 0;
            }
            catch (HadathException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return cmd;
    }
}
