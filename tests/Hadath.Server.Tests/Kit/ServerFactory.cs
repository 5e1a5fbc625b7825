using System.Collections.Concurrent;
using Hadath.Corpus.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hadath.Server.Tests.Kit;

/// <summary>
/// The server on a test host, over a fresh temporary corpus (optionally filled first). Everything it logs is kept in
/// <see cref="Logs"/>. Hadath.Server is a library, so the host comes from <see cref="HadathServer.CreateHostBuilder"/>
/// rather than from an entry point (the factory's type argument only has to live in an assembly that has one: this).
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<ServerFactory.Entry>
{
    /// <summary>Names this test assembly to the factory; never run.</summary>
    public sealed class Entry;

    /// <summary>The API key of tests that write.</summary>
    public const string Key = "test-key-5f0c2b9e8a71d364";

    private readonly ServerOptions _options;

    static ServerFactory() =>
        // The factory's own way to be told the content root of an entry-point assembly it cannot locate (no *.sln here).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_" + typeof(Entry).Assembly.GetName().Name!.ToUpperInvariant().Replace('.', '_'), AppContext.BaseDirectory);

    public ServerFactory(Func<ServerOptions, ServerOptions>? configure = null, Action<ICorpusStore>? fill = null)
    {
        CorpusPath = Path.Combine(Path.GetTempPath(), "hadath-server-tests", Guid.NewGuid().ToString("N"));
        if (fill is not null)
        {
            using var store = SqliteCorpusStore.Open(CorpusPath);
            fill(store);
        }
        var options = new ServerOptions { CorpusPath = CorpusPath, ApiKey = Key, MaxConcurrentAnalyses = 2, AnalysisQueueLimit = 8 };
        _options = configure is null ? options : configure(options);
    }

    /// <summary>The temporary corpus folder.</summary>
    public string CorpusPath { get; }

    /// <summary>Every log message and exception the server wrote.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>A client that sends the API key.</summary>
    public HttpClient KeyedClient()
    {
        var c = CreateClient();
        c.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return c;
    }

    protected override IHostBuilder CreateHostBuilder() => HadathServer.CreateHostBuilder(_options, "http://127.0.0.1:0");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(Logs)));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(CorpusPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(sink, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                    foreach (var kv in values) sink.Enqueue($"  {kv.Key}={kv.Value}");
            }
        }
    }
}
