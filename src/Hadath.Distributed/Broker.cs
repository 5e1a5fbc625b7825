using Hadath.Core.Diagnostics;
using Hadath.Corpus.Postgres;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Hadath.Distributed;

/// <summary>Connects to NATS and declares the work-queue and dead-letter streams and the shared durable consumer (idempotently).</summary>
public static class Broker
{
    /// <summary>An open connection to <paramref name="url"/> (nats://host:port), or E503.</summary>
    public static async Task<NatsConnection> ConnectAsync(string url, string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!url.StartsWith("nats://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("tls://", StringComparison.OrdinalIgnoreCase))
            throw new HadathException(ScaleErrors.BadAddress, $"{ScaleErrors.BadAddress}: broker address \"{url}\" is not nats://host:port");
        var nats = new NatsConnection(new NatsOpts { Url = url, Name = name, ConnectTimeout = TimeSpan.FromSeconds(10) });
        try
        {
            await nats.ConnectAsync().ConfigureAwait(false);
        }
        catch (NatsException e)
        {
            await nats.DisposeAsync().ConfigureAwait(false);
            throw new HadathException(ScaleErrors.BrokerUnavailable, $"{ScaleErrors.BrokerUnavailable}: cannot connect to {url}: {e.Message}", e);
        }
        return nats;
    }

    /// <summary>Creates (or updates) the streams of <paramref name="q"/>.</summary>
    public static async Task DeclareStreamsAsync(NatsJSContext js, QueueOptions q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(q);
        await js.CreateOrUpdateStreamAsync(new StreamConfig(q.Stream, [q.Subject])
        {
            Retention = StreamConfigRetention.Workqueue,
            Storage = StreamConfigStorage.File,
            DuplicateWindow = TimeSpan.FromMinutes(10),
        }, ct).ConfigureAwait(false);
        await js.CreateOrUpdateStreamAsync(new StreamConfig(q.DeadStream, [q.DeadSubject])
        {
            Retention = StreamConfigRetention.Limits,
            Storage = StreamConfigStorage.File,
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The durable pull consumer every worker shares (explicit acks, bounded deliveries).</summary>
    public static async Task<INatsJSConsumer> ConsumerAsync(NatsJSContext js, QueueOptions q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(q);
        return await js.CreateOrUpdateConsumerAsync(q.Stream, new ConsumerConfig(q.Consumer)
        {
            DurableName = q.Consumer,
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = q.AckWait,
            // One more than the attempts: the worker itself dead-letters on the last attempt, the server never drops silently.
            MaxDeliver = q.MaxAttempts + 1,
            MaxAckPending = 10_000,
        }, ct).ConfigureAwait(false);
    }
}
