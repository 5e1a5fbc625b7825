using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Hadath.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hadath.LoadTest;

/// <summary>
/// Sends a bounded number of POST /v1/analyze requests of one article at a fixed concurrency and reports throughput,
/// latency percentiles and errors. By default it starts the server in this process on a loopback port (over a temporary
/// corpus); with --url it targets a running `hadath serve`, which must be on this machine (loopback only).
/// Exit code 1 when any request failed.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var opts = Options.Parse(args);
        if (opts is null) return 2;
        var text = await File.ReadAllTextAsync(opts.File);
        var body = JsonSerializer.Serialize(new { id = "load", text, published = opts.Published });

        IHost? host = null;
        var corpus = Path.Combine(Path.GetTempPath(), "hadath-loadtest", Guid.NewGuid().ToString("N"));
        var url = opts.Url;
        if (url is null)
        {
            host = HadathServer.CreateHostBuilder(new ServerOptions { CorpusPath = corpus, MaxConcurrentAnalyses = opts.Slots ?? Environment.ProcessorCount, AnalysisQueueLimit = Math.Max(64, opts.Concurrency * 2) }, "http://127.0.0.1:0")
                .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .Build();
            await host.StartAsync();
            url = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        }
        var target = new Uri(new Uri(url), "/v1/analyze");
        if (!IsLoopback(target))
        {
            Console.Error.WriteLine($"refusing {target.Host}: the load test only targets this machine (127.0.0.0/8, ::1, localhost)");
            return 2;
        }

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = opts.Concurrency, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(opts.TimeoutSeconds),
        };
        Console.WriteLine($"target {target}; {opts.Requests:N0} requests at concurrency {opts.Concurrency}; document {Path.GetFileName(opts.File)} ({text.Length:N0} characters)");

        // Warm-up: load the pipeline and JIT the paths; not counted.
        for (var i = 0; i < Math.Min(20, opts.Requests); i++) await Send(client, target, body);

        var latencies = new double[opts.Requests];
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, opts.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < opts.Requests)
            {
                var t = Stopwatch.GetTimestamp();
                var outcome = await Send(client, target, body);
                latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (outcome == "200") continue;
                Interlocked.Increment(ref errors);
                lock (statuses) statuses[outcome] = statuses.GetValueOrDefault(outcome) + 1;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        Array.Sort(latencies);
        double P(double q) => latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"requests {opts.Requests}, errors {errors}, time {clock.Elapsed.TotalSeconds:0.00} s, {opts.Requests / clock.Elapsed.TotalSeconds:0.0} requests/s"));
        Console.WriteLine(string.Create(inv, $"latency ms: p50 {P(0.50):0.0}, p90 {P(0.90):0.0}, p99 {P(0.99):0.0}, max {latencies[^1]:0.0}"));
        foreach (var (status, n) in statuses) Console.WriteLine($"  {status}: {n}");

        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(corpus, recursive: true); } catch (IOException) { }
        }
        return errors == 0 ? 0 : 1;
    }

    private static async Task<string> Send(HttpClient client, Uri target, string body)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(target, content);
            await response.Content.CopyToAsync(Stream.Null);
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.GetType().Name;
        }
    }

    private static bool IsLoopback(Uri u) =>
        u.IsLoopback || (IPAddress.TryParse(u.Host.Trim('[', ']'), out var a) && IPAddress.IsLoopback(a));

    private sealed record Options(int Requests, int Concurrency, string File, string? Published, string? Url, int? Slots, int TimeoutSeconds)
    {
        public static Options? Parse(string[] args)
        {
            var o = new Options(2000, 16, FindSample(), "2025-08-06", null, null, 120);
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                try
                {
                    o = args[i] switch
                    {
                        "--requests" => o with { Requests = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 100_000) },
                        "--concurrency" => o with { Concurrency = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 256) },
                        "--file" => o with { File = Next() },
                        "--published" => o with { Published = Next() },
                        "--url" => o with { Url = Next() },
                        "--slots" => o with { Slots = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        "--timeout" => o with { TimeoutSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                        _ => throw new ArgumentException($"unknown option {args[i]} (--requests N --concurrency N --file PATH --published DATE --url http://127.0.0.1:PORT --slots N --timeout S)"),
                    };
                }
                catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
                {
                    Console.Error.WriteLine(e.Message);
                    return null;
                }
            }
            return o;
        }

        /// <summary>samples/putin-witkoff.ar.txt above the current folder or the binary.</summary>
        private static string FindSample()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var p = Path.Combine(dir.FullName, "samples", "putin-witkoff.ar.txt");
                    if (System.IO.File.Exists(p)) return p;
                }
            return Path.Combine("samples", "putin-witkoff.ar.txt");
        }
    }
}
