using System.Net;
using System.Net.Sockets;
using System.Text;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Net;

namespace Hadath.Corpus.Tests;

/// <summary>A tiny HTTP/1.1 server on 127.0.0.1 that answers a bounded number of requests from a route table, then stops.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string> _route;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));

    public LoopbackServer(Func<string, string> route, int maxRequests = 20)
    {
        _route = route;
        _listener.Start();
        _loop = Task.Run(() => Serve(maxRequests));
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task Serve(int maxRequests)
    {
        for (var i = 0; i < maxRequests && !_stop.IsCancellationRequested; i++)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var sb = new StringBuilder();
                while (!sb.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    int n;
                    try { n = await stream.ReadAsync(buffer, _stop.Token); }
                    catch (Exception e) when (e is OperationCanceledException or IOException) { break; }
                    if (n == 0) break;
                    sb.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }
                var path = sb.ToString().Split(' ') is { Length: > 1 } parts ? parts[1] : "/";
                var response = Encoding.UTF8.GetBytes(_route(path));
                try { await stream.WriteAsync(response, _stop.Token); }
                catch (Exception e) when (e is OperationCanceledException or IOException) { }
            }
        }
    }

    public static string Ok(string body, string type = "text/html; charset=utf-8")
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        return $"HTTP/1.1 200 OK\r\nContent-Type: {type}\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n{body}";
    }

    public static string Redirect(string location) => $"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

public class FetchTests
{
    private const string Page = "<html><head><meta property=\"og:title\" content=\"عنوان\"><meta property=\"article:published_time\" content=\"2025-08-06\"></head><body><p>استقبل الرئيس الروسي المبعوث الأمريكي في موسكو.</p></body></html>";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:c0a8:101::1")]
    public void Private_loopback_link_local_and_multicast_addresses_are_refused(string ip) =>
        Assert.False(AddressPolicy.IsPublic(IPAddress.Parse(ip)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("151.101.1.69")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string ip) => Assert.True(AddressPolicy.IsPublic(IPAddress.Parse(ip)));

    [Fact]
    public void Loopback_urls_are_refused_by_default_without_connecting()
    {
        var hits = 0;
        using var server = new LoopbackServer(_ => { hits++; return LoopbackServer.Ok(Page); });
        using var fetcher = new SafeHttpFetcher();
        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri(server.Url("/"))));
        Assert.Equal(CorpusErrors.UrlRefused, e.Code);
        Assert.Equal(0, hits);
        Assert.Equal(CorpusErrors.UrlRefused, Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri("file:///etc/passwd"))).Code);
    }

    [Fact]
    public void A_host_name_is_checked_on_every_address_it_resolves_to()
    {
        using var server = new LoopbackServer(_ => LoopbackServer.Ok(Page));
        // "news.test" resolves to a public and a loopback address: refused, because one of them is not public.
        using var fetcher = new SafeHttpFetcher(resolve: (_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Loopback }));
        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri($"http://news.test:{server.Port}/")));
        Assert.Equal(CorpusErrors.UrlRefused, e.Code);
        Assert.Contains("127.0.0.1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_are_fetched_and_every_redirect_is_checked_again()
    {
        using var server = new LoopbackServer(path => path switch
        {
            "/article" => LoopbackServer.Ok(Page),
            "/moved" => LoopbackServer.Redirect("/article"),
            "/escape" => LoopbackServer.Redirect("http://127.0.0.2:1/secret"),
            _ => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        });
        // Only 127.0.0.1 is allowed here (the test's stand-in for "public").
        using var fetcher = new SafeHttpFetcher(allowed: a => a.Equals(IPAddress.Loopback));
        var ok = fetcher.Fetch(new Uri(server.Url("/moved")));
        Assert.Equal(1, ok.Redirects);
        Assert.Equal("/article", ok.Url.AbsolutePath);
        Assert.Equal("text/html", ok.MediaType);
        var doc = HtmlArticleReader.ToInput(FetchResults.Decode(ok.Body, ok.Charset), ok.Url, "x")!;
        Assert.Equal("عنوان", doc.Title);
        Assert.Equal(new DateOnly(2025, 8, 6), doc.Published);
        var refused = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri(server.Url("/escape"))));
        Assert.Equal(CorpusErrors.UrlRefused, refused.Code);
        Assert.Equal(CorpusErrors.FetchFailed, Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri(server.Url("/missing")))).Code);
    }

    [Fact]
    public void Redirect_loops_size_and_time_are_capped()
    {
        using var server = new LoopbackServer(path => path switch
        {
            "/big" => LoopbackServer.Ok(new string('ا', 5000)),
            _ => LoopbackServer.Redirect("/loop"),
        }, maxRequests: 30);
        using var fetcher = new SafeHttpFetcher(new FetchOptions { MaxRedirects = 3, MaxBytes = 1000, Timeout = TimeSpan.FromSeconds(2) }, allowed: a => a.Equals(IPAddress.Loopback));
        var loop = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri(server.Url("/loop"))));
        Assert.Equal(CorpusErrors.UrlRefused, loop.Code);
        Assert.Contains("redirects", loop.Message, StringComparison.Ordinal);
        var big = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri(server.Url("/big"))));
        Assert.Equal(CorpusErrors.FetchFailed, big.Code);
        Assert.Contains("cap", big.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_url_is_read_as_a_feed_and_its_links_are_followed_only_when_asked()
    {
        LoopbackServer? server = null;
        server = new LoopbackServer(path => path switch
        {
            "/feed" => LoopbackServer.Ok($"""<?xml version="1.0"?><rss version="2.0"><channel><title>وكالة</title><item><title>خبر</title><link>{server!.Url("/article")}</link><description>ملخص قصير عن موسكو.</description></item></channel></rss>""", "application/rss+xml"),
            "/article" => LoopbackServer.Ok(Page),
            _ => LoopbackServer.Redirect("/feed"),
        });
        using (server)
        {
            using var fetcher = new SafeHttpFetcher(allowed: a => a.Equals(IPAddress.Loopback));
            var summary = new InputSources(new SourceOptions(), fetcher).Read([server.Url("/feed")]).Single().Record.Document!;
            Assert.Equal("ملخص قصير عن موسكو.", summary.Text);
            var followed = new InputSources(new SourceOptions { FollowLinks = true }, fetcher).Read([server.Url("/feed")]).Single().Record.Document!;
            Assert.Contains("استقبل الرئيس الروسي", followed.Text, StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2025, 8, 6), followed.Published);
        }
    }
}
