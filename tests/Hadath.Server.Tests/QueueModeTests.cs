using System.Collections.Concurrent;
using System.Net;
using Hadath.Corpus.Ingest;
using Hadath.Server.Tests.Kit;
using static Hadath.Server.Tests.Kit.Http;

namespace Hadath.Server.Tests;

/// <summary><c>hadath serve --nats</c>: POST /v1/documents hands documents to the work queue; /health asks the broker.</summary>
public sealed class QueueModeTests
{
    private const string Text = "استقبل وزير الخارجية المصري في القاهرة نظيره الأردني يوم الأحد.";

    [Fact]
    public async Task Documents_are_queued_for_the_workers_not_stored_here()
    {
        var queued = new ConcurrentQueue<SourcedRecord>();
        using var server = new ServerFactory(o => o with
        {
            Enqueue = (records, _) =>
            {
                foreach (var r in records) queued.Enqueue(r);
                return Task.FromResult((long)records.Count);
            },
            BrokerHealth = _ => Task.FromResult("ok"),
        });
        using var client = server.KeyedClient();
        var answer = await JsonOf(await client.PostAsync("/v1/documents", Json(new { id = "q-1", text = Text, published = "2025-08-03" })), HttpStatusCode.Accepted);
        Assert.Equal(1, answer.GetProperty("queued").GetInt64());
        var record = Assert.Single(queued);
        Assert.Equal("q-1", record.Record.Document?.Id);
        Assert.Equal(Text, record.Record.Document?.Text);
        // nothing was analysed or stored by the server itself
        var stats = await JsonOf(await client.GetAsync("/v1/stats"));
        Assert.Equal(0, stats.GetProperty("documents").GetInt64());
        var health = await JsonOf(await client.GetAsync("/health"));
        Assert.Equal("ok", health.GetProperty("broker").GetString());
    }

    [Fact]
    public async Task A_broker_that_does_not_answer_makes_the_service_degraded()
    {
        using var server = new ServerFactory(o => o with { BrokerHealth = _ => throw new TimeoutException("no answer") });
        using var client = server.CreateClient();
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await JsonOf(health, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.StartsWith("unavailable", body.GetProperty("broker").GetString(), StringComparison.Ordinal);
    }
}
