using System.Globalization;
using Hadath.Core.Model;
using Hadath.Corpus.Clustering;
using Hadath.Corpus.Search;

namespace Hadath.Corpus.Store;

/// <summary>
/// The write paths: the schema's migrations, documents with their sentences, entities, mentions, quotes and times,
/// re-analyses, failures, and the recomputation of a group's clusters and of its event rows. Every batch is one
/// transaction. What differs by engine (locks, retries, conflicts, the full-text index) goes through the hooks below.
/// </summary>
public abstract partial class DbCorpusStore
{
    // ---------------------------------------------------------------- dialect hooks

    /// <summary>The schema version of the database (0 when it has none yet).</summary>
    public abstract int SchemaVersion { get; }

    /// <summary>A portable statement of <see cref="CorpusSchema"/> in the engine's types.</summary>
    protected virtual string Translate(string portable) => portable;

    /// <summary>Per migration version, the engine's own statements run after the portable ones (its full-text index).</summary>
    protected abstract IReadOnlyDictionary<int, string[]> EngineStatements { get; }

    /// <summary>The error for a database whose schema is newer than this build.</summary>
    protected abstract Exception NewerSchema(int version);

    /// <summary>Runs one batch's write; an engine that aborts transactions for deadlocks runs it again.</summary>
    protected virtual T Retrying<T>(Func<T> work) => work();

    /// <summary>Runs first in a batch's transaction (an engine with several writers creates the batch's actors in key order).</summary>
    protected virtual void BeforeAdd(IReadOnlyList<DocumentToStore> batch) { }

    /// <summary>The keys of a batch that are skipped as stored before anything is inserted (none where the document
    /// INSERT itself skips them, <see cref="OnDocumentConflict"/>).</summary>
    protected virtual IEnumerable<string> StoredBefore(IReadOnlyList<DocumentToStore> batch) => [];

    /// <summary>What a document's INSERT does on a doc_key already stored: "" (fails) or an ON CONFLICT … DO NOTHING clause.</summary>
    protected virtual string OnDocumentConflict => "";

    /// <summary>Appended to the read of a document that is re-analysed (" FOR UPDATE" where that locks the row).</summary>
    protected virtual string ForUpdate => "";

    /// <summary>Takes whatever locks the engine needs before the groups are recomputed (in key order).</summary>
    protected virtual void LockGroups(SortedSet<string> groups) { }

    /// <summary>The order failures are written in.</summary>
    protected virtual IEnumerable<FailureRecord> WriteOrder(IReadOnlyList<FailureRecord> failures) => failures;

    /// <summary>True where an event row is upserted (INSERT … ON CONFLICT DO UPDATE); otherwise it is deleted and inserted again.</summary>
    protected virtual bool UpsertsEvents => false;

    /// <summary>Null-safe equality of an integer column and a parameter (NULL equals NULL).</summary>
    protected abstract string SameInteger(string column, string parameter);

    /// <summary>The expression to order text by byte, whatever the database's collation.</summary>
    protected virtual string Bytewise(string expression) => expression;

    /// <summary>
    /// Where a row's search terms (<see cref="ArabicSearchTerms.Index"/>) go: a column of the row itself (the value's SQL and
    /// its parameters, as a PostgreSQL tsvector), or null for a separate index that <see cref="IndexTerms"/> fills.
    /// </summary>
    protected virtual TermsColumn? TermsValue(IndexedText terms) => null;

    /// <summary>Adds a new row of <c>documents</c> or <c>quotes</c> to the separate full-text index (SQLite FTS5).</summary>
    protected virtual void IndexTerms(string table, long id, IndexedText terms) { }

    /// <summary>Removes the quotes of a document from the separate full-text index before they are deleted.</summary>
    protected virtual void UnindexQuotes(long documentId) { }

    /// <summary>The SQL value of a terms column and its parameters.</summary>
    protected sealed record TermsColumn(string Sql, (string Name, object? Value)[] Parameters);

    // ---------------------------------------------------------------- schema

    /// <summary>
    /// Brings the schema up to date: applies the migrations newer than the database's version, each in its own
    /// transaction (the portable statements in the engine's types, then its own), and returns the versions applied.
    /// </summary>
    protected IReadOnlyList<int> MigrateSchema()
    {
        Exec(Translate(CorpusSchema.VersionTable));
        var current = SchemaVersion;
        if (current > CorpusSchema.CurrentVersion) throw NewerSchema(current);
        var applied = new List<int>();
        foreach (var m in CorpusSchema.Migrations)
        {
            if (m.Version <= current) continue;
            InTransaction(() =>
            {
                foreach (var sql in m.Statements) Exec(Translate(sql));
                if (EngineStatements.TryGetValue(m.Version, out var own))
                    foreach (var sql in own) Exec(sql);
                Exec("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)", ("v", (long)m.Version), ("d", m.Description), ("t", Now()));
                if (m.Version == 1) Exec("INSERT INTO meta (key, value) VALUES ('created_at', @t)", ("t", Now()));
            });
            applied.Add(m.Version);
        }
        return applied;
    }

