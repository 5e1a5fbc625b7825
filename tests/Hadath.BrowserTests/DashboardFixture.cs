using Hadath.Core.Input;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Store;
using Hadath.Extraction;
using Hadath.Server;
using Hadath.Server.Corpus;
using Hadath.Server.Tests.Kit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Hadath.BrowserTests;

/// <summary>
/// The real server (Kestrel on a loopback port) over a temporary corpus holding the seed article, analysed by the
/// current pipeline, and the hand-built documents; and one headless chromium that the tests share.
/// </summary>
public sealed class DashboardFixture : IDisposable
{
    public const string Key = "browser-key-71c3e0d95a2b4f86";

    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "hadath-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "hadath-browser-profile", Guid.NewGuid().ToString("N"));
    private readonly IHost? _host;
    private readonly ChromeDriver? _driver;

    public DashboardFixture()
    {
        if (!BrowserFactAttribute.Available) return;
        var pipeline = DefaultPipeline.Create();
        using (var store = SqliteCorpusStore.Open(_corpus))
        {
            var seed = InputReader.ReadPlainText(File.OpenRead(Repo.Sample("putin-witkoff.ar.txt")), "putin-witkoff", new DateOnly(2025, 8, 6));
            var report = new Ingestor(store, pipeline).Ingest([new SourcedRecord(seed, "samples/putin-witkoff.ar.txt")]);
            if (report.Added != 1) throw new InvalidOperationException($"the seed article was not stored: {string.Join("; ", report.Failures.Select(f => f.Message))}");
            HandBuilt.StoreIn(store);
            SeedKey = DocumentKey.Of(seed.Document!.Text, null);
        }
        _host = HadathServer.CreateHostBuilder(new ServerOptions { CorpusPath = _corpus, ApiKey = Key }, "http://127.0.0.1:0", () => pipeline).Build();
        _host.Start();
        BaseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var db = _host.Services.GetRequiredService<CorpusStores>().DatabasePath!;
        var ids = CorpusLookup.IdsOf(db, [SeedKey, .. HandBuilt.Documents.Select(d => DocumentKey.Of(d.Input.Text, d.Input.Url))]);
        SeedId = ids[SeedKey];
        HandBuiltIds = HandBuilt.Documents.ToDictionary(d => d.Input.Id!, d => ids[DocumentKey.Of(d.Input.Text, d.Input.Url)]);
        HostileId = HandBuiltIds["hb-hostile"];

        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=ar", $"--user-data-dir={_profile}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(BrowserFactAttribute.ChromeDriver)!, Path.GetFileName(BrowserFactAttribute.ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        _driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(20);
    }

    /// <summary>The server, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; } = "";

    /// <summary>The stored seed article.</summary>
    public long SeedId { get; }

    /// <summary>Stored ids of the hand-built documents by their external id (hb-cairo…).</summary>
    public IReadOnlyDictionary<string, long> HandBuiltIds { get; } = new Dictionary<string, long>();

    /// <summary>The stored article that carries script and img markup.</summary>
    public long HostileId { get; }

    private string SeedKey { get; } = "";

    public ChromeDriver Driver => _driver ?? throw new InvalidOperationException($"chromium or chromedriver is missing ({BrowserFactAttribute.ChromeDriver})");

    /// <summary>Where screenshots go: TestResults/screenshots of this project (kept by CI as artifacts).</summary>
    public static string ScreenshotFolder { get; } = Repo.Path("tests", "Hadath.BrowserTests", "TestResults", "screenshots");

    public void Dispose()
    {
        _driver?.Quit();
        _driver?.Dispose();
        if (_host is not null)
        {
            _host.StopAsync().GetAwaiter().GetResult();
            _host.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in new[] { _corpus, _profile })
        {
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
