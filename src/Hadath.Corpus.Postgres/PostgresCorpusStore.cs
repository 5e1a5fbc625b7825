using System.Globalization;
using Hadath.Core.Diagnostics;
using Hadath.Core.Model;
using Hadath.Corpus.Clustering;
using Hadath.Corpus.Search;
using Hadath.Corpus.Store;
using Npgsql;

namespace Hadath.Corpus.Postgres;

/// <summary>
/// <see cref="ICorpusStore"/> on PostgreSQL: the schema, writes and queries of <see cref="DbCorpusStore"/> (shared with
/// <see cref="SqliteCorpusStore"/>) in PostgreSQL's dialect, for several writers at once (workers on several machines). A batch is one transaction. Documents are inserted with
/// <c>ON CONFLICT (doc_key) DO NOTHING</c>, so a document delivered twice is stored once; actors and events are upserts;
/// a group's clusters are recomputed under a transaction-scoped advisory lock on the group, taken in key order, so two
/// writers never recompute the same group from different snapshots, and cluster keys stay a pure function of the
/// group's mentions (<see cref="EventClustering"/>). Not thread-safe: one instance per thread.
/// </summary>
public sealed partial class PostgresCorpusStore : DbCorpusStore
{
    private PostgresCorpusStore(NpgsqlConnection connection, string address)
        : base(connection, reuseCommands: false)
    {
        Address = address;
    }

    /// <summary>The store address with its password hidden.</summary>
    public string Address { get; }

    /// <summary>The migration versions applied when this store was opened (empty when the schema was up to date).</summary>
    public IReadOnlyList<int> Applied { get; private set; } = [];

    /// <summary>Connects to <paramref name="url"/> (postgres://…) and, unless <paramref name="migrate"/> is false, brings its schema up to date.</summary>
    public static PostgresCorpusStore Open(string url, bool migrate = true)
    {
        var cs = PostgresUrl.ToConnectionString(url);
        var connection = new NpgsqlConnection(cs);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            connection.Dispose();
            throw new HadathException(ScaleErrors.StoreUnavailable, $"{ScaleErrors.StoreUnavailable}: cannot connect to {PostgresUrl.Redact(url)}: {e.Message}", e);
        }
        var store = new PostgresCorpusStore(connection, PostgresUrl.Redact(url));
        try
        {
            if (migrate) store.Applied = store.Migrate();
            else store.CheckVersion();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>The schema version of the database (0 when it has none yet).</summary>
    public override int SchemaVersion =>
        Scalar("SELECT to_regclass('schema_version') IS NOT NULL") is true
            ? Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture)
            : 0;

    private void CheckVersion()
    {
        var v = SchemaVersion;
        if (v > CorpusSchema.CurrentVersion) throw NewerSchema(v);
        if (v < CorpusSchema.CurrentVersion)
            throw new HadathException(ScaleErrors.StoreUnavailable, $"{ScaleErrors.StoreUnavailable}: {Address} has schema version {v}; run `hadath migrate --store …`");
    }

    /// <summary>
    /// Applies the migrations newer than the database's version, each in its own transaction, under a session advisory
    /// lock so that several processes starting together migrate once. Returns the versions applied.
    /// </summary>
    public IReadOnlyList<int> Migrate()
    {
        Exec("SELECT pg_advisory_lock(@k)", ("k", PostgresSchema.MigrationLockKey));
        try
        {
            return MigrateSchema();
        }
        finally
        {
            Exec("SELECT pg_advisory_unlock(@k)", ("k", PostgresSchema.MigrationLockKey));
        }
    }

    // ---------------------------------------------------------------- dialect

    /// <inheritdoc />
    protected override string Translate(string portable) => PostgresSchema.Translate(portable);

    /// <inheritdoc />
    protected override IReadOnlyDictionary<int, string[]> EngineStatements => PostgresSchema.Statements;

    /// <inheritdoc />
    protected override Exception NewerSchema(int version) =>
        new HadathException(ScaleErrors.StoreUnavailable, $"{ScaleErrors.StoreUnavailable}: {Address} has schema version {version}, newer than this hadath ({CorpusSchema.CurrentVersion}); upgrade hadath");

    /// <summary>Runs a write, again when PostgreSQL aborted it for a deadlock or a serialisation failure (at most 5 times).</summary>
    protected override T Retrying<T>(Func<T> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return work();
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 5)
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    /// <summary>Actors first, in key order: two writers never wait on each other's new actor rows in opposite orders.</summary>
    protected override void BeforeAdd(IReadOnlyList<DocumentToStore> batch)
    {
        foreach (var a in batch.SelectMany(ActorsOf).DistinctBy(a => a.Key).OrderBy(a => a.Key, StringComparer.Ordinal))
            ActorId(a.Actor.Id, a.Actor.Name, a.Actor.Code, a.Actor.Country, a.Actor.Sector);
    }

    /// <summary>A document delivered twice, or stored by another writer meanwhile, is skipped by the INSERT.</summary>
    protected override string OnDocumentConflict => "ON CONFLICT (doc_key) DO NOTHING";

    /// <inheritdoc />
    protected override string ForUpdate => " FOR UPDATE";

    /// <summary>Takes the transaction's advisory locks on the groups it recomputes, in key order (no deadlock between
    /// writers), so that every mention committed by other writers is seen and no two writers recompute a group at once.</summary>
    protected override void LockGroups(SortedSet<string> groups)
    {
        foreach (var g in groups) Exec("SELECT pg_advisory_xact_lock(hashtextextended(@g, 0))", ("g", g));
    }

    /// <summary>Failures in key order, so that two writers take their row locks in the same order.</summary>
    protected override IEnumerable<FailureRecord> WriteOrder(IReadOnlyList<FailureRecord> failures) =>
        failures.OrderBy(f => (f.Origin, f.ExternalId ?? "", f.Code));

    /// <summary>Upserted: another writer may have written the same event row meanwhile.</summary>
    protected override bool UpsertsEvents => true;

    /// <inheritdoc />
    protected override string SameInteger(string column, string parameter) => $"{column} IS NOT DISTINCT FROM {parameter}::bigint";

    /// <summary>PostgreSQL compares text by the database's collation; "C" orders it by byte, as SQLite does.</summary>
    protected override string Bytewise(string expression) => expression + " COLLATE \"C\"";

    /// <summary>The term lists as a tsvector column: surface forms weighted A, stems B.</summary>
    protected override TermsColumn? TermsValue(IndexedText terms) => new(
        "setweight(array_to_tsvector(@ts), 'A') || setweight(array_to_tsvector(@tt), 'B')",
        [("ts", TermArray(terms.Surface)), ("tt", TermArray(terms.Stems))]);

    private static string[] TermArray(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<(string Key, ActorOut Actor)> ActorsOf(DocumentToStore d)
    {
        var a = d.Analysis;
        var all = a.Entities.Select(e => e.Actor is { } x ? new ActorOut { Id = x.Id, Name = x.Name, Code = x.Code, Country = x.Country, Sector = x.Sector } : null)
            .Concat(a.Events.SelectMany(e => (ActorOut?[])[e.Source, e.Target, e.Reporter]))
            .Concat(a.Quotes.Select(q => q.Speaker));
        foreach (var x in all)
            if (x is not null && ActorKey(x.Id, x.Name, x.Code, x.Country, x.Sector) is { } k) yield return (k, x);
    }
}
