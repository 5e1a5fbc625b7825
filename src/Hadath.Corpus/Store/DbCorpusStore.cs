using System.Data.Common;
using System.Globalization;
using Hadath.Core.Model;

namespace Hadath.Corpus.Store;

/// <summary>
/// What the corpus stores (<see cref="SqliteCorpusStore"/>, and the PostgreSQL store of Hadath.Corpus.Postgres) share,
/// over ADO.NET's System.Data.Common: the transaction and command plumbing, and the actor rows. A concrete store opens
/// the connection and supplies its dialect. Not thread-safe: one instance per thread.
/// </summary>
public abstract partial class DbCorpusStore : IDisposable
{
    private readonly Dictionary<string, DbCommand>? _commands;
    private readonly Dictionary<string, long> _actorIds = new(StringComparer.Ordinal);
    private DbTransaction? _transaction;

    /// <param name="connection">The open connection; the store owns it.</param>
    /// <param name="reuseCommands">Keep one command per SQL text and rebind its parameters (SQLite, where preparing a
    /// statement costs more than running it); otherwise a command is made and disposed for every call.</param>
    protected DbCorpusStore(DbConnection connection, bool reuseCommands)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        if (reuseCommands) _commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
    }

    /// <summary>The open connection.</summary>
    protected DbConnection Connection { get; }

    /// <summary>What the provider puts before a parameter name ("@" for Microsoft.Data.Sqlite, "" for Npgsql); the SQL
    /// always writes parameters as @name and callers pass bare names.</summary>
    protected virtual string ParameterPrefix => "";

    // ---------------------------------------------------------------- actors

    /// <summary>The actors table's key of an actor, or null when nothing identifies it.</summary>
    protected static string? ActorKey(string? kbId, string? name, string? code, string? country, string? sector)
    {
        code = Upper(code);
        country = Upper(country);
        sector = Upper(sector);
        if (!string.IsNullOrEmpty(kbId)) return "id:" + kbId;
        if (code is null && country is null && sector is null && string.IsNullOrEmpty(name)) return null;
        return string.Join('|', code ?? "", country ?? "", sector ?? "", name ?? "");
    }

    protected long? ActorId(ActorOut? a) => a is null ? null : ActorId(a.Id, a.Name, a.Code, a.Country, a.Sector);

    /// <summary>The id of an actor row (created when new), or null when nothing identifies the actor.</summary>
    protected long? ActorId(string? kbId, string? name, string? code, string? country, string? sector)
    {
        var key = ActorKey(kbId, name, code, country, sector);
        if (key is null) return null;
        if (_actorIds.TryGetValue(key, out var cached)) return cached;
        // Another writer (or an earlier batch) may have created the row: then nothing is returned and it is read.
        var id = Scalar("INSERT INTO actors (actor_key, kb_id, name, code, country, sector) VALUES (@k, @i, @n, @c, @co, @s) ON CONFLICT (actor_key) DO NOTHING RETURNING id",
                     ("k", key), ("i", kbId), ("n", name), ("c", Upper(code)), ("co", Upper(country)), ("s", Upper(sector)))
                 ?? Scalar("SELECT id FROM actors WHERE actor_key = @k", ("k", key));
        var v = Convert.ToInt64(id, CultureInfo.InvariantCulture);
        _actorIds[key] = v;
        return v;
    }

    // ---------------------------------------------------------------- plumbing

    /// <summary>Runs <paramref name="work"/> in a transaction (or in the one already open), committing when it returns.</summary>
    protected void InTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_transaction is not null) { work(); return; }
        using var tx = Connection.BeginTransaction();
        _transaction = tx;
        try
        {
            work();
            tx.Commit();
        }
        catch
        {
            _actorIds.Clear(); // rows created in the rolled-back transaction are gone
            throw;
        }
        finally
        {
            _transaction = null;
        }
    }

    protected int Exec(string sql, params (string Name, object? Value)[] parameters) => Run(sql, parameters, c => c.ExecuteNonQuery());

    protected object? Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        Run(sql, parameters, c => c.ExecuteScalar() is var v && v is not DBNull ? v : null);

    /// <summary>Runs a query and maps every row (the reader is closed before this returns, so queries can follow each other freely).</summary>
    protected List<T> Rows<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Run(sql, parameters, c =>
        {
            var list = new List<T>();
            using var reader = c.ExecuteReader();
            while (reader.Read()) list.Add(map(reader));
            return list;
        });
    }

    private T Run<T>(string sql, (string Name, object? Value)[] parameters, Func<DbCommand, T> use)
    {
        var cmd = Command(sql, parameters);
        try
        {
            return use(cmd);
        }
        finally
        {
            if (_commands is null) cmd.Dispose();
        }
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        if (_commands is not null && _commands.TryGetValue(sql, out var cached))
        {
            cached.Transaction = _transaction;
            foreach (var (name, value) in parameters) cached.Parameters[ParameterPrefix + name].Value = value ?? DBNull.Value;
            return cached;
        }
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _transaction;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = ParameterPrefix + name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        if (_commands is not null) _commands[sql] = cmd;
        return cmd;
    }

    protected static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    protected static string? Upper(string? s) => string.IsNullOrEmpty(s) ? null : s.ToUpperInvariant();

    protected static string? Str(DbDataReader r, int i) => StoreRows.Str(r, i);

    /// <summary>Disposes the kept commands (a store that reuses commands does so before its last statements on close).</summary>
    protected void DisposeCommands()
    {
        if (_commands is null) return;
        foreach (var c in _commands.Values) c.Dispose();
        _commands.Clear();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        DisposeCommands();
        Connection.Dispose();
    }
}
