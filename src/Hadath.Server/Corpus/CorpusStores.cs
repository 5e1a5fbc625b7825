using System.Collections.Concurrent;
using Hadath.Corpus.Store;

namespace Hadath.Server.Corpus;

/// <summary>
/// The corpus stores the server works with. A store is not thread-safe, so each request leases one from a small pool
/// (opening another when all are busy) and gives it back; writes additionally take the single writer slot, since the
/// corpus has one writer at a time (readers go on meanwhile: the SQLite store runs in WAL mode).
/// </summary>
public sealed class CorpusStores : IDisposable
{
    private readonly Func<ICorpusStore> _open;
    private readonly ConcurrentBag<ICorpusStore> _idle = [];
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly int _maxIdle;
    private volatile bool _disposed;

    /// <param name="open">Opens one more store on the corpus.</param>
    /// <param name="databasePath">The SQLite file, when the store is SQLite (for <see cref="CorpusLookup"/>); else null.</param>
    /// <param name="maxIdle">Stores kept open between requests.</param>
    public CorpusStores(Func<ICorpusStore> open, string? databasePath, int maxIdle = 8)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
        DatabasePath = databasePath;
        _maxIdle = Math.Max(1, maxIdle);
    }

    /// <summary>Stores on the SQLite corpus in <paramref name="corpusPath"/> (a folder, or a .db file), created if missing.</summary>
    public static CorpusStores OpenSqlite(string corpusPath, int maxIdle = 8)
    {
        // Open one store now: it creates the corpus and brings its schema up to date before the first request.
        var first = SqliteCorpusStore.Open(corpusPath);
        var stores = new CorpusStores(() => SqliteCorpusStore.Open(corpusPath), first.Path, maxIdle);
        stores._idle.Add(first);
        return stores;
    }

    /// <summary>The SQLite database file, or null for another kind of store.</summary>
    public string? DatabasePath { get; }

    /// <summary>Leases a store for reading; dispose the lease to give it back.</summary>
    public Lease Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Lease(this, _idle.TryTake(out var store) ? store : _open());
    }

    /// <summary>Runs <paramref name="work"/> with the writer slot and a leased store.</summary>
    public async Task<T> WriteAsync<T>(Func<ICorpusStore, T> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _writer.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var lease = Read();
            return work(lease.Store);
        }
        finally
        {
            _writer.Release();
        }
    }

    private void Return(ICorpusStore store)
    {
        if (_disposed || _idle.Count >= _maxIdle) store.Dispose();
        else _idle.Add(store);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var s)) s.Dispose();
        _writer.Dispose();
    }

    /// <summary>A store lent to one request.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly CorpusStores _owner;
        private ICorpusStore? _store;

        internal Lease(CorpusStores owner, ICorpusStore store)
        {
            _owner = owner;
            _store = store;
        }

        /// <summary>The leased store.</summary>
        public ICorpusStore Store => _store ?? throw new ObjectDisposedException(nameof(Lease));

        public void Dispose()
        {
            var s = Interlocked.Exchange(ref _store, null);
            if (s is not null) _owner.Return(s);
        }
    }
}
