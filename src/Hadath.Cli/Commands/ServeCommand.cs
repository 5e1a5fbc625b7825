using System.CommandLine;
using Hadath.Core.Diagnostics;
using Hadath.Core.Model;
using Hadath.Extraction;
using Hadath.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hadath.Cli.Commands;

/// <summary><c>hadath serve</c>: the HTTP API and the Arabic dashboard over a corpus folder.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'. The default listens on loopback only.",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "The key that writing endpoints (POST /v1/documents) require in the X-Api-Key header (at least 16 characters). Default: $HADATH_API_KEY. Without one, writing is disabled.",
        };
        var readKey = new Option<bool>("--read-key-required") { Description = "Require the API key for reading endpoints too." };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Largest request body, in bytes.", DefaultValueFactory = _ => new ServerOptions().MaxRequestBytes };
        var maxChars = new Option<int>("--max-chars") { Description = "Largest document analysed, in characters (E005).", DefaultValueFactory = _ => new ServerOptions().MaxDocumentChars };
        var concurrency = new Option<int>("--concurrency") { Description = "Analyses running at once.", DefaultValueFactory = _ => new ServerOptions().MaxConcurrentAnalyses };
        var queue = new Option<int>("--queue") { Description = "Requests waiting for an analysis slot before the server answers 503.", DefaultValueFactory = _ => new ServerOptions().AnalysisQueueLimit };
        var allowPrivate = new Option<bool>("--allow-private-urls") { Description = "Let POST /v1/documents fetch private, loopback and link-local addresses (off: such URLs are refused with E301)." };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "Serve the API only." };
        var allowedHosts = new Option<string?>("--allowed-hosts")
        {
            Description = "Host header values served, separated by ';' (e.g. news.example.org). Default: localhost, 127.0.0.1 and [::1] when listening on loopback only, else any.",
        };

        var nats = new Option<string?>("--nats")
        {
            Description = "NATS JetStream broker (nats://host:4222): POST /v1/documents then queues documents for `hadath worker`s instead of analysing them here; /health checks the broker.",
        };

        var cmd = new Command("serve", "Serve the HTTP API (/v1/…, described at /openapi/v1.json) and the Arabic dashboard (/) over a corpus.")
        {
            db, urls, apiKey, readKey, maxBody, maxChars, concurrency, queue, allowPrivate, noDashboard, allowedHosts, nats,
        };
        cmd.SetAction(parse =>
        {
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("HADATH_API_KEY");
            var defaults = new ServerOptions();
            var store = parse.GetValue(db)!;
            (NATS.Client.JetStream.NatsJSContext Js, Hadath.Distributed.QueueOptions Queue)? broker = null;
            NATS.Client.Core.NatsConnection? connection = null;
            if (parse.GetValue(nats) is { } natsUrl)
            {
                try
                {
                    connection = Hadath.Distributed.Broker.ConnectAsync(natsUrl, "hadath-serve").GetAwaiter().GetResult();
                    var js = new NATS.Client.JetStream.NatsJSContext(connection);
                    var q = new Hadath.Distributed.QueueOptions();
                    Hadath.Distributed.Broker.DeclareStreamsAsync(js, q).GetAwaiter().GetResult();
                    broker = (js, q);
                }
                catch (HadathException e)
                {
                    Console.Error.WriteLine($"hadath serve: {e.Message}");
                    return 2;
                }
            }
            var shared = Hadath.Corpus.Postgres.PostgresUrl.IsPostgres(store);
            var options = new ServerOptions
            {
                // the shared store: every request leases a PostgreSQL store (the schema is brought up to date when the first opens)
                CorpusPath = shared ? CorpusCli.Redact(store) : Path.GetFullPath(store),
                Stores = shared ? () => SharedStores(store) : null,
                Enqueue = broker is null ? null : async (records, ct) => (await new Hadath.Distributed.Enqueuer(broker.Value.Js, broker.Value.Queue).PublishAsync(records, ct: ct).ConfigureAwait(false)).Published,
                BrokerHealth = broker is null ? null : async ct =>
                {
                    await broker.Value.Js.GetStreamAsync(broker.Value.Queue.Stream, cancellationToken: ct).ConfigureAwait(false);
                    return "ok";
                },
                ApiKey = string.IsNullOrEmpty(key) ? null : key,
                ReadKeyRequired = parse.GetValue(readKey),
                MaxRequestBytes = parse.GetValue(maxBody),
                MaxDocumentChars = parse.GetValue(maxChars),
                MaxConcurrentAnalyses = parse.GetValue(concurrency),
                AnalysisQueueLimit = parse.GetValue(queue),
                Fetch = defaults.Fetch with { AllowPrivateAddresses = parse.GetValue(allowPrivate) },
                Dashboard = !parse.GetValue(noDashboard),
                AllowedHosts = parse.GetValue(allowedHosts)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
            if (options.ReadKeyRequired && options.ApiKey is null)
            {
                Console.Error.WriteLine("--read-key-required needs an API key (--api-key or HADATH_API_KEY)");
                return 2;
            }
            IHost host;
            try
            {
                host = HadathServer.CreateHostBuilder(options, parse.GetValue(urls)!).Build();
                // Load the pipeline and open the corpus now, so the first request is not the slow one and a bad corpus fails here.
                host.Services.GetRequiredService<Pipeline>().Analyze(new InputDocument { Id = "warm-up", Text = "قال الرئيس إن الاجتماع انتهى." });
                host.Services.GetRequiredService<Hadath.Server.Corpus.CorpusStores>();
            }
            catch (Exception e) when (e is ArgumentException or HadathException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"hadath serve: {e.Message}");
                return 2;
            }
            using (host)
            {
                Console.Error.WriteLine($"hadath serve: corpus {options.CorpusPath}; listening on {parse.GetValue(urls)}" +
                    (options.Dashboard ? " (dashboard at /)" : "") + "; API description at /openapi/v1.json");
                Console.Error.WriteLine(options.ApiKey is null
                    ? "hadath serve: no API key: writing (POST /v1/documents) is disabled"
                    : $"hadath serve: API key set: writing needs the X-Api-Key header{(options.ReadKeyRequired ? ", and so does reading" : "")}");
                try
                {
                    host.Run();
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"hadath serve: {e.Message}");
                    return 1;
                }
                finally
                {
                    connection?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>Stores on the shared PostgreSQL corpus; one is opened at once so a wrong address fails at start-up.</summary>
    private static Hadath.Server.Corpus.CorpusStores SharedStores(string url)
    {
        var stores = new Hadath.Server.Corpus.CorpusStores(() => Hadath.Corpus.Postgres.PostgresCorpusStore.Open(url), null);
        using (stores.Read())
        {
        }
        return stores;
    }
}
