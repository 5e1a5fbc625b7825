using System.Net;
using System.Text;
using Hadath.Server.Tests.Kit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Hadath.Server.Tests.Kit.Http;

namespace Hadath.Server.Tests;

/// <summary>
/// Ingesting pages and feeds from a small site served on loopback. Loopback is refused by default, so these servers
/// allow private addresses on purpose; what is checked is the wiring: feed items stored, redirects and size capped.
/// </summary>
public sealed class FetchIngestTests : IAsyncLifetime
{
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>أخبار</title><link>http://127.0.0.1/</link><description>test</description>
        <item><title>اجتماع في عمّان</title><link>http://127.0.0.1/a</link><pubDate>Wed, 06 Aug 2025 09:00:00 GMT</pubDate>
        <description>استقبل العاهل الأردني في عمّان يوم الأربعاء وفدًا أوروبيًا لبحث المساعدات الإنسانية.</description></item>
        <item><title>احتجاج في تونس</title><link>http://127.0.0.1/b</link><pubDate>Thu, 07 Aug 2025 09:00:00 GMT</pubDate>
        <description>تظاهر مئات العمال أمام مقر الحكومة التونسية احتجاجًا على تأخر الأجور.</description></item>
        </channel></rss>
        """;

    private WebApplication? _site;
    private string _base = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _site = builder.Build();
        _site.MapGet("/feed.xml", () => Results.Text(Feed, "application/rss+xml", Encoding.UTF8));
        _site.MapGet("/page.txt", () => Results.Text("أعلنت وزارة الصحة المغربية يوم الاثنين عن حملة تلقيح جديدة في الرباط.", "text/plain", Encoding.UTF8));
        _site.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        _site.MapGet("/big.txt", () => Results.Text(new string('ب', 200_000), "text/plain", Encoding.UTF8));
        await _site.StartAsync();
        _base = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private static ServerFactory AllowingLoopback() =>
        new(o => o with { Fetch = o.Fetch with { AllowPrivateAddresses = true, MaxRedirects = 3, MaxBytes = 100_000 } });

    [Fact]
    public async Task Every_item_of_a_feed_is_stored_once()
    {
        using var server = AllowingLoopback();
        using var client = server.KeyedClient();
        var report = await JsonOf(await client.PostAsync("/v1/documents", Json(new { feed = _base + "/feed.xml" })), HttpStatusCode.Created);
        Assert.Equal(2, report.GetProperty("added").GetInt32());
        var docs = report.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["http://127.0.0.1/a", "http://127.0.0.1/b"], docs.Select(d => d.GetProperty("external_id").GetString()!).ToArray());
        var stored = await JsonOf(await client.GetAsync($"/v1/documents/{docs[1].GetProperty("id").GetInt64()}"));
        Assert.Equal("2025-08-07", stored.GetProperty("published").GetString());
        Assert.Contains("تظاهر مئات العمال", stored.GetProperty("text").GetString(), StringComparison.Ordinal);
        var again = await JsonOf(await client.PostAsync("/v1/documents", Json(new { url = _base + "/feed.xml" })));
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(2, again.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task A_page_is_stored_with_the_date_given()
    {
        using var server = AllowingLoopback();
        using var client = server.KeyedClient();
        var report = await JsonOf(await client.PostAsync("/v1/documents", Json(new { url = _base + "/page.txt", published = "2025-08-04" })), HttpStatusCode.Created);
        var id = report.GetProperty("documents")[0].GetProperty("id").GetInt64();
        var stored = await JsonOf(await client.GetAsync($"/v1/documents/{id}"));
        Assert.Equal("2025-08-04", stored.GetProperty("published").GetString());
        Assert.Equal(_base + "/page.txt", stored.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Redirects_past_the_limit_are_refused_and_an_oversized_body_is_not_read()
    {
        using var server = AllowingLoopback();
        using var client = server.KeyedClient();
        var loop = await Problem(await client.PostAsync("/v1/documents", Json(new { url = _base + "/loop/0" })), HttpStatusCode.BadRequest, "E301");
        Assert.Contains("redirects", loop.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem(await client.PostAsync("/v1/documents", Json(new { url = _base + "/big.txt" })), HttpStatusCode.BadGateway, "E302");
    }

    [Fact]
    public async Task By_default_the_same_loopback_site_is_refused()
    {
        using var server = new ServerFactory();
        using var client = server.KeyedClient();
        await Problem(await client.PostAsync("/v1/documents", Json(new { feed = _base + "/feed.xml" })), HttpStatusCode.BadRequest, "E301");
    }
}
