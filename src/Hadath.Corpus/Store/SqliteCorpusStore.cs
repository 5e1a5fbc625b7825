using System.Globalization;
using Hadath.Core.Diagnostics;
using Hadath.Corpus.Search;
using Microsoft.Data.Sqlite;

namespace Hadath.Corpus.Store;

/// <summary>
/// <see cref="ICorpusStore"/> on one SQLite file (<c>corpus.db</c> in the corpus folder), in WAL mode: every batch is
/// one transaction, so a killed process leaves every committed document whole and no half-written one, and the next
/// run goes on from there. Readers (search, queries) can run while one process writes. Not thread-safe: use one
/// instance per thread. The schema, writes and queries are <see cref="DbCorpusStore"/>'s; this class holds SQLite's
/// dialect (FTS5, pragmas, <c>IS</c> for null-safe equality, a temporary table for statistics, streamed exports).
/// </summary>
public sealed partial class SqliteCorpusStore : DbCorpusStore
{
    /// <summary>The database file name inside a corpus folder.</summary>
    public const string FileName = "corpus.db";

    private readonly SqliteConnection _connection;
    private readonly bool _readOnly;

    private SqliteCorpusStore(SqliteConnection connection, string path, bool readOnly)
        : base(connection, reuseCommands: true)
    {
        _connection = connection;
        Path = path;
        _readOnly = readOnly;
    }

    /// <inheritdoc />
    protected override string ParameterPrefix => "@";

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (creating if needed) the corpus in folder <paramref name="directory"/>, or in the file itself when
    /// <paramref name="directory"/> ends in ".db", and brings its schema up to date. With <paramref name="readOnly"/>
    /// the corpus must already exist (E007 otherwise) and closing never waits to checkpoint the WAL.
    /// </summary>
    public static SqliteCorpusStore Open(string directory, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = directory.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ? directory : System.IO.Path.Combine(directory, FileName);
        if (readOnly && !File.Exists(path))
            throw new HadathException(ErrorCode.UnreadableFile, $"{ErrorCode.UnreadableFile}: no corpus at {path} (create one with `hadath ingest --db {directory} …`)");
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        var connection = new SqliteConnection(cs);
        connection.Open();
        var store = new SqliteCorpusStore(connection, path, readOnly);
        try
        {
            // SQLite: WAL lets readers work while a writer commits; NORMAL sync is durable against a killed process.
            store.Exec("PRAGMA journal_mode=WAL");
            store.Exec("PRAGMA synchronous=NORMAL");
            store.Exec("PRAGMA foreign_keys=ON");
            store.Exec("PRAGMA busy_timeout=60000");
            store.Exec("PRAGMA temp_store=MEMORY");
            store.Exec("PRAGMA cache_size=-262144");
            store.Exec("PRAGMA mmap_size=268435456");
            store.Exec("PRAGMA wal_autocheckpoint=4000");
            store.MigrateSchema();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>The schema version of the open database.</summary>
    public override int SchemaVersion => Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- dialect

    /// <inheritdoc />
    protected override IReadOnlyDictionary<int, string[]> EngineStatements => SqliteFullText.Statements;

    /// <inheritdoc />
    protected override Exception NewerSchema(int version) =>
        new HadathException(ErrorCode.UnreadableFile, $"{ErrorCode.UnreadableFile}: {Path} has schema version {version}, newer than this hadath ({CorpusSchema.CurrentVersion}); upgrade hadath");

    /// <summary>One writer at a time: the keys already stored are skipped up front, and a document INSERT never conflicts.</summary>
    protected override IEnumerable<string> StoredBefore(IReadOnlyList<DocumentToStore> batch) => ExistingKeys([.. batch.Select(d => d.Key)]);

    /// <summary>SQLite: "IS" compares NULLs as equal.</summary>
    protected override string SameInteger(string column, string parameter) => $"{column} IS {parameter}";

    /// <summary>The FTS5 tables documents_fts and quotes_fts hold the term lists by the row's id.</summary>
    protected override void IndexTerms(string table, long id, IndexedText terms) =>
        Exec($"INSERT INTO {table}_fts (rowid, surface, stems) VALUES (@id, @s, @t)", ("id", id), ("s", terms.Surface), ("t", terms.Stems));

    /// <inheritdoc />
    protected override void UnindexQuotes(long documentId) =>
        Exec("DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE document_id = @id)", ("id", documentId));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        DisposeCommands();
        try
        {
            // A writer folds the WAL back into the database file so a finished corpus is one file; it waits at most a
            // second for readers (a reader never checkpoints, so a search never waits for an ingest).
            if (!_readOnly)
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = "PRAGMA busy_timeout=1000; PRAGMA wal_checkpoint(TRUNCATE)";
                cmd.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // Another process is reading or writing: the checkpoint happens later.
        }
        base.Dispose(disposing);
    }
}
