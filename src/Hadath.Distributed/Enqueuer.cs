using Hadath.Core.Diagnostics;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Store;
using NATS.Client.JetStream;

namespace Hadath.Distributed;

/// <summary>What an enqueue run did.</summary>
public sealed record EnqueueReport(long Published, long Duplicates, long Unreadable);

/// <summary>
/// Publishes documents to the work-queue stream. Each message carries its document key (text hash and URL,
/// <see cref="DocumentKey"/>) as its JetStream message id, so a document published twice within the stream's duplicate
/// window is stored once by the broker, and in any case once by the store.
/// </summary>
public sealed class Enqueuer(NatsJSContext js, QueueOptions queue)
{
    /// <summary>Publishes every readable record; records that cannot be read are counted (their errors go to <paramref name="onError"/>).</summary>
    public async Task<EnqueueReport> PublishAsync(IEnumerable<SourcedRecord> records, Action<string>? onError = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        long published = 0, duplicates = 0, unreadable = 0;
        var pending = new List<Task<bool>>(256);
        foreach (var r in records)
        {
            ct.ThrowIfCancellationRequested();
            if (r.Record.Document is not { } doc)
            {
                unreadable++;
                onError?.Invoke($"{r.Origin}: {r.Record.Error?.Code}: {r.Record.Error?.Message}");
                continue;
            }
            var key = DocumentKey.Of(doc.Text, doc.Url);
            pending.Add(PublishOneAsync(QueuedDocument.From(doc, r.Origin).ToBytes(), key, ct));
            if (pending.Count >= 256)
            {
                foreach (var dup in await Task.WhenAll(pending).ConfigureAwait(false)) { published++; if (dup) duplicates++; }
                pending.Clear();
            }
        }
        foreach (var dup in await Task.WhenAll(pending).ConfigureAwait(false)) { published++; if (dup) duplicates++; }
        return new EnqueueReport(published - duplicates, duplicates, unreadable);
    }

    /// <summary>Publishes one message; true when the broker had it already (a duplicate message id).</summary>
    private async Task<bool> PublishOneAsync(byte[] body, string key, CancellationToken ct)
    {
        var ack = await js.PublishAsync(queue.Subject, body, opts: new NatsJSPubOpts { MsgId = key }, cancellationToken: ct).ConfigureAwait(false);
        if (ack.Error is { } e) throw new HadathException(Corpus.Postgres.ScaleErrors.BrokerUnavailable, $"{Corpus.Postgres.ScaleErrors.BrokerUnavailable}: publish refused: {e.Description}");
        return ack.Duplicate;
    }
}
