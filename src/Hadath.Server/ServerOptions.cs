using Hadath.Corpus.Net;

namespace Hadath.Server;

/// <summary>How <c>hadath serve</c> runs: where the corpus is, who may write, and the limits that keep it responsive.</summary>
public sealed record ServerOptions
{
    /// <summary>The corpus folder the corpus commands use by default: <c>$HADATH_DB</c>, else <c>./hadath-corpus</c>.</summary>
    public static string DefaultCorpusPath =>
        Environment.GetEnvironmentVariable("HADATH_DB") is { Length: > 0 } db ? db : Path.Combine(Environment.CurrentDirectory, "hadath-corpus");

    /// <summary>The default listening address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Corpus folder (or a .db file).</summary>
    public string CorpusPath { get; init; } = DefaultCorpusPath;

    /// <summary>Opens the corpus stores when the corpus is not the embedded one in <see cref="CorpusPath"/> (the shared
    /// PostgreSQL store); null means the embedded SQLite corpus.</summary>
    public Func<Corpus.CorpusStores>? Stores { get; init; }

    /// <summary>When set (<c>hadath serve --nats</c>), POST /v1/documents publishes the documents to the work queue for the
    /// workers instead of analysing them in this process, and answers 202 with how many were queued.</summary>
    public Func<IReadOnlyList<Hadath.Corpus.Ingest.SourcedRecord>, CancellationToken, Task<long>>? Enqueue { get; init; }

    /// <summary>When set, /health asks the broker too ("ok" or what is wrong).</summary>
    public Func<CancellationToken, Task<string>>? BrokerHealth { get; init; }

    /// <summary>The key that writing endpoints require in the X-Api-Key header; null disables writing.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Require the key for reading endpoints too (the dashboard's static files stay open).</summary>
    public bool ReadKeyRequired { get; init; }

    /// <summary>Largest request body read, in bytes (E403 above it).</summary>
    public long MaxRequestBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest document analysed, in characters (E005 above it).</summary>
    public int MaxDocumentChars { get; init; } = 2_000_000;

    /// <summary>Analyses (and ingestions) running at once.</summary>
    public int MaxConcurrentAnalyses { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Requests that may wait for an analysis slot; more are answered 503 with Retry-After (E407).</summary>
    public int AnalysisQueueLimit { get; init; } = 64;

    /// <summary>Longest wait for an analysis slot before answering 503.</summary>
    public TimeSpan AnalysisQueueTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest page of events, mentions, search hits or actors.</summary>
    public int MaxPageSize { get; init; } = 500;

    /// <summary>Most events read to build one timeline, network, map or actor list.</summary>
    public int MaxAggregatedEvents { get; init; } = 200_000;

    /// <summary>Limits for fetching user-given URLs (private, loopback, link-local and multicast addresses are refused unless allowed).</summary>
    public FetchOptions Fetch { get; init; } = new() { MaxBytes = 5 * 1024 * 1024, Timeout = TimeSpan.FromSeconds(20), MaxRedirects = 5 };

    /// <summary>
    /// Host header values served (any port); null: when every listening address is loopback, only localhost,
    /// 127.0.0.1 and [::1] (so a page elsewhere cannot reach the API through DNS rebinding), else any.
    /// </summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>Serve the dashboard at /.</summary>
    public bool Dashboard { get; init; } = true;

    /// <summary>Fails with a message naming the option when a limit makes no sense.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(CorpusPath)) throw new ArgumentException("the corpus path is empty (--db)");
        if (ApiKey is { } k && k.Length < 16) throw new ArgumentException("the API key must have at least 16 characters");
        if (ReadKeyRequired && ApiKey is null) throw new ArgumentException("--read-key-required needs an API key (--api-key or HADATH_API_KEY)");
        if (MaxRequestBytes < 1024) throw new ArgumentException("--max-body-bytes must be at least 1024");
        if (MaxDocumentChars < 1) throw new ArgumentException("--max-chars must be positive");
        if (MaxConcurrentAnalyses < 1) throw new ArgumentException("--concurrency must be at least 1");
        if (AnalysisQueueLimit < 0) throw new ArgumentException("--queue must not be negative");
        if (MaxPageSize < 1) throw new ArgumentException("the page size must be positive");
    }
}
