using System.Net;
using System.Text;
using System.Text.Json;
using Hadath.Server.Tests.Kit;
using static Hadath.Server.Tests.Kit.Http;

namespace Hadath.Server.Tests;

/// <summary>POST /v1/documents (key, text, URL guard), GET /v1/documents/{id} and the listing.</summary>
public sealed class DocumentApiTests
{
    private const string Text = "استقبل رئيس الوزراء العراقي في بغداد يوم الأحد وفدًا من البنك الدولي، وقال بيان حكومي إن \"المحادثات كانت مثمرة\".";

    [Fact]
    public async Task Storing_needs_the_key_and_answers_201_with_the_new_document()
    {
        using var server = new ServerFactory();
        using var anonymous = server.CreateClient();
        var refused = await anonymous.PostAsync("/v1/documents", Json(new { text = Text, published = "2025-08-03" }));
        await Problem(refused, HttpStatusCode.Unauthorized, "E401");
        Assert.Contains("X-Api-Key", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var wrong = server.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.Key + "x");
        await Problem(await wrong.PostAsync("/v1/documents", Json(new { text = Text })), HttpStatusCode.Unauthorized, "E401");

        using var client = server.KeyedClient();
        var created = await client.PostAsync("/v1/documents", Json(new { id = "baghdad-1", text = Text, published = "2025-08-03", title = "وفد البنك الدولي" }));
        var report = await JsonOf(created, HttpStatusCode.Created);
        Assert.Equal(1, report.GetProperty("added").GetInt32());
        var doc = Assert.Single(report.GetProperty("documents").EnumerateArray());
        Assert.True(doc.GetProperty("added").GetBoolean());
        var id = doc.GetProperty("id").GetInt64();
        Assert.Equal($"/v1/documents/{id}", created.Headers.Location?.OriginalString);

        var stored = await JsonOf(await client.GetAsync($"/v1/documents/{id}"));
        Assert.Equal(Text, stored.GetProperty("text").GetString());
        Assert.Equal("baghdad-1", stored.GetProperty("external_id").GetString());
        Assert.Equal("2025-08-03", stored.GetProperty("published").GetString());
        Assert.Equal("وفد البنك الدولي", stored.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, stored.GetProperty("analysis").GetProperty("entities").ValueKind);
        Assert.Contains(stored.GetProperty("analysis").GetProperty("quotes").EnumerateArray(), q => q.GetProperty("text").GetString() == "المحادثات كانت مثمرة");

        // The same text again is found, not added.
        var again = await JsonOf(await client.PostAsync("/v1/documents", Json(new { id = "baghdad-1", text = Text, published = "2025-08-03" })));
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(1, again.GetProperty("skipped").GetInt32());
        var same = Assert.Single(again.GetProperty("documents").EnumerateArray());
        Assert.Equal(id, same.GetProperty("id").GetInt64());
        Assert.False(same.GetProperty("added").GetBoolean());

        var list = await JsonOf(await client.GetAsync("/v1/documents?limit=10"));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("next_after").ValueKind);
    }

    [Fact]
    public async Task Without_a_configured_key_writing_is_disabled_with_403_E402()
    {
        using var server = new ServerFactory(o => o with { ApiKey = null });
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "anything-at-all-long-enough");
        await Problem(await client.PostAsync("/v1/documents", Json(new { text = Text })), HttpStatusCode.Forbidden, "E402");
        // Reading stays open.
        await JsonOf(await client.GetAsync("/v1/events"));
    }

    [Theory]
    [InlineData("http://127.0.0.1/admin")]
    [InlineData("http://127.0.0.1:5080/v1/documents")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://10.0.0.8/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://user:pass@example.com/")]
    [InlineData("ftp://example.com/news.txt")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("-")]
    public async Task A_url_to_a_private_loopback_or_link_local_address_or_not_http_is_refused_with_E301(string url)
    {
        using var server = new ServerFactory();
        using var client = server.KeyedClient();
        await Problem(await client.PostAsync("/v1/documents", Json(new { url })), HttpStatusCode.BadRequest, "E301");
        await Problem(await client.PostAsync("/v1/documents", Json(new { feed = url })), HttpStatusCode.BadRequest, "E301");
        var list = await JsonOf(await client.GetAsync("/v1/documents"));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("{}", "E003")]
    [InlineData("{\"text\": 5}", "E003")]
    [InlineData("{\"text\": \"خبر\", \"published\": \"2025-13-45\"}", "E006")]
    [InlineData("{\"url\": \"https://example.com/a\", \"published\": \"tomorrow\"}", "E006")]
    [InlineData("{\"text\": \"خبر\", \"url\": \"javascript:alert(1)\"}", "E405")]
    [InlineData("not json", "E002")]
    [InlineData("\"just a string\"", "E002")]
    public async Task A_bad_store_request_is_400_with_its_code(string body, string code)
    {
        using var server = new ServerFactory();
        using var client = server.KeyedClient();
        await Problem(await client.PostAsync("/v1/documents", Json(body)), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Storing_reads_json_only()
    {
        using var server = new ServerFactory();
        using var client = server.KeyedClient();
        await Problem(await client.PostAsync("/v1/documents", new StringContent(Text, Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "E406");
    }

    [Fact]
    public async Task A_text_over_the_character_limit_is_413_E005_and_nothing_is_stored()
    {
        using var server = new ServerFactory(o => o with { MaxDocumentChars = 100 });
        using var client = server.KeyedClient();
        await Problem(await client.PostAsync("/v1/documents", Json(new { text = Text + Text })), HttpStatusCode.RequestEntityTooLarge, "E005");
        Assert.Equal(0, (await JsonOf(await client.GetAsync("/v1/documents"))).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("999", HttpStatusCode.NotFound, "E404")]
    [InlineData("abc", HttpStatusCode.BadRequest, "E405")]
    [InlineData("0", HttpStatusCode.BadRequest, "E405")]
    public async Task An_unknown_or_malformed_document_id_is_a_problem(string id, HttpStatusCode status, string code)
    {
        using var server = new ServerFactory();
        using var client = server.CreateClient();
        await Problem(await client.GetAsync($"/v1/documents/{id}"), status, code);
    }

    [Fact]
    public async Task An_article_with_script_and_img_onerror_is_stored_as_is_and_returned_as_escaped_json_text()
    {
        using var server = new ServerFactory();
        using var client = server.KeyedClient();
        var report = await JsonOf(await client.PostAsync("/v1/documents", Json(new { text = HandBuilt.HostileText, title = "<b onmouseover=alert(1)>عنوان</b>" })), HttpStatusCode.Created);
        var id = report.GetProperty("documents")[0].GetProperty("id").GetInt64();
        var r = await client.GetAsync($"/v1/documents/{id}");
        Assert.Equal("application/json", TypeOf(r)?.MediaType);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        var raw = await r.Content.ReadAsStringAsync();
        // No markup character reaches the wire unescaped: the text cannot be taken for HTML even by a careless client.
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
        var doc = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(HandBuilt.HostileText, doc.GetProperty("text").GetString());
        Assert.Equal("<b onmouseover=alert(1)>عنوان</b>", doc.GetProperty("title").GetString());
        // The analysis of the same text comes back the same way.
        var analysed = await client.PostAsync("/v1/analyze", Json(new { text = HandBuilt.HostileText }));
        var analysedRaw = await analysed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, analysed.StatusCode);
        Assert.DoesNotContain("<img", analysedRaw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", analysedRaw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(analysedRaw).RootElement.GetProperty("error").ValueKind);
    }
}
