using System.Globalization;
using Hadath.Core.Diagnostics;
using Hadath.Core.Model;
using Hadath.Corpus.Clustering;
using Hadath.Corpus.Search;
using Hadath.Corpus.Store;
using Npgsql;

namespace Hadath.Corpus.Postgres;

/// <summary>
/// <see cref="ICorpusStore"/> on PostgreSQL, with the schema and queries of <see cref="SqliteCorpusStore"/>, for several
/// writers at once (workers on several machines). A batch is one transaction. Documents are inserted with
/// <c>ON CONFLICT (doc_key) DO NOTHING</c>, so a document delivered twice is stored once; actors and events are upserts;
/// a group's clusters are recomputed under a transaction-scoped advisory lock on the group, taken in key order, so two
/// writers never recompute the same group from different snapshots, and cluster keys stay a pure function of the
/// group's mentions (<see cref="EventClustering"/>). Not thread-safe: one instance per thread.
/// </summary>
public sealed partial class PostgresCorpusStore : DbCorpusStore, ICorpusStore
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
    public int SchemaVersion =>
        Scalar("SELECT to_regclass('schema_version') IS NOT NULL") is true
            ? Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture)
            : 0;

    private void CheckVersion()
    {
        var v = SchemaVersion;
        if (v > CorpusSchema.CurrentVersion)
            throw new HadathException(ScaleErrors.StoreUnavailable, $"{ScaleErrors.StoreUnavailable}: {Address} has schema version {v}, newer than this hadath ({CorpusSchema.CurrentVersion}); upgrade hadath");
        if (v < CorpusSchema.CurrentVersion)
            throw new HadathException(ScaleErrors.StoreUnavailable, $"{ScaleErrors.StoreUnavailable}: {Address} has schema version {v}; run `hadath migrate --store …`");
    }

    /// <summary>
    /// Applies the migrations newer than the database's version, each in its own transaction, under a session advisory
    /// lock so that several processes starting together migrate once. Returns the versions applied.
    /// </summary>
    public IReadOnlyList<int> Migrate()
    {
        var applied = new List<int>();
        Exec("SELECT pg_advisory_lock(@k)", ("k", PostgresSchema.MigrationLockKey));
        try
        {
            Exec(PostgresSchema.Translate(CorpusSchema.VersionTable));
            var current = SchemaVersion;
            if (current > CorpusSchema.CurrentVersion)
                throw new HadathException(ScaleErrors.StoreUnavailable, $"{ScaleErrors.StoreUnavailable}: {Address} has schema version {current}, newer than this hadath ({CorpusSchema.CurrentVersion}); upgrade hadath");
            foreach (var m in CorpusSchema.Migrations)
            {
                if (m.Version <= current) continue;
                InTransaction(() =>
                {
                    foreach (var sql in m.Statements) Exec(PostgresSchema.Translate(sql));
                    if (PostgresSchema.Statements.TryGetValue(m.Version, out var extra))
                        foreach (var sql in extra) Exec(sql);
                    Exec("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)", ("v", (long)m.Version), ("d", m.Description), ("t", Now()));
                    if (m.Version == 1) Exec("INSERT INTO meta (key, value) VALUES ('created_at', @t)", ("t", Now()));
                });
                applied.Add(m.Version);
            }
        }
        finally
        {
            Exec("SELECT pg_advisory_unlock(@k)", ("k", PostgresSchema.MigrationLockKey));
        }
        return applied;
    }

    // ---------------------------------------------------------------- writes

    /// <inheritdoc />
    public AddResult AddDocuments(IReadOnlyList<DocumentToStore> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return new AddResult(0, 0, 0);
        return WithRetry(() =>
        {
            var added = 0;
            var skipped = 0;
            var mentions = 0;
            InTransaction(() =>
            {
                // Actors first, in key order: two writers never wait on each other's new actor rows in opposite orders.
                foreach (var a in batch.SelectMany(ActorsOf).DistinctBy(a => a.Key).OrderBy(a => a.Key, StringComparer.Ordinal))
                    ActorId(a.Actor.Id, a.Actor.Name, a.Actor.Code, a.Actor.Country, a.Actor.Sector);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var groups = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var doc in batch)
                {
                    if (!seen.Add(doc.Key)) { skipped++; continue; }
                    var id = InsertDocument(doc);
                    if (id is null) { skipped++; continue; } // stored by an earlier delivery or another writer
                    mentions += InsertDerived(id.Value, doc.Key, doc.Input.Published, doc.Analysis, groups);
                    added++;
                }
                LockGroups(groups);
                foreach (var g in groups) RecomputeGroup(g);
            });
            return new AddResult(added, skipped, mentions);
        });
    }

    /// <inheritdoc />
    public int Reanalyse(IReadOnlyList<Reanalysis> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return 0;
        return WithRetry(() =>
        {
            var n = 0;
            InTransaction(() =>
            {
                var groups = new SortedSet<string>(StringComparer.Ordinal);
                var stale = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var r in batch)
                {
                    var row = Rows("SELECT doc_key, published FROM documents WHERE id = @id FOR UPDATE",
                        x => (Key: x.GetString(0), Published: Str(x, 1)), ("id", r.Id));
                    if (row.Count == 0) continue;
                    var (key, published) = row[0];
                    groups.UnionWith(Rows("SELECT DISTINCT group_key FROM event_mentions WHERE document_id = @id", x => x.GetString(0), ("id", r.Id)));
                    stale.UnionWith(Rows("SELECT DISTINCT cluster_key FROM event_mentions WHERE document_id = @id", x => x.GetString(0), ("id", r.Id)));
                    foreach (var table in (string[])["sentences", "entities", "event_mentions", "quotes", "times"])
                        Exec($"DELETE FROM {table} WHERE document_id = @id", ("id", r.Id));
                    Exec("UPDATE documents SET analysis = @a, analyzer_version = @v, analysed_at = @t WHERE id = @id",
                        ("a", Packed.Pack(CorpusJson.Serialize(r.Analysis))), ("v", r.AnalyzerVersion), ("t", Now()), ("id", r.Id));
                    DateOnly? pub = published is not null && DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p) ? p : null;
                    InsertDerived(r.Id, key, pub, r.Analysis, groups);
                    n++;
                }
                LockGroups(groups);
                foreach (var g in groups) RecomputeGroup(g);
                foreach (var c in stale) RefreshCluster(c); // events that lost mentions
            });
            return n;
        });
    }

    /// <inheritdoc />
    public void AddFailures(IReadOnlyList<FailureRecord> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0) return;
        WithRetry(() =>
        {
            InTransaction(() =>
            {
                var now = Now();
                foreach (var f in failures.OrderBy(f => (f.Origin, f.ExternalId ?? "", f.Code)))
                {
                    Exec("""
                         INSERT INTO failures (origin, external_id, code, message, first_seen, last_seen, occurrences)
                         VALUES (@o, @x, @c, @m, @t, @t, 1)
                         ON CONFLICT (origin, external_id, code) DO UPDATE SET message = excluded.message, last_seen = excluded.last_seen, occurrences = failures.occurrences + 1
                         """,
                        ("o", f.Origin), ("x", f.ExternalId ?? ""), ("c", f.Code), ("m", f.Message), ("t", now));
                }
            });
            return 0;
        });
    }

    private long? InsertDocument(DocumentToStore doc)
    {
        var input = doc.Input;
        var now = Now();
        var terms = ArabicSearchTerms.Index(input.Text, input.Title);
        var id = Scalar("""
            INSERT INTO documents (doc_key, text_hash, external_id, url, title, source, origin, published, text, char_count, analysis, analyzer_version, ingested_at, analysed_at, terms)
            VALUES (@k, @h, @x, @u, @ti, @s, @o, @p, @te, @n, @a, @v, @t, @t, setweight(array_to_tsvector(@ts), 'A') || setweight(array_to_tsvector(@tt), 'B'))
            ON CONFLICT (doc_key) DO NOTHING
            RETURNING id
            """,
            ("k", doc.Key), ("h", doc.TextHash), ("x", input.Id), ("u", input.Url), ("ti", input.Title), ("s", input.Source),
            ("o", doc.Origin), ("p", input.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("te", input.Text),
            ("n", (long)input.Text.Length), ("a", Packed.Pack(CorpusJson.Serialize(doc.Analysis))), ("v", doc.AnalyzerVersion), ("t", now),
            ("ts", TermArray(terms.Surface)), ("tt", TermArray(terms.Stems)));
        return id is null ? null : Convert.ToInt64(id, CultureInfo.InvariantCulture);
    }

    private static string[] TermArray(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Inserts sentences, entities, event mentions, quotes and times of one document; returns the number of mentions.</summary>
    private int InsertDerived(long id, string docKey, DateOnly? published, AnalyzedDocument a, SortedSet<string> groups)
    {
        for (var i = 0; i < a.Sentences.Count; i++)
            Exec("INSERT INTO sentences (document_id, idx, start_char, end_char) VALUES (@d, @i, @s, @e)",
                ("d", id), ("i", (long)i), ("s", (long)a.Sentences[i].Start), ("e", (long)a.Sentences[i].End));
        for (var i = 0; i < a.Entities.Count; i++)
        {
            var e = a.Entities[i];
            var actor = e.Actor is { } ai ? ActorId(ai.Id, ai.Name, ai.Code, ai.Country, ai.Sector) : null;
            Exec("INSERT INTO entities (document_id, idx, text, start_char, end_char, type, actor_id) VALUES (@d, @i, @x, @s, @e, @t, @a)",
                ("d", id), ("i", (long)i), ("x", e.Text), ("s", (long)e.Start), ("e", (long)e.End), ("t", e.Type), ("a", actor));
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
            var terms = ArabicSearchTerms.Index(q.Text, q.Speaker?.Text);
            Exec("""
                INSERT INTO quotes (document_id, idx, text, start_char, end_char, direct, cue, speaker_text, speaker_actor_id, terms)
                VALUES (@d, @i, @x, @s, @e, @di, @c, @st, @sa, setweight(array_to_tsvector(@ts), 'A') || setweight(array_to_tsvector(@tt), 'B'))
                """,
                ("d", id), ("i", (long)i), ("x", q.Text), ("s", (long)q.Start), ("e", (long)q.End), ("di", q.Direct ? 1L : 0L), ("c", q.Cue),
                ("st", q.Speaker?.Text ?? q.Speaker?.Name), ("sa", speaker), ("ts", TermArray(terms.Surface)), ("tt", TermArray(terms.Stems)));
        }
        for (var i = 0; i < a.Times.Count; i++)
        {
            var t = a.Times[i];
            Exec("INSERT INTO times (document_id, idx, text, start_char, end_char, value, kind) VALUES (@d, @i, @x, @s, @e, @v, @k)",
                ("d", id), ("i", (long)i), ("x", t.Text), ("s", (long)t.Start), ("e", (long)t.End), ("v", t.Value), ("k", t.Kind));
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

    /// <summary>Takes the transaction's advisory locks on the groups it recomputes, in key order (no deadlock between writers).</summary>
    private void LockGroups(SortedSet<string> groups)
    {
        foreach (var g in groups) Exec("SELECT pg_advisory_xact_lock(hashtextextended(@g, 0))", ("g", g));
    }

    /// <summary>
    /// Re-derives the clusters of one group from its (day, facet) cells (<see cref="EventClustering.Assign"/>), as the
    /// SQLite store does; the caller holds the group's advisory lock, so every mention committed by other writers is seen.
    /// </summary>
    private void RecomputeGroup(string group)
    {
        var cells = Rows("SELECT day, facet_key, cluster_key, COUNT(*) FROM event_mentions WHERE group_key = @g GROUP BY day, facet_key, cluster_key",
            r => (Day: r.IsDBNull(0) ? (int?)null : (int)r.GetInt64(0), Facet: r.GetString(1), Cluster: r.GetString(2), Count: (int)r.GetInt64(3)), ("g", group));
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
                Exec("UPDATE event_mentions SET cluster_key = @c WHERE group_key = @g AND day IS NOT DISTINCT FROM @d::bigint AND facet_key = @p AND cluster_key <> @c",
                    ("c", target), ("g", group), ("d", (long?)c.Day), ("p", c.Facet));
        }
        foreach (var cluster in affected) RefreshCluster(cluster);
    }

    /// <summary>Upserts one event row from its mentions (counts, days, facet, representative); removes it when it has none left.</summary>
    private void RefreshCluster(string cluster)
    {
        var row = Rows("""
            SELECT MIN(day), MAX(day), MIN(effective_date), MAX(effective_date), COUNT(*), COUNT(DISTINCT document_id), MIN(group_key)
            FROM event_mentions WHERE cluster_key = @c
            """,
            r => (First: r.IsDBNull(0) ? (long?)null : r.GetInt64(0), Last: r.IsDBNull(1) ? (long?)null : r.GetInt64(1),
                FirstDate: Str(r, 2), LastDate: Str(r, 3), Mentions: r.GetInt64(4), Documents: r.GetInt64(5), Group: Str(r, 6)),
            ("c", cluster))[0];
        if (row.Mentions == 0 || row.Group is null)
        {
            Exec("DELETE FROM events WHERE cluster_key = @c", ("c", cluster));
            return;
        }
        var facet = Rows("SELECT DISTINCT facet_key FROM event_mentions WHERE cluster_key = @c", r => r.GetString(0), ("c", cluster))
            .OrderByDescending(Known).ThenBy(f => f, StringComparer.Ordinal).First();
        var rep = Scalar("""
            SELECT m.id FROM event_mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.cluster_key = @c ORDER BY m.confidence DESC, d.doc_key COLLATE "C", m.idx LIMIT 1
            """, ("c", cluster));
        var parts = row.Group.Split('|');
        Exec("""
            INSERT INTO events (cluster_key, group_key, type, negated, source_key, target_key, facet_key, first_day, last_day, first_date, last_date, mention_count, document_count, representative_id)
            VALUES (@c, @g, @type, @neg, @src, @tgt, @place, @fd, @ld, @fdate, @ldate, @m, @n, @rep)
            ON CONFLICT (cluster_key) DO UPDATE SET group_key = excluded.group_key, type = excluded.type, negated = excluded.negated,
              source_key = excluded.source_key, target_key = excluded.target_key, facet_key = excluded.facet_key, first_day = excluded.first_day,
              last_day = excluded.last_day, first_date = excluded.first_date, last_date = excluded.last_date, mention_count = excluded.mention_count,
              document_count = excluded.document_count, representative_id = excluded.representative_id
            """,
            ("c", cluster), ("g", row.Group), ("type", parts[0]), ("neg", parts.Length > 1 && parts[1] == "-" ? 1L : 0L),
            ("src", parts.Length > 2 ? parts[2] : "-"), ("tgt", parts.Length > 3 ? parts[3] : "-"), ("place", facet),
            ("fd", row.First), ("ld", row.Last), ("fdate", row.FirstDate), ("ldate", row.LastDate), ("m", row.Mentions), ("n", row.Documents),
            ("rep", rep is null ? null : Convert.ToInt64(rep, CultureInfo.InvariantCulture)));
    }

    private static int Known(string facet) => facet.Split('|').Count(p => p.Length > 0);

    private static IEnumerable<(string Key, ActorOut Actor)> ActorsOf(DocumentToStore d)
    {
        var a = d.Analysis;
        var all = a.Entities.Select(e => e.Actor is { } x ? new ActorOut { Id = x.Id, Name = x.Name, Code = x.Code, Country = x.Country, Sector = x.Sector } : null)
            .Concat(a.Events.SelectMany(e => (ActorOut?[])[e.Source, e.Target, e.Reporter]))
            .Concat(a.Quotes.Select(q => q.Speaker));
        foreach (var x in all)
            if (x is not null && ActorKey(x.Id, x.Name, x.Code, x.Country, x.Sector) is { } k) yield return (k, x);
    }

    // ---------------------------------------------------------------- plumbing

    /// <summary>Runs a write, again when PostgreSQL aborted it for a deadlock or a serialisation failure (at most 5 times).</summary>
    private T WithRetry<T>(Func<T> work)
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
}
