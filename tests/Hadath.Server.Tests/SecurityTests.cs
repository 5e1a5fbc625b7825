using System.Net;
using Hadath.Server.Security;
using Hadath.Server.Tests.Kit;
using static Hadath.Server.Tests.Kit.Http;

namespace Hadath.Server.Tests;

/// <summary>Keys, read protection, logging hygiene and the response headers.</summary>
public sealed class SecurityTests
{
    [Fact]
    public void The_key_matches_only_itself_and_nothing_matches_when_none_is_set()
    {
        var key = new ApiKey("k3y-0123456789abcdef");
        Assert.True(key.IsConfigured);
        Assert.True(key.Matches("k3y-0123456789abcdef"));
        Assert.False(key.Matches("k3y-0123456789abcdeF"));
        Assert.False(key.Matches("k3y-0123456789abcde"));
        Assert.False(key.Matches("k3y-0123456789abcdef "));
        Assert.False(key.Matches(""));
        Assert.False(key.Matches(null));
        var none = new ApiKey(null);
        Assert.False(none.IsConfigured);
        Assert.False(none.Matches(""));
        Assert.False(none.Matches("anything"));
    }

    [Fact]
    public void A_short_key_or_a_read_key_without_a_key_is_refused_at_start()
    {
        Assert.Throws<ArgumentException>(() => new ServerOptions { ApiKey = "short" }.Validate());
        Assert.Throws<ArgumentException>(() => new ServerOptions { MaxConcurrentAnalyses = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new ServerOptions { ReadKeyRequired = true }.Validate());
    }

    [Fact]
    public async Task With_read_key_required_reading_needs_the_key_but_health_and_the_dashboard_stay_open()
    {
        using var server = new ServerFactory(o => o with { ReadKeyRequired = true });
        using var anonymous = server.CreateClient();
        foreach (var url in new[] { "/v1/events", "/v1/stats", "/v1/search?q=x", "/v1/documents/1", "/v1/actors", "/v1/map" })
            await Problem(await anonymous.GetAsync(url), HttpStatusCode.Unauthorized, "E401");
        await Problem(await anonymous.PostAsync("/v1/analyze", Json(new { text = "خبر." })), HttpStatusCode.Unauthorized, "E401");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
        using var keyed = server.KeyedClient();
        await JsonOf(await keyed.GetAsync("/v1/events"));
        await JsonOf(await keyed.PostAsync("/v1/analyze", Json(new { text = "خبر." })));
    }

    [Fact]
    public async Task The_key_never_appears_in_the_logs()
    {
        using var server = new ServerFactory();
        using var keyed = server.KeyedClient();
        await keyed.PostAsync("/v1/documents", Json(new { text = "عقد مجلس الوزراء جلسته الأسبوعية يوم الأحد." }));
        await keyed.PostAsync("/v1/documents", Json(new { url = "http://127.0.0.1/" }));
        await keyed.GetAsync("/v1/events?from=bad");
        using var wrong = server.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "wrong-" + ServerFactory.Key);
        await wrong.PostAsync("/v1/documents", Json(new { text = "خبر." }));
        Assert.NotEmpty(server.Logs);
        Assert.DoesNotContain(server.Logs, line => line.Contains(ServerFactory.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_loopback_only_loopback_host_names_are_served_so_dns_rebinding_cannot_reach_the_api()
    {
        using var server = new ServerFactory();
        using var c = server.CreateClient();
        foreach (var host in new[] { "attacker.example", "attacker.example:5080", "10.0.0.5" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
            request.Headers.Host = host;
            var r = await c.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.DoesNotContain("\"items\"", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var host in new[] { "localhost", "127.0.0.1:5080", "[::1]:5080" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
            request.Headers.Host = host;
            Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(request)).StatusCode);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080;http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.4:5080", false)]
    public void Only_a_server_listening_on_loopback_alone_restricts_host_names(string urls, bool restricted)
    {
        var hosts = HadathServer.DefaultAllowedHosts(urls);
        Assert.Equal(restricted, !hosts.Contains("*"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/v1/events")]
    [InlineData("/v1/nothing")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_strict_security_headers(string url)
    {
        using var server = new ServerFactory();
        using var c = server.CreateClient();
        var r = await c.GetAsync(url);
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("require-trusted-types-for 'script'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(r.Headers.Contains("Server"));
    }
}
