using System.Globalization;
using Hadath.Core.Diagnostics;
using Hadath.Core.Model;
using Hadath.Corpus.Clustering;
using Hadath.Corpus.Search;
using Microsoft.Data.Sqlite;

namespace Hadath.Corpus.Store;

/// <summary>
/// <see cref="ICorpusStore"/> on one SQLite file (<c>corpus.db</c> in the corpus folder), in WAL mode: every batch is
/// one transaction, so a killed process leaves every committed document whole and no half-written one, and the next
/// run goes on from there. Readers (search, queries) can run while one process writes. Not thread-safe: use one
/// instance per thread. The SQL is portable except where marked SQLite (FTS5, pragmas, <c>IS</c> for null-safe
/// equality).
/// </summary>
public sealed partial class SqliteCorpusStore : DbCorpusStore, ICorpusStore
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
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        Exec(CorpusSchema.VersionTable);
        var current = SchemaVersion;
        if (current > CorpusSchema.CurrentVersion)
            throw new HadathException(ErrorCode.UnreadableFile, $"{ErrorCode.UnreadableFile}: {Path} has schema version {current}, newer than this hadath ({CorpusSchema.CurrentVersion}); upgrade hadath");
        foreach (var m in CorpusSchema.Migrations)
        {
            if (m.Version <= current) continue;
            InTransaction(() =>
            {
                foreach (var sql in m.Statements) Exec(sql);
                if (SqliteFullText.Statements.TryGetValue(m.Version, out var fts))
                    foreach (var sql in fts) Exec(sql);
                Exec("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)",
                    ("v", m.Version), ("d", m.Description), ("t", Now()));
                if (m.Version == 1) Exec("INSERT INTO meta (key, value) VALUES ('created_at', @t)", ("t", Now()));
            });
        }
    }

    // ---------------------------------------------------------------- writes

    /// <inheritdoc />
    public AddResult AddDocuments(IReadOnlyList<DocumentToStore> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return new AddResult(0, 0, 0);
        var added = 0;
        var skipped = 0;
        var mentions = 0;
        InTransaction(() =>
        {
            var existing = ExistingKeys([.. batch.Select(d => d.Key)]);
            var seen = new HashSet<string>(existing, StringComparer.Ordinal);
            var groups = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in batch)
            {
                if (!seen.Add(doc.Key)) { skipped++; continue; }
                var id = InsertDocument(doc);
                mentions += InsertDerived(id, doc.Key, doc.Input.Published, doc.Analysis, groups);
                var terms = ArabicSearchTerms.Index(doc.Input.Text, doc.Input.Title);
                Exec("INSERT INTO documents_fts (rowid, surface, stems) VALUES (@id, @s, @t)", ("id", id), ("s", terms.Surface), ("t", terms.Stems));
                added++;
            }
            foreach (var g in groups) RecomputeGroup(g);
        });
        return new AddResult(added, skipped, mentions);
    }

    /// <inheritdoc />
    public int Reanalyse(IReadOnlyList<Reanalysis> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var n = 0;
        InTransaction(() =>
        {
            var groups = new HashSet<string>(StringComparer.Ordinal);
            var stale = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in batch)
            {
                var row = Rows("SELECT doc_key, published FROM documents WHERE id = @id",
                    x => (Key: x.GetString(0), Published: x.IsDBNull(1) ? null : x.GetString(1)), ("id", r.Id));
                if (row.Count == 0) continue;
                var (key, published) = row[0];
                groups.UnionWith(Rows("SELECT DISTINCT group_key FROM event_mentions WHERE document_id = @id", x => x.GetString(0), ("id", r.Id)));
                stale.UnionWith(Rows("SELECT DISTINCT cluster_key FROM event_mentions WHERE document_id = @id", x => x.GetString(0), ("id", r.Id)));
                DeleteDerived(r.Id);
                Exec("UPDATE documents SET analysis = @a, analyzer_version = @v, analysed_at = @t WHERE id = @id",
                    ("a", Packed.Pack(CorpusJson.Serialize(r.Analysis))), ("v", r.AnalyzerVersion), ("t", Now()), ("id", r.Id));
                DateOnly? pub = published is not null && DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p) ? p : null;
                InsertDerived(r.Id, key, pub, r.Analysis, groups);
                n++;
            }
            foreach (var g in groups) RecomputeGroup(g);
            foreach (var c in stale) RefreshCluster(c); // events that lost mentions
        });
        return n;
    }

    /// <inheritdoc />
    public void AddFailures(IReadOnlyList<FailureRecord> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0) return;
        InTransaction(() =>
        {
            var now = Now();
            foreach (var f in failures)
            {
                // Portable upsert (SQLite ≥ 3.24 and PostgreSQL share this syntax).
                Exec("""
                     INSERT INTO failures (origin, external_id, code, message, first_seen, last_seen, occurrences)
                     VALUES (@o, @x, @c, @m, @t, @t, 1)
                     ON CONFLICT (origin, external_id, code) DO UPDATE SET message = excluded.message, last_seen = excluded.last_seen, occurrences = failures.occurrences + 1
                     """,
                    ("o", f.Origin), ("x", f.ExternalId ?? ""), ("c", f.Code), ("m", f.Message), ("t", now));
            }
        });
    }

    private long InsertDocument(DocumentToStore doc)
    {
        var input = doc.Input;
        var now = Now();
        return Convert.ToInt64(Scalar("""
            INSERT INTO documents (doc_key, text_hash, external_id, url, title, source, origin, published, text, char_count, analysis, analyzer_version, ingested_at, analysed_at)
            VALUES (@k, @h, @x, @u, @ti, @s, @o, @p, @te, @n, @a, @v, @t, @t)
            RETURNING id
            """,
            ("k", doc.Key), ("h", doc.TextHash), ("x", input.Id), ("u", input.Url), ("ti", input.Title), ("s", input.Source),
            ("o", doc.Origin), ("p", input.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("te", input.Text),
            ("n", input.Text.Length), ("a", Packed.Pack(CorpusJson.Serialize(doc.Analysis))), ("v", doc.AnalyzerVersion), ("t", now)), CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts sentences, entities, event mentions, quotes and times of one document; returns the number of mentions.</summary>
    private int InsertDerived(long id, string docKey, DateOnly? published, AnalyzedDocument a, HashSet<string> groups)
    {
        for (var i = 0; i < a.Sentences.Count; i++)
            Exec("INSERT INTO sentences (document_id, idx, start_char, end_char) VALUES (@d, @i, @s, @e)",
                ("d", id), ("i", i), ("s", a.Sentences[i].Start), ("e", a.Sentences[i].End));
        for (var i = 0; i < a.Entities.Count; i++)
        {
            var e = a.Entities[i];
            var actor = e.Actor is { } ai ? ActorId(ai.Id, ai.Name, ai.Code, ai.Country, ai.Sector) : null;
            Exec("INSERT INTO entities (document_id, idx, text, start_char, end_char, type, actor_id) VALUES (@d, @i, @x, @s, @e, @t, @a)",
                ("d", id), ("i", i), ("x", e.Text), ("s", e.Start), ("e", e.End), ("t", e.Type), ("a", actor));
        }
        for (var i = 0; i < a.Events.Count; i++)
        {
            var ev = a.Events[i];
            var key = EventClustering.KeyOf(ev, published, docKey);
            groups.Add(key.Group);
            InsertMention(id, i, ev, key);
        }
        for (var i = 0; i < a.Quotes.Count; i++)
        {
            var q = a.Quotes[i];
            var speaker = q.Speaker is { } s ? ActorId(s.Id, s.Name, s.Code, s.Country, s.Sector) : null;
            var qid = Convert.ToInt64(Scalar("""
                INSERT INTO quotes (document_id, idx, text, start_char, end_char, direct, cue, speaker_text, speaker_actor_id)
                VALUES (@d, @i, @x, @s, @e, @di, @c, @st, @sa) RETURNING id
                """,
                ("d", id), ("i", i), ("x", q.Text), ("s", q.Start), ("e", q.End), ("di", q.Direct ? 1 : 0), ("c", q.Cue),
                ("st", q.Speaker?.Text ?? q.Speaker?.Name), ("sa", speaker)), CultureInfo.InvariantCulture);
            var terms = ArabicSearchTerms.Index(q.Text, q.Speaker?.Text);
            Exec("INSERT INTO quotes_fts (rowid, surface, stems) VALUES (@id, @s, @t)", ("id", qid), ("s", terms.Surface), ("t", terms.Stems));
        }
        for (var i = 0; i < a.Times.Count; i++)
        {
            var t = a.Times[i];
            Exec("INSERT INTO times (document_id, idx, text, start_char, end_char, value, kind) VALUES (@d, @i, @x, @s, @e, @v, @k)",
                ("d", id), ("i", i), ("x", t.Text), ("s", t.Start), ("e", t.End), ("v", t.Value), ("k", t.Kind));
        }
        return a.Events.Count;
    }

    private void InsertMention(long documentId, int idx, EventOut e, MentionKey key)
    {
        var source = ActorId(e.Source);
        var target = ActorId(e.Target);
        var reporter = ActorId(e.Reporter);
        Exec(MentionInsert.InsertSql, MentionInsert.Values("", documentId, idx, e, key, source, target, reporter));
    }

    private void DeleteDerived(long id)
    {
        Exec("DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE document_id = @id)", ("id", id));
        foreach (var table in (string[])["sentences", "entities", "event_mentions", "quotes", "times"])
            Exec($"DELETE FROM {table} WHERE document_id = @id", ("id", id));
    }

    /// <summary>
    /// Re-derives the clusters of one group from its (day, facet) cells (<see cref="EventClustering.Assign"/>). Only
    /// the mentions whose cluster changes are updated, and only the events whose membership changed are rewritten
    /// (with counts and a representative), so the cost of a batch does not grow with the size of the groups it touches.
    /// </summary>
    private void RecomputeGroup(string group)
    {
        var cells = Rows("SELECT day, facet_key, cluster_key, COUNT(*) FROM event_mentions WHERE group_key = @g GROUP BY day, facet_key, cluster_key",
            r => (Day: r.IsDBNull(0) ? (int?)null : r.GetInt32(0), Facet: r.GetString(1), Cluster: r.GetString(2), Count: r.GetInt32(3)), ("g", group));
        var atoms = cells.GroupBy(c => (c.Day, c.Facet)).Select(g => new ClusterAtom(g.Key.Day, g.Key.Facet, g.Sum(c => c.Count))).ToList();
        var assignment = EventClustering.Assign(group, atoms);
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        var moved = new HashSet<(int? Day, string Facet)>();
        foreach (var c in cells)
        {
            var target = assignment[(c.Day, c.Facet)];
            if (string.Equals(c.Cluster, target, StringComparison.Ordinal)) continue;
            affected.Add(target);
            if (c.Cluster.Length > 0) affected.Add(c.Cluster);
            if (moved.Add((c.Day, c.Facet)))
            {
                // SQLite: "IS" compares NULL days as equal (PostgreSQL: IS NOT DISTINCT FROM).
                Exec("UPDATE event_mentions SET cluster_key = @c WHERE group_key = @g AND day IS @d AND facet_key = @p AND cluster_key <> @c",
                    ("c", target), ("g", group), ("d", c.Day), ("p", c.Facet));
            }
        }
        foreach (var cluster in affected) RefreshCluster(cluster);
    }

    /// <summary>Rewrites one event row from its mentions (counts, days, facet, representative); removes it when it has none left.</summary>
    private void RefreshCluster(string cluster)
    {
        Exec("DELETE FROM events WHERE cluster_key = @c", ("c", cluster));
        var row = Rows("""
            SELECT MIN(day), MAX(day), MIN(effective_date), MAX(effective_date), COUNT(*), COUNT(DISTINCT document_id), MIN(group_key)
            FROM event_mentions WHERE cluster_key = @c
            """,
            r => (First: r.IsDBNull(0) ? (long?)null : r.GetInt64(0), Last: r.IsDBNull(1) ? (long?)null : r.GetInt64(1),
                FirstDate: r.IsDBNull(2) ? null : r.GetString(2), LastDate: r.IsDBNull(3) ? null : r.GetString(3), Mentions: r.GetInt64(4), Documents: r.GetInt64(5),
                Group: r.IsDBNull(6) ? null : r.GetString(6)),
            ("c", cluster))[0];
        if (row.Mentions == 0 || row.Group is null) return; // every mention left it
        // The event's facet: the most specific of its cells.
        var facet = Rows("SELECT DISTINCT facet_key FROM event_mentions WHERE cluster_key = @c", r => r.GetString(0), ("c", cluster))
            .OrderByDescending(Known).ThenBy(f => f, StringComparer.Ordinal).First();
        var rep = Scalar("""
            SELECT m.id FROM event_mentions m
            WHERE m.cluster_key = @c ORDER BY m.confidence DESC, (SELECT d.doc_key FROM documents d WHERE d.id = m.document_id), m.idx LIMIT 1
            """, ("c", cluster));
        var parts = row.Group.Split('|');
        Exec("""
            INSERT INTO events (cluster_key, group_key, type, negated, source_key, target_key, facet_key, first_day, last_day, first_date, last_date, mention_count, document_count, representative_id)
            VALUES (@c, @g, @type, @neg, @src, @tgt, @place, @fd, @ld, @fdate, @ldate, @m, @n, @rep)
            """,
            ("c", cluster), ("g", row.Group), ("type", parts[0]), ("neg", parts.Length > 1 && parts[1] == "-" ? 1 : 0),
            ("src", parts.Length > 2 ? parts[2] : "-"), ("tgt", parts.Length > 3 ? parts[3] : "-"), ("place", facet),
            ("fd", row.First), ("ld", row.Last), ("fdate", row.FirstDate), ("ldate", row.LastDate), ("m", row.Mentions), ("n", row.Documents), ("rep", rep));
    }

    private static int Known(string facet) => facet.Split('|').Count(p => p.Length > 0);

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