    // ---------------------------------------------------------------- writes

    /// <inheritdoc />
    public AddResult AddDocuments(IReadOnlyList<DocumentToStore> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return new AddResult(0, 0, 0);
        return Retrying(() =>
        {
            var added = 0;
            var skipped = 0;
            var mentions = 0;
            InTransaction(() =>
            {
                BeforeAdd(batch);
                var seen = new HashSet<string>(StoredBefore(batch), StringComparer.Ordinal);
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
        return Retrying(() =>
        {
            var n = 0;
            InTransaction(() =>
            {
                var groups = new SortedSet<string>(StringComparer.Ordinal);
                var stale = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var r in batch)
                {
                    var row = Rows("SELECT doc_key, published FROM documents WHERE id = @id" + ForUpdate,
                        x => (Key: x.GetString(0), Published: Str(x, 1)), ("id", r.Id));
                    if (row.Count == 0) continue;
                    var (key, published) = row[0];
                    groups.UnionWith(Rows("SELECT DISTINCT group_key FROM event_mentions WHERE document_id = @id", x => x.GetString(0), ("id", r.Id)));
                    stale.UnionWith(Rows("SELECT DISTINCT cluster_key FROM event_mentions WHERE document_id = @id", x => x.GetString(0), ("id", r.Id)));
                    UnindexQuotes(r.Id);
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
        Retrying(() =>
        {
            InTransaction(() =>
            {
                var now = Now();
                foreach (var f in WriteOrder(failures))
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
            return 0;
        });
    }

    /// <summary>Inserts a document row; returns its id, or null when <see cref="OnDocumentConflict"/> skipped it as stored.</summary>
    private long? InsertDocument(DocumentToStore doc)
    {
        var input = doc.Input;
        var now = Now();
        var terms = ArabicSearchTerms.Index(input.Text, input.Title);
        var column = TermsValue(terms);
        var id = Scalar($"""
            INSERT INTO documents (doc_key, text_hash, external_id, url, title, source, origin, published, text, char_count, analysis, analyzer_version, ingested_at, analysed_at{(column is null ? "" : ", terms")})
            VALUES (@k, @h, @x, @u, @ti, @s, @o, @p, @te, @n, @a, @v, @t, @t{(column is null ? "" : ", " + column.Sql)})
            {OnDocumentConflict}
            RETURNING id
            """,
            [
                ("k", doc.Key), ("h", doc.TextHash), ("x", input.Id), ("u", input.Url), ("ti", input.Title), ("s", input.Source),
                ("o", doc.Origin), ("p", input.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("te", input.Text),
                ("n", (long)input.Text.Length), ("a", Packed.Pack(CorpusJson.Serialize(doc.Analysis))), ("v", doc.AnalyzerVersion), ("t", now),
                .. column?.Parameters ?? [],
            ]);
        if (id is null) return null;
        var v = Convert.ToInt64(id, CultureInfo.InvariantCulture);
        IndexTerms("documents", v, terms);
        return v;
    }

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
            var source = ActorId(ev.Source);
            var target = ActorId(ev.Target);
            var reporter = ActorId(ev.Reporter);
            Exec(MentionInsert.InsertSql, MentionInsert.Values("", id, i, ev, key, source, target, reporter));
        }
        for (var i = 0; i < a.Quotes.Count; i++)
        {
            var q = a.Quotes[i];
            var speaker = q.Speaker is { } s ? ActorId(s.Id, s.Name, s.Code, s.Country, s.Sector) : null;
            var terms = ArabicSearchTerms.Index(q.Text, q.Speaker?.Text);
            var column = TermsValue(terms);
            var qid = Convert.ToInt64(Scalar($"""
                INSERT INTO quotes (document_id, idx, text, start_char, end_char, direct, cue, speaker_text, speaker_actor_id{(column is null ? "" : ", terms")})
                VALUES (@d, @i, @x, @s, @e, @di, @c, @st, @sa{(column is null ? "" : ", " + column.Sql)}) RETURNING id
                """,
                [
                    ("d", id), ("i", (long)i), ("x", q.Text), ("s", (long)q.Start), ("e", (long)q.End), ("di", q.Direct ? 1L : 0L), ("c", q.Cue),
                    ("st", q.Speaker?.Text ?? q.Speaker?.Name), ("sa", speaker), .. column?.Parameters ?? [],
                ]), CultureInfo.InvariantCulture);
            IndexTerms("quotes", qid, terms);
        }
        for (var i = 0; i < a.Times.Count; i++)
        {
            var t = a.Times[i];
            Exec("INSERT INTO times (document_id, idx, text, start_char, end_char, value, kind) VALUES (@d, @i, @x, @s, @e, @v, @k)",
                ("d", id), ("i", (long)i), ("x", t.Text), ("s", (long)t.Start), ("e", (long)t.End), ("v", t.Value), ("k", t.Kind));
        }
        return a.Events.Count;
    }

    /// <summary>
    /// Re-derives the clusters of one group from its (day, facet) cells (<see cref="EventClustering.Assign"/>). Only
    /// the mentions whose cluster changes are updated, and only the events whose membership changed are rewritten
    /// (with counts and a representative), so the cost of a batch does not grow with the size of the groups it touches.
    /// Where there are several writers, the caller holds the group's lock (<see cref="LockGroups"/>).
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
                Exec($"UPDATE event_mentions SET cluster_key = @c WHERE group_key = @g AND {SameInteger("day", "@d")} AND facet_key = @p AND cluster_key <> @c",
                    ("c", target), ("g", group), ("d", (long?)c.Day), ("p", c.Facet));
        }
        foreach (var cluster in affected) RefreshCluster(cluster);
    }

    /// <summary>Rewrites one event row from its mentions (counts, days, facet, representative); removes it when it has none left.</summary>
    private void RefreshCluster(string cluster)
    {
        var row = Rows("""
            SELECT MIN(day), MAX(day), MIN(effective_date), MAX(effective_date), COUNT(*), COUNT(DISTINCT document_id), MIN(group_key)
            FROM event_mentions WHERE cluster_key = @c
            """,
            r => (First: r.IsDBNull(0) ? (long?)null : r.GetInt64(0), Last: r.IsDBNull(1) ? (long?)null : r.GetInt64(1),
                FirstDate: Str(r, 2), LastDate: Str(r, 3), Mentions: r.GetInt64(4), Documents: r.GetInt64(5), Group: Str(r, 6)),
            ("c", cluster))[0];
        if (row.Mentions == 0 || row.Group is null) // every mention left it
        {
            Exec("DELETE FROM events WHERE cluster_key = @c", ("c", cluster));
            return;
        }
        // The event's facet: the most specific of its cells.
        var facet = Rows("SELECT DISTINCT facet_key FROM event_mentions WHERE cluster_key = @c", r => r.GetString(0), ("c", cluster))
            .OrderByDescending(Known).ThenBy(f => f, StringComparer.Ordinal).First();
        var rep = Scalar($"""
            SELECT m.id FROM event_mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.cluster_key = @c ORDER BY m.confidence DESC, {Bytewise("d.doc_key")}, m.idx LIMIT 1
            """, ("c", cluster));
        var parts = row.Group.Split('|');
        (string, object?)[] values =
        [
            ("c", cluster), ("g", row.Group), ("type", parts[0]), ("neg", parts.Length > 1 && parts[1] == "-" ? 1L : 0L),
            ("src", parts.Length > 2 ? parts[2] : "-"), ("tgt", parts.Length > 3 ? parts[3] : "-"), ("place", facet),
            ("fd", row.First), ("ld", row.Last), ("fdate", row.FirstDate), ("ldate", row.LastDate), ("m", row.Mentions), ("n", row.Documents),
            ("rep", rep is null ? null : Convert.ToInt64(rep, CultureInfo.InvariantCulture)),
        ];
        if (UpsertsEvents)
        {
            Exec(EventInsert + """

                ON CONFLICT (cluster_key) DO UPDATE SET group_key = excluded.group_key, type = excluded.type, negated = excluded.negated,
                  source_key = excluded.source_key, target_key = excluded.target_key, facet_key = excluded.facet_key, first_day = excluded.first_day,
                  last_day = excluded.last_day, first_date = excluded.first_date, last_date = excluded.last_date, mention_count = excluded.mention_count,
                  document_count = excluded.document_count, representative_id = excluded.representative_id
                """, values);
            return;
        }
        Exec("DELETE FROM events WHERE cluster_key = @c", ("c", cluster));
        Exec(EventInsert, values);
    }

    private const string EventInsert = """
        INSERT INTO events (cluster_key, group_key, type, negated, source_key, target_key, facet_key, first_day, last_day, first_date, last_date, mention_count, document_count, representative_id)
        VALUES (@c, @g, @type, @neg, @src, @tgt, @place, @fd, @ld, @fdate, @ldate, @m, @n, @rep)
        """;

    private static int Known(string facet) => facet.Split('|').Count(p => p.Length > 0);
}
