using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hadath.Core.Diagnostics;
using Hadath.Corpus;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Net;
using Hadath.Corpus.Store;
using Hadath.Extraction;

namespace Hadath.Cli.Commands;

/// <summary><c>hadath ingest</c>: analyse documents into a corpus folder, idempotently and crash-safely.</summary>
internal static class CorpusIngestCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files (.txt, .jsonl, .csv, .html, .rss/.atom/.xml), folders of them (recursive), http(s) URLs of pages or feeds, or '-' (JSON Lines on standard input).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var db = CorpusCli.DbOption();
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for documents that carry none (plain text, pages without metadata)." };
        var followLinks = new Option<bool>("--follow-links") { Description = "For feed items, fetch the linked page and read its main text (default: the item's description)." };
        var reanalyse = new Option<bool>("--reanalyse") { Description = "Re-run the analysis of every stored document (after a lexicon change) and update its results in place." };
        var batchSize = new Option<int>("--batch-size") { Description = "Documents per transaction.", DefaultValueFactory = _ => 256 };
        var threads = new Option<int>("--threads") { Description = "Documents analysed in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var maxChars = new Option<int>("--max-chars") { Description = "Refuse documents longer than this many characters (E005).", DefaultValueFactory = _ => 2_000_000 };
        var allowPrivate = new Option<bool>("--allow-private-addresses") { Description = "Let URLs reach private, loopback and link-local addresses (refused by default)." };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Largest page or feed fetched, in bytes.", DefaultValueFactory = _ => 10L * 1024 * 1024 };
        var maxRedirects = new Option<int>("--max-redirects") { Description = "Redirects followed per URL (each one checked again).", DefaultValueFactory = _ => 5 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed per URL fetch (redirects included).", DefaultValueFactory = _ => 30 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress line and no summary." };
        var json = new Option<bool>("--json") { Description = "Print the run's summary as JSON on standard output." };
        var failOnError = new Option<bool>("--fail-on-error") { Description = "Exit with code 1 when any document failed." };

        var cmd = new Command("ingest", "Analyse documents and store them, with their events, entities, quotes and times, in a corpus folder. Re-ingesting the same input adds nothing.")
        {
            inputs, db, published, followLinks, reanalyse, batchSize, threads, maxChars, allowPrivate, maxBytes, maxRedirects, timeout, quiet, json, failOnError,
        };
        cmd.SetAction(parse =>
        {
            var (pub, err) = CorpusCli.Date(parse.GetValue(published), "--published");
            if (err is not null) { Console.Error.WriteLine(err); return 2; }
            var paths = parse.GetValue(inputs) ?? [];
            var doReanalyse = parse.GetValue(reanalyse);
            if (paths.Length == 0 && !doReanalyse)
            {
                Console.Error.WriteLine("nothing to ingest: give files, folders, URLs or '-' (see --help)");
                return 2;
            }
            var dbPath = parse.GetValue(db)!;
            var pipeline = DefaultPipeline.Create(new PipelineOptions { MaxChars = parse.GetValue(maxChars) });
            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                if (cts.IsCancellationRequested) return; // a second Ctrl+C ends the process at once; committed batches are safe
                e.Cancel = true;
                cts.Cancel();
                Console.Error.WriteLine("\nstopping after the current batch (Ctrl+C again to stop now; committed documents are kept)…");
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                using var store = CorpusCli.OpenForWriting(dbPath);
                var ingestor = new Ingestor(store, pipeline, new IngestOptions { BatchSize = Math.Max(1, parse.GetValue(batchSize)), Threads = Math.Max(1, parse.GetValue(threads)) });
                var showProgress = !parse.GetValue(quiet) && !Console.IsErrorRedirected;
                var progress = showProgress ? new ProgressLine() : null;
                var reports = new List<(string Kind, IngestReport Report)>();
                if (doReanalyse)
                    reports.Add(("reanalyse", ingestor.Reanalyse(progress is null ? null : p => progress.Show(p, "re-analysed"), cts.Token)));
                if (paths.Length > 0)
                {
                    using var fetcher = new SafeHttpFetcher(new FetchOptions
                    {
                        AllowPrivateAddresses = parse.GetValue(allowPrivate),
                        MaxBytes = parse.GetValue(maxBytes),
                        MaxRedirects = Math.Max(0, parse.GetValue(maxRedirects)),
                        Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                    });
                    var sources = new InputSources(new SourceOptions { Published = pub, FollowLinks = parse.GetValue(followLinks) }, fetcher);
                    var total = InputSources.CountDocuments(paths);
                    var bytes = InputSources.CountBytes(paths);
                    var report = ingestor.Ingest(sources.Read(paths, cts.Token), total, progress is null ? null : p => progress.Show(p, "added"), cts.Token);
                    reports.Add(("ingest", report));
                    progress?.Done();
                    if (!parse.GetValue(quiet)) Summary(report, bytes, CorpusCli.Redact(dbPath));
                    if (parse.GetValue(json)) Console.Out.WriteLine(Json(report, bytes, CorpusCli.Redact(dbPath)).ToJsonString(CorpusJson.NodeOptions));
                }
                else
                {
                    progress?.Done();
                    var r = reports[0].Report;
                    if (!parse.GetValue(quiet))
                        Console.Error.WriteLine($"re-analysed {r.Reanalysed:N0} documents ({r.Mentions:N0} event mentions) in {r.Elapsed.TotalSeconds:0.0} s; failed {r.Failed:N0}");
                    if (parse.GetValue(json)) Console.Out.WriteLine(Json(r, 0, CorpusCli.Redact(dbPath)).ToJsonString(CorpusJson.NodeOptions));
                }
                var failed = reports.Sum(r => r.Report.Failed);
                return failed > 0 && parse.GetValue(failOnError) ? 1 : 0;
            }
            catch (HadathException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return cmd;
    }

    private static void Summary(IngestReport r, long bytes, string db)
    {
        var secs = Math.Max(r.Elapsed.TotalSeconds, 1e-6);
        Console.Error.WriteLine(
            $"{(r.Cancelled ? "stopped" : "done")}: read {r.Read:N0}, added {r.Added:N0}, already stored {r.Skipped:N0}, failed {r.Failed:N0}; " +
            $"{r.Mentions:N0} event mentions; {secs:0.0} s, {r.Read / secs:N0} docs/s, {bytes / 1048576.0 / secs:0.00} MB/s → {db}");
        foreach (var (code, n) in r.FailuresByCode) Console.Error.WriteLine($"  {code}: {n:N0}");
        foreach (var f in r.Failures.Take(20)) Console.Error.WriteLine($"  {f.Code} {f.ExternalId ?? f.Origin}: {CorpusCli.Trim(f.Message, 160)}");
        if (r.Failed > 20) Console.Error.WriteLine($"  … {r.Failed - 20:N0} more (all in the store's failures table: hadath stats --failures)");
    }

    private static JsonObject Json(IngestReport r, long bytes, string db)
    {
        var secs = Math.Max(r.Elapsed.TotalSeconds, 1e-6);
        var codes = new JsonObject();
        foreach (var (code, n) in r.FailuresByCode) codes[code] = n;
        var list = new JsonArray();
        foreach (var f in r.Failures) list.Add(new JsonObject { ["origin"] = f.Origin, ["id"] = f.ExternalId, ["code"] = f.Code, ["message"] = f.Message });
        return new JsonObject
        {
            ["db"] = db,
            ["read"] = r.Read,
            ["added"] = r.Added,
            ["skipped"] = r.Skipped,
            ["failed"] = r.Failed,
            ["reanalysed"] = r.Reanalysed,
            ["mentions"] = r.Mentions,
            ["seconds"] = Math.Round(secs, 3),
            ["docs_per_second"] = Math.Round(r.Read / secs, 1),
            ["mb_per_second"] = Math.Round(bytes / 1048576.0 / secs, 3),
            ["input_bytes"] = bytes,
            ["cancelled"] = r.Cancelled,
            ["failures_by_code"] = codes,
            ["failures"] = list,
        };
    }

    /// <summary>A carriage-return progress line on standard error (only on a terminal), at most four times a second.</summary>
    private sealed class ProgressLine
    {
        private DateTime _last = DateTime.MinValue;
        private int _width;

        public void Show(IngestProgress p, string verb)
        {
            var now = DateTime.UtcNow;
            if ((now - _last).TotalMilliseconds < 250) return;
            _last = now;
            var total = p.Total is { } t ? "/" + t.ToString("N0", CultureInfo.InvariantCulture) : "";
            var eta = p.Eta is { } e ? $"  ETA {(int)e.TotalMinutes}:{e.Seconds:00}" : "";
            var line = $"  {p.Read:N0}{total} docs  {p.Rate:N0} docs/s{eta}  {verb} {p.Added:N0}  skipped {p.Skipped:N0}  failed {p.Failed:N0}";
            var pad = Math.Max(0, _width - line.Length);
            _width = line.Length;
            Console.Error.Write("\r" + line + new string(' ', pad));
        }

        public void Done()
        {
            if (_width > 0) Console.Error.Write("\r" + new string(' ', _width) + "\r");
        }
    }
}
