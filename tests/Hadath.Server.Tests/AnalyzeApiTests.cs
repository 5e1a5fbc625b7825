using System.Net;
using System.Text;
using System.Text.Json;
using Hadath.Server.Api;
using Hadath.Server.Tests.Kit;
using Microsoft.Extensions.DependencyInjection;
using static Hadath.Server.Tests.Kit.Http;

namespace Hadath.Server.Tests;

/// <summary>POST /v1/analyze: one document, JSON Lines, plain text, and every way a request can be refused.</summary>
public sealed class AnalyzeApiTests : IClassFixture<AnalyzeApiTests.Fixture>
{
    private const string Sentence = "قال الرئيس الروسي فلاديمير بوتين يوم الثلاثاء: \"سنرى ما سيحدث\".";

    private readonly Fixture _f;

    public AnalyzeApiTests(Fixture f) => _f = f;

    public sealed class Fixture : IDisposable
    {
        public ServerFactory Server { get; } = new(o => o with { MaxDocumentChars = 5_000, MaxRequestBytes = 64 * 1024 });

        public void Dispose() => Server.Dispose();
    }

    [Fact]
    public async Task One_json_document_gives_the_contract_with_its_id_and_date()
    {
        using var client = _f.Server.CreateClient();
        var r = await client.PostAsync("/v1/analyze", Json(new { id = "d1", text = Sentence, published = "2025-08-06" }));
        var doc = await JsonOf(r);
        Assert.Equal("application/json", TypeOf(r)?.MediaType);
        Assert.Equal("d1", doc.GetProperty("id").GetString());
        Assert.Equal("2025-08-06", doc.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("error").ValueKind);
        Assert.True(doc.GetProperty("sentences").GetArrayLength() >= 1);
        foreach (var layer in new[] { "entities", "events", "quotes", "times", "quantities" })
            Assert.Equal(JsonValueKind.Array, doc.GetProperty(layer).ValueKind);
        var quote = Assert.Single(doc.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("text").GetString() == "سنرى ما سيحدث");
        Assert.Equal("سنرى ما سيحدث", Sentence[quote.GetProperty("start").GetInt32()..quote.GetProperty("end").GetInt32()]);
        Assert.Contains(doc.GetProperty("entities").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("بوتين", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_lines_give_one_line_per_input_line_in_order_with_errors_inline()
    {
        using var client = _f.Server.CreateClient();
        var r = await client.PostAsync("/v1/analyze", Lines(
            JsonSerializer.Serialize(new { id = "a", text = Sentence }),
            "{\"id\": \"b\", \"text\": \"غير مغلق",
            JsonSerializer.Serialize(new { id = "c", title = "no text" }),
            JsonSerializer.Serialize(new { id = "d", text = "انتهى الاجتماع.", published = "2025-08-06" })));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/x-ndjson", TypeOf(r)?.MediaType);
        var lines = (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("a", docs[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, docs[0].GetProperty("error").ValueKind);
        Assert.Equal("E002", docs[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("c", docs[2].GetProperty("id").GetString());
        Assert.Equal("E003", docs[2].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("d", docs[3].GetProperty("id").GetString());
        Assert.Equal("2025-08-06", docs[3].GetProperty("published").GetString());
    }

    [Fact]
    public async Task Plain_text_takes_its_date_and_id_from_the_query()
    {
        using var client = _f.Server.CreateClient();
        var r = await client.PostAsync("/v1/analyze?published=2025-08-06&id=t1", new StringContent(Sentence, Encoding.UTF8, "text/plain"));
        var doc = await JsonOf(r);
        Assert.Equal("t1", doc.GetProperty("id").GetString());
        Assert.Equal("2025-08-06", doc.GetProperty("published").GetString());
    }

    [Theory]
    [InlineData("{\"id\": \"x\"}", HttpStatusCode.BadRequest, "E003")]
    [InlineData("{\"text\": \"   \"}", HttpStatusCode.BadRequest, "E004")]
    [InlineData("{\"text\": \"خبر\", \"published\": \"yesterday\"}", HttpStatusCode.BadRequest, "E006")]
    [InlineData("[1, 2, 3]", HttpStatusCode.BadRequest, "E002")]
    [InlineData("{\"text\": ", HttpStatusCode.BadRequest, "E002")]
    public async Task A_bad_document_is_a_problem_with_the_engine_code(string body, HttpStatusCode status, string code)
    {
        using var client = _f.Server.CreateClient();
        await Problem(await client.PostAsync("/v1/analyze", Json(body)), status, code);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_read_as_json()
    {
        using var client = _f.Server.CreateClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "bare", text = Sentence })));
        Assert.Null(content.Headers.ContentType);
        Assert.Equal("bare", (await JsonOf(await client.PostAsync("/v1/analyze", content))).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_is_E001()
    {
        using var client = _f.Server.CreateClient();
        var content = new ByteArrayContent([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]);
        content.Headers.ContentType = new("application/json");
        await Problem(await client.PostAsync("/v1/analyze", content), HttpStatusCode.BadRequest, "E001");
    }

    [Fact]
    public async Task A_document_over_the_character_limit_is_413_E005()
    {
        using var client = _f.Server.CreateClient();
        var text = string.Concat(Enumerable.Repeat("انتهى الاجتماع. ", 400));
        Assert.True(text.Length > 5_000);
        await Problem(await client.PostAsync("/v1/analyze", Json(new { text })), HttpStatusCode.RequestEntityTooLarge, "E005");
    }

    [Fact]
    public async Task A_body_over_the_byte_limit_is_413_E403_whether_its_length_is_declared_or_not()
    {
        using var client = _f.Server.CreateClient();
        var big = new string('ب', 40_000); // 80,000 UTF-8 bytes
        await Problem(await client.PostAsync("/v1/analyze", Json(new { text = big })), HttpStatusCode.RequestEntityTooLarge, "E403");
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = big }))));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/analyze") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await Problem(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "E403");
    }

    [Fact]
    public async Task An_unknown_content_type_is_415_E406()
    {
        using var client = _f.Server.CreateClient();
        await Problem(await client.PostAsync("/v1/analyze", new StringContent("<doc/>", Encoding.UTF8, "application/xml")), HttpStatusCode.UnsupportedMediaType, "E406");
    }

    [Fact]
    public async Task When_every_slot_is_taken_and_the_queue_is_full_the_answer_is_503_with_Retry_After()
    {
        using var server = new ServerFactory(o => o with { MaxConcurrentAnalyses = 1, AnalysisQueueLimit = 0 });
        using var client = server.CreateClient();
        await JsonOf(await client.GetAsync("/health"));
        var gate = server.Services.GetRequiredService<AnalysisGate>();
        using (var held = await gate.TryEnterAsync(CancellationToken.None))
        {
            Assert.NotNull(held);
            var r = await client.PostAsync("/v1/analyze", Json(new { text = Sentence }));
            await Problem(r, HttpStatusCode.ServiceUnavailable, "E407");
            Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        await JsonOf(await client.PostAsync("/v1/analyze", Json(new { text = Sentence })));
    }

    [Fact]
    public async Task A_request_waits_in_the_queue_for_a_slot_instead_of_failing()
    {
        using var server = new ServerFactory(o => o with { MaxConcurrentAnalyses = 1, AnalysisQueueLimit = 4 });
        using var client = server.CreateClient();
        var gate = server.Services.GetRequiredService<AnalysisGate>();
        var held = await gate.TryEnterAsync(CancellationToken.None);
        var pending = client.PostAsync("/v1/analyze", Json(new { text = Sentence }));
        for (var i = 0; i < 100 && gate.Waiting == 0; i++) await Task.Delay(50);
        Assert.Equal(1, gate.Waiting);
        Assert.False(pending.IsCompleted);
        held!.Dispose();
        await JsonOf(await pending);
    }
}
