using System.Net;
using System.Text.Json;
using Hadath.Server.Tests.Kit;
using static Hadath.Server.Tests.Kit.Http;

namespace Hadath.Server.Tests;

/// <summary>The reading endpoints over a corpus of hand-built documents with known events.</summary>
public sealed class ReadApiTests : IClassFixture<ReadApiTests.Fixture>
{
    private readonly Fixture _f;

    public ReadApiTests(Fixture f) => _f = f;

    public sealed class Fixture : IDisposable
    {
        public ServerFactory Server { get; } = new(fill: HandBuilt.StoreIn);

        public void Dispose() => Server.Dispose();
    }

    private HttpClient Client() => _f.Server.CreateClient();

    [Fact]
    public async Task Health_is_open_and_reports_the_analysis_slots()
    {
        using var c = Client();
        var h = await JsonOf(await c.GetAsync("/health"));
        Assert.Equal("ok", h.GetProperty("status").GetString());
        Assert.Equal(2, h.GetProperty("analysis_slots").GetInt32());
        Assert.Equal("ok", h.GetProperty("store").GetString());
    }

    [Fact]
    public async Task Events_are_filtered_like_hadath_events()
    {
        using var c = Client();
        var all = await JsonOf(await c.GetAsync("/v1/events"));
        Assert.Equal(4, all.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next_offset").ValueKind);

        async Task<List<string>> Types(string query) =>
            [.. (await JsonOf(await c.GetAsync("/v1/events?" + query))).GetProperty("items").EnumerateArray().Select(h => h.GetProperty("event").GetProperty("type").GetString()!)];

        Assert.Equal(["CONSULT"], await Types("type=CONSULT"));
        Assert.Equal(["CONSULT"], await Types("type=consult"));
        Assert.Equal(["ASSAULT"], await Types("source=RUS"));
        Assert.Equal(["ASSAULT"], await Types("actor=RUSMIL"));
        Assert.Equal(["AGREE"], await Types("target=IND"));
        Assert.Equal(["PROTEST"], await Types("country=MAR"));
        Assert.Equal(["ASSAULT"], await Types("reporter=" + Uri.EscapeDataString("مسؤولين")));
        Assert.Equal(["PROTEST", "ASSAULT"], await Types("from=2025-08-05&to=2025-08-07"));
        Assert.Empty(await Types("modality=negated"));
        Assert.Equal(4, (await Types("modality=asserted")).Count);
    }

    [Fact]
    public async Task Events_page_with_limit_and_offset_and_list_mentions_on_request()
    {
        using var c = Client();
        var first = await JsonOf(await c.GetAsync("/v1/events?limit=3"));
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal(3, first.GetProperty("next_offset").GetInt32());
        var second = await JsonOf(await c.GetAsync("/v1/events?limit=3&offset=3"));
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var hit = second.GetProperty("items")[0];
        Assert.Equal(1, hit.GetProperty("mentions").GetInt32());
        Assert.Single(hit.GetProperty("documents").EnumerateArray());
        var mentions = await JsonOf(await c.GetAsync("/v1/events?mentions=true&type=AGREE"));
        var m = Assert.Single(mentions.GetProperty("items").EnumerateArray());
        Assert.Equal("hb-abudhabi", m.GetProperty("document").GetProperty("external_id").GetString());
    }

    [Theory]
    [InlineData("/v1/events?from=06-08-2025")]
    [InlineData("/v1/events?to=2025-02-30")]
    [InlineData("/v1/events?from=2025-08-09&to=2025-08-01")]
    [InlineData("/v1/events?modality=maybe")]
    [InlineData("/v1/events?limit=0")]
    [InlineData("/v1/events?limit=100000")]
    [InlineData("/v1/events?offset=-1")]
    [InlineData("/v1/events?limit=ten")]
    [InlineData("/v1/events?mentions=perhaps")]
    [InlineData("/v1/events?document=x")]
    [InlineData("/v1/events/export?format=xml")]
    [InlineData("/v1/timeline?bucket=hour")]
    [InlineData("/v1/map?by=weather")]
    [InlineData("/v1/network?max_nodes=0")]
    [InlineData("/v1/search")]
    [InlineData("/v1/search?q=%20")]
    [InlineData("/v1/search?q=x&from=yesterday")]
    [InlineData("/v1/documents?limit=-5")]
    public async Task A_bad_query_parameter_is_400_E405(string url)
    {
        using var c = Client();
        var p = await Problem(await c.GetAsync(url), HttpStatusCode.BadRequest, "E405");
        Assert.DoesNotContain("Exception", p.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_filter_value_is_refused()
    {
        using var c = Client();
        await Problem(await c.GetAsync("/v1/events?actor=" + new string('a', 500)), HttpStatusCode.BadRequest, "E405");
    }

    [Fact]
    public async Task Export_gives_the_filtered_events_as_a_csv_or_jsonl_download()
    {
        using var c = Client();
        var csv = await c.GetAsync("/v1/events/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", TypeOf(csv)?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("hadath-events.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("global_event_id,", rows[0], StringComparison.Ordinal);

        var jsonl = await c.GetAsync("/v1/events/export?format=jsonl&type=CONSULT");
        Assert.Equal("application/x-ndjson", TypeOf(jsonl)?.MediaType);
        var lines = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var e = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("CONSULT", e.GetProperty("type").GetString());
        Assert.Equal("EGY", e.GetProperty("source").GetProperty("country").GetString());
        Assert.Equal("JOR", e.GetProperty("target").GetProperty("country").GetString());
    }

    [Fact]
    public async Task Search_finds_documents_and_quotes_and_marks_the_words()
    {
        using var c = Client();
        var hits = await JsonOf(await c.GetAsync("/v1/search?q=" + Uri.EscapeDataString("الطلاب") + "&mark_open=%3C%3C&mark_close=%3E%3E"));
        var hit = Assert.Single(hits.GetProperty("items").EnumerateArray());
        Assert.Equal("hb-rabat", hit.GetProperty("document").GetProperty("external_id").GetString());
        Assert.Contains("<<الطلاب>>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var quotes = await JsonOf(await c.GetAsync("/v1/search?quotes=true&q=" + Uri.EscapeDataString("حلًا")));
        var q = Assert.Single(quotes.GetProperty("items").EnumerateArray());
        Assert.Equal("نريد حلًا سريعًا", q.GetProperty("quote").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Stats_count_the_filtered_events()
    {
        using var c = Client();
        var s = await JsonOf(await c.GetAsync("/v1/stats"));
        Assert.Equal(5, s.GetProperty("documents").GetInt32());
        Assert.Equal(4, s.GetProperty("events").GetInt32());
        var filtered = await JsonOf(await c.GetAsync("/v1/stats?type=PROTEST"));
        Assert.Equal(1, filtered.GetProperty("events").GetInt32());
        Assert.Equal("PROTEST", Assert.Single(filtered.GetProperty("events_per_type").EnumerateArray()).GetProperty("key").GetString());
    }

    [Fact]
    public async Task Actors_are_listed_with_their_counts_and_can_be_searched()
    {
        using var c = Client();
        var all = await JsonOf(await c.GetAsync("/v1/actors"));
        Assert.Equal(8, all.GetProperty("total").GetInt32());
        var egy = Assert.Single(all.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == "EGYGOV");
        Assert.Equal(1, egy.GetProperty("as_source").GetInt32());
        Assert.Equal("وزير الخارجية المصري", egy.GetProperty("label").GetString());
        var found = await JsonOf(await c.GetAsync("/v1/actors?q=" + Uri.EscapeDataString("الطلاب")));
        Assert.Equal("MAREDU", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var page = await JsonOf(await c.GetAsync("/v1/actors?limit=3&offset=6"));
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Timeline_network_and_map_aggregate_the_filtered_events()
    {
        using var c = Client();
        var t = await JsonOf(await c.GetAsync("/v1/timeline?bucket=week"));
        Assert.Equal(["2025-W32", "2025-W33"], t.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()!).ToArray());
        var consult = Assert.Single(t.GetProperty("series").EnumerateArray(), s => s.GetProperty("type").GetString() == "CONSULT");
        Assert.Equal([1L, 0L], consult.GetProperty("counts").EnumerateArray().Select(x => x.GetInt64()).ToArray());

        var n = await JsonOf(await c.GetAsync("/v1/network"));
        Assert.Equal(4, n.GetProperty("edges").GetArrayLength());
        Assert.Contains(n.GetProperty("edges").EnumerateArray(), e => e.GetProperty("source").GetString() == "RUSMIL" && e.GetProperty("weight").GetInt32() == 1);

        var m = await JsonOf(await c.GetAsync("/v1/map"));
        Assert.Equal(4, m.GetProperty("countries").GetArrayLength());
        Assert.Equal(4, m.GetProperty("places").GetArrayLength());
        var rabat = Assert.Single(m.GetProperty("places").EnumerateArray(), p => p.GetProperty("country").GetString() == "MAR");
        Assert.Equal(-6.84, rabat.GetProperty("lon").GetDouble(), 3);
        var byActors = await JsonOf(await c.GetAsync("/v1/map?by=actors&type=AGREE"));
        Assert.Equal(["ARE", "IND"], byActors.GetProperty("countries").EnumerateArray().Select(x => x.GetProperty("country").GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        using var c = Client();
        var doc = await JsonOf(await c.GetAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/v1/analyze", "/v1/documents", "/v1/documents/{id}", "/v1/events", "/v1/events/export", "/v1/search", "/v1/actors", "/v1/stats", "/v1/timeline", "/v1/network", "/v1/map", "/health" })
            Assert.True(paths.TryGetProperty(p, out _), $"{p} is not described");
        var eventParams = paths.GetProperty("/v1/events").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToHashSet();
        foreach (var name in new[] { "actor", "source", "target", "country", "type", "modality", "reporter", "from", "to", "limit", "offset" })
            Assert.Contains(name, eventParams);
        Assert.True(paths.GetProperty("/v1/documents").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var c = Client();
        await Problem(await c.GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound, "E404");
        await Problem(await c.DeleteAsync("/v1/documents/1"), HttpStatusCode.MethodNotAllowed, "E404");
    }
}
