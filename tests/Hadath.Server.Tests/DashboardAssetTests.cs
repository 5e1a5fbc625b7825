using System.Net;
using System.Text.RegularExpressions;
using Hadath.Server.Dashboard;
using Hadath.Server.Tests.Kit;

namespace Hadath.Server.Tests;

/// <summary>The embedded dashboard: Arabic and right to left, everything it loads served, vendored files licensed, no HTML sinks.</summary>
public sealed partial class DashboardAssetTests
{
    [GeneratedRegex("(?:src|href)=\"([^\"#:]+)\"", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex LocalRefs();

    [Fact]
    public async Task The_page_is_arabic_right_to_left_and_everything_it_loads_is_served_with_its_type()
    {
        using var server = new ServerFactory();
        using var c = server.CreateClient();
        var index = await c.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        var html = await index.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        var refs = LocalRefs().Matches(html).Select(m => m.Groups[1].Value).Where(r => !r.StartsWith('#')).ToList();
        Assert.Contains("app.js", refs);
        Assert.Contains("vendor/chart.js/chart.umd.min.js", refs);
        foreach (var r in refs)
        {
            var res = await c.GetAsync("/" + r);
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{r}: {(int)res.StatusCode}");
            var type = res.Content.Headers.ContentType?.MediaType;
            if (r.EndsWith(".js", StringComparison.Ordinal)) Assert.Equal("text/javascript", type);
            if (r.EndsWith(".css", StringComparison.Ordinal)) Assert.Equal("text/css", type);
        }
        foreach (var data in new[] { "vendor/world-atlas/countries-110m.json", "vendor/i18n-iso-countries/codes.json", "vendor/i18n-iso-countries/ar.json" })
            Assert.Equal("application/json", (await c.GetAsync("/" + data)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_file_is_revalidated_with_its_etag()
    {
        using var server = new ServerFactory();
        using var c = server.CreateClient();
        var first = await c.GetAsync("/app.js");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/app.js");
        again.Headers.IfNoneMatch.Add(etag!);
        Assert.Equal(HttpStatusCode.NotModified, (await c.SendAsync(again)).StatusCode);
    }

    [Fact]
    public void Every_vendored_library_has_its_licence_and_is_listed_in_the_readme()
    {
        var assets = DashboardAssets.Embedded.Paths.ToList();
        var readme = File.ReadAllText(Repo.Path("src", "Hadath.Server", "wwwroot", "vendor", "README.md"));
        var folders = assets.Where(p => p.StartsWith("/vendor/", StringComparison.Ordinal)).Select(p => p.Split('/')[2]).Distinct().ToList();
        Assert.Equal(["chart.js", "cytoscape", "i18n-iso-countries", "topojson-client", "world-atlas"], folders.Order(StringComparer.Ordinal).ToArray());
        foreach (var f in folders)
        {
            Assert.Contains(assets, p => p.StartsWith($"/vendor/{f}/LICENSE", StringComparison.Ordinal));
            Assert.Contains($"`{f}/`", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_dashboard_code_never_writes_html()
    {
        var js = File.ReadAllText(Repo.Path("src", "Hadath.Server", "wwwroot", "app.js"));
        foreach (var sink in new[] { ".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"style\"", "createContextualFragment" })
            Assert.DoesNotContain(sink, js, StringComparison.Ordinal);
        Assert.Contains("textContent", js, StringComparison.Ordinal);
    }
}
