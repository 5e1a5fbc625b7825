namespace Hadath.Server.Api;

/// <summary>
/// Bounds the analyses (and ingestions) running at once: a request takes a slot, waits in a bounded queue for at most
/// a set time when all slots are taken, and is turned away (503 with Retry-After, E407) when the queue is full or the
/// wait runs out, so a burst cannot pile up unbounded work on a small machine.
/// </summary>
public sealed class AnalysisGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _queueLimit;
    private readonly TimeSpan _maxWait;
    private int _waiting;

    public AnalysisGate(int slots, int queueLimit, TimeSpan maxWait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _slots = new SemaphoreSlim(slots, slots);
        Slots = slots;
        _queueLimit = queueLimit;
        _maxWait = maxWait;
    }

    /// <summary>Slots in all.</summary>
    public int Slots { get; }

    /// <summary>Slots free now.</summary>
    public int Free => _slots.CurrentCount;

    /// <summary>Requests waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Seconds a turned-away client should wait before retrying.</summary>
    public int RetryAfterSeconds { get; init; } = 2;

    /// <summary>A slot (dispose it to give it back), or null when the server is saturated.</summary>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken ct)
    {
        if (_slots.Wait(0, CancellationToken.None)) return new Slot(_slots);
        if (Interlocked.Increment(ref _waiting) > _queueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }
        try
        {
            return await _slots.WaitAsync(_maxWait, ct).ConfigureAwait(false) ? new Slot(_slots) : null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
