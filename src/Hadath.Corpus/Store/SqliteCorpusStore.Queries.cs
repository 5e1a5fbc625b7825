using System.Globalization;
using System.Text;
using Hadath.Core.Model;
using Hadath.Corpus.Search;
using Microsoft.Data.Sqlite;

namespace Hadath.Corpus.Store;

public sealed partial class SqliteCorpusStore
{
    /// <summary>Number of document pointers returned with each event.</summary>
    public const int DocumentsPerEvent = 20;

    /// <inheritdoc />
    public bool HasDocument(string key) => Scalar("SELECT 1 FROM documents WHERE doc_key = @k", ("k", key)) is not null;

    /// <inheritdoc />
    public IReadOnlySet<string> ExistingKeys(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in keys)
            if (HasDocument(k)) found.Add(k);
        return found;
    }

    /// <summary>Number of stored documents.</summary>
    public long DocumentCount => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public StoredDocument? GetDocument(long id)
    {
        var rows = Rows(StoreRows.DocumentById, StoreRows.Document,
            ("id", id));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredText> ReadDocuments(long afterId, int count) => Rows(StoreRows.DocumentsAfter, StoreRows.Text,
        ("a", afterId), ("n", count));

    /// <inheritdoc />
    public IReadOnlyList<FailureRecord> Failures(Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return Rows(StoreRows.FailuresPage, StoreRows.Failure,
            ("l", paging.Limit), ("o", paging.Offset));
    }

    // ---------------------------------------------------------------- events

    /// <inheritdoc />
    public IReadOnlyList<EventHit> QueryEvents(EventFilter filter, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(paging);
        var (where, ps) = EventFilterSql.Build(filter, "");
        var sql = $"""
            SELECT e.cluster_key, e.first_date, e.last_date, e.mention_count, e.document_count, r.event_json
            FROM events e JOIN event_mentions r ON r.id = e.representative_id
            {(where.Length == 0 ? "" : $"WHERE e.cluster_key IN (SELECT m.cluster_key FROM event_mentions m WHERE {where})")}
            ORDER BY (e.first_date IS NULL), e.first_date DESC, e.cluster_key
            LIMIT @limit OFFSET @offset
            """;
        ps.Add(("limit", paging.Limit));
        ps.Add(("offset", paging.Offset));
        var rows = Rows(sql, r => (Cluster: r.GetString(0), First: Str(r, 1), Last: Str(r, 2), Mentions: r.GetInt32(3), Documents: r.GetInt32(4), Json: Packed.Unpack((byte[])r.GetValue(5))), [.. ps]);
        var hits = new List<EventHit>(rows.Count);
        foreach (var row in rows)
        {
            var ev = CorpusJson.DeserializeEvent(row.Json) ?? new EventOut();
            if (ev.Date is null && row.First is not null)
            {
                ev.Date = row.First;
                ev.DateType = "publication";
            }
            ev.Cluster = row.Cluster;
            var docs = Rows($"""
                SELECT DISTINCT d.id, d.external_id, d.url, d.title, d.published FROM event_mentions m JOIN documents d ON d.id = m.document_id
                WHERE m.cluster_key = @c ORDER BY d.id LIMIT {DocumentsPerEvent}
                """, StoreRows.DocRef, ("c", row.Cluster));
            hits.Add(new EventHit(row.Cluster, ev, row.First, row.Last, row.Mentions, row.Documents, docs));
        }
        return hits;
    }

    /// <inheritdoc />
    public IReadOnlyList<MentionHit> QueryMentions(EventFilter filter, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(paging);
        var (where, ps) = EventFilterSql.Build(filter, "");
        var sql = $"""
            SELECT m.id, m.cluster_key, m.effective_date, m.event_json, d.id, d.external_id, d.url, d.title, d.published
            FROM event_mentions m JOIN documents d ON d.id = m.document_id
            {(where.Length == 0 ? "" : "WHERE " + where)}
            ORDER BY (m.effective_date IS NULL), m.effective_date DESC, m.id
            LIMIT @limit OFFSET @offset
            """;
        ps.Add(("limit", paging.Limit));
        ps.Add(("offset", paging.Offset));
        return Rows(sql, r =>
        {
            var ev = CorpusJson.DeserializeEvent(Packed.Unpack((byte[])r.GetValue(3))) ?? new EventOut();
            ev.Cluster = r.GetString(1);
            return new MentionHit(r.GetInt64(0), r.GetString(1), Str(r, 2), ev,
                new DocumentRef(r.GetInt64(4), Str(r, 5), Str(r, 6), Str(r, 7), Str(r, 8)));
        }, [.. ps]);
    }


    // ---------------------------------------------------------------- search

    /// <inheritdoc />
    public IReadOnlyList<SearchHit> Search(SearchQuery query, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(paging);
        var match = FtsQuery.Build(query.Text);
        if (match is null) return [];
        var words = Snippets.QueryWords(query.Text);
        var dateClause = new StringBuilder();
        var ps = new List<(string, object?)> { ("q", match), ("limit", paging.Limit), ("offset", paging.Offset) };
        if (query.From is { } from)
        {
            dateClause.Append(" AND d.published >= @from");
            ps.Add(("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (query.To is { } to)
        {
            dateClause.Append(" AND d.published <= @to");
            ps.Add(("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var hits = new List<SearchHit>();
        if (!query.Quotes)
        {
            // SQLite FTS5: bm25() with the surface column weighted above the stems column; lower is better.
            var rows = Rows($"""
                SELECT d.id, d.external_id, d.url, d.title, d.published, d.text, bm25(documents_fts, 3.0, 1.0) AS score
                FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                WHERE documents_fts MATCH @q{dateClause}
                ORDER BY score, d.id LIMIT @limit OFFSET @offset
                """,
                r => (Doc: StoreRows.DocRef(r), Text: r.GetString(5), Score: r.GetDouble(6)), [.. ps]);
            foreach (var row in rows)
            {
                var snippet = Snippets.Build(row.Text, words, query.MarkOpen, query.MarkClose);
                hits.Add(new SearchHit(row.Doc, -row.Score, snippet.Text, snippet.Highlights, null));
            }
            return hits;
        }
        var quoteRows = Rows($"""
            SELECT d.id, d.external_id, d.url, d.title, d.published, q.text, q.start_char, q.end_char, q.direct, q.cue, q.speaker_text,
                   a.kb_id, a.name, a.code, a.country, a.sector, bm25(quotes_fts, 3.0, 1.0) AS score
            FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.id = q.document_id
            LEFT JOIN actors a ON a.id = q.speaker_actor_id
            WHERE quotes_fts MATCH @q{dateClause}
            ORDER BY score, q.id LIMIT @limit OFFSET @offset
            """,
            r => (Doc: StoreRows.DocRef(r), Quote: StoreRows.Quote(r), Score: r.GetDouble(16)), [.. ps]);
        foreach (var row in quoteRows)
        {
            var snippet = Snippets.Build(row.Quote.Text, words, query.MarkOpen, query.MarkClose);
            var highlights = snippet.Highlights.Select(h => new SpanOut(h.Text, h.Start + row.Quote.Start, h.End + row.Quote.Start)).ToList();
            hits.Add(new SearchHit(row.Doc, -row.Score, snippet.Text, highlights, row.Quote));
        }
        return hits;
    }

    // ---------------------------------------------------------------- stats

    /// <inheritdoc />
    public CorpusStats Stats(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, ps) = EventFilterSql.Build(filter, "");
        var p = ps.ToArray();
        if (where.Length > 0)
        {
            // The matching events once, in a temporary table that the aggregates below join (portable: CREATE TEMP TABLE … AS).
            Exec("DROP TABLE IF EXISTS matched_events");
            Exec($"CREATE TEMP TABLE matched_events AS SELECT DISTINCT m.cluster_key FROM event_mentions m WHERE {where}", p);
        }
        var mWhere = where.Length == 0 ? "" : $"WHERE m.cluster_key IN (SELECT cluster_key FROM matched_events) AND ({where})";
        var eWhere = where.Length == 0 ? "" : "WHERE e.cluster_key IN (SELECT cluster_key FROM matched_events)";
        long Count(string sql) => Convert.ToInt64(Scalar(sql, p), CultureInfo.InvariantCulture);
        var documents = Convert.ToInt64(Scalar("SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);
        var failures = Convert.ToInt64(Scalar("SELECT COUNT(*) FROM failures"), CultureInfo.InvariantCulture);
        var events = where.Length == 0 ? Count("SELECT COUNT(*) FROM events") : Count("SELECT COUNT(*) FROM matched_events");
        var mentions = Count($"SELECT COUNT(*) FROM event_mentions m {mWhere}");
        var perDay = Rows($"SELECT COALESCE(e.first_date, '-'), COUNT(*) FROM events e {eWhere} GROUP BY e.first_date ORDER BY e.first_date", StoreRows.Count, p);
        var perType = Rows($"SELECT e.type, COUNT(*) FROM events e {eWhere} GROUP BY e.type ORDER BY COUNT(*) DESC, e.type", StoreRows.Count, p);
        var perDyad = Rows($"""
            SELECT COALESCE(r.source_country, '-') || '>' || COALESCE(r.target_country, '-') AS dyad, COUNT(*) FROM events e
            JOIN event_mentions r ON r.id = e.representative_id {eWhere}
            GROUP BY dyad ORDER BY COUNT(*) DESC, dyad LIMIT 50
            """, StoreRows.Count, p);
        var topActors = Rows($"""
            SELECT k, COUNT(DISTINCT c) FROM (
              SELECT COALESCE(m.source_code, m.source_country) AS k, m.cluster_key AS c FROM event_mentions m {mWhere}
              UNION ALL
              SELECT COALESCE(m.target_code, m.target_country) AS k, m.cluster_key AS c FROM event_mentions m {mWhere}) actors_of
            WHERE k IS NOT NULL GROUP BY k ORDER BY COUNT(DISTINCT c) DESC, k LIMIT 20
            """, StoreRows.Count, p);
        // Goldstein per dyad per ISO week: aggregated here, so the week arithmetic needs no engine-specific date functions.
        var weekly = new Dictionary<(string Week, string Dyad), (double Sum, long N)>();
        foreach (var (day, dyad, gold) in Rows($"""
            SELECT e.first_day, COALESCE(r.source_country, '-') || '>' || COALESCE(r.target_country, '-'), r.goldstein FROM events e
            JOIN event_mentions r ON r.id = e.representative_id {(eWhere.Length == 0 ? "WHERE" : eWhere + " AND")} e.first_day IS NOT NULL AND r.goldstein IS NOT NULL
            """, r => (Day: r.GetInt32(0), Dyad: r.GetString(1), Gold: r.GetDouble(2)), p))
        {
            var date = DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue);
            var week = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
            var k = (week, dyad);
            var cur = weekly.GetValueOrDefault(k);
            weekly[k] = (cur.Sum + gold, cur.N + 1);
        }
        var goldstein = weekly.OrderBy(kv => kv.Key.Week, StringComparer.Ordinal).ThenBy(kv => kv.Key.Dyad, StringComparer.Ordinal)
            .Select(kv => new GoldsteinRow(kv.Key.Week, kv.Key.Dyad, Math.Round(kv.Value.Sum, 3), kv.Value.N)).ToList();
        if (where.Length > 0) Exec("DROP TABLE IF EXISTS matched_events");
        return new CorpusStats(documents, events, mentions, failures, perDay, perType, perDyad, topActors, goldstein);
    }

    // ---------------------------------------------------------------- exports

    /// <inheritdoc />
    public IEnumerable<EventRecord> ExportEvents(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, ps) = EventFilterSql.Build(filter, "");
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (c, n) in Rows("""
            SELECT m.cluster_key, COUNT(DISTINCT COALESCE(d.source, d.url, d.origin, d.doc_key)) FROM event_mentions m
            JOIN documents d ON d.id = m.document_id GROUP BY m.cluster_key
            """, r => (r.GetString(0), r.GetInt32(1))))
            sources[c] = n;
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT e.cluster_key, e.first_date, e.last_date, e.mention_count, e.document_count, r.id, r.event_json, d.url, d.title, d.ingested_at
            FROM events e JOIN event_mentions r ON r.id = e.representative_id JOIN documents d ON d.id = r.document_id
            {(where.Length == 0 ? "" : $"WHERE e.cluster_key IN (SELECT m.cluster_key FROM event_mentions m WHERE {where})")}
            ORDER BY (e.first_date IS NULL), e.first_date, e.cluster_key
            """;
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue("@" + n, v ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var cluster = r.GetString(0);
            var ev = CorpusJson.DeserializeEvent(Packed.Unpack((byte[])r.GetValue(6))) ?? new EventOut();
            yield return new EventRecord(cluster, ExportId(cluster), ev.Type, ev.Mode, ev.Context, ev.Cameo, ev.CameoRoot, ev.QuadClass, ev.Goldstein,
                Actor(ev.Source), Actor(ev.Target), ev.Modality, ev.Date ?? Str(r, 1), Str(r, 1), Str(r, 2), ev.Location,
                r.GetInt32(3), r.GetInt32(4), sources.GetValueOrDefault(cluster, 1), Str(r, 7), Str(r, 8), ev.Evidence?.Text ?? ev.Anchor?.Text,
                Str(r, 9), r.GetInt64(5), ev.Id, ev.Sentence, ev.Evidence, Actor(ev.Reporter));
        }
    }

    /// <inheritdoc />
    public IEnumerable<MentionRecord> ExportMentions(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, ps) = EventFilterSql.Build(filter, "");
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT m.id, m.cluster_key, m.effective_date, m.event_json, d.id, d.external_id, d.url, d.title, d.published, d.source, d.char_count, d.ingested_at, e.first_date
            FROM event_mentions m JOIN documents d ON d.id = m.document_id JOIN events e ON e.cluster_key = m.cluster_key
            {(where.Length == 0 ? "" : "WHERE " + where)}
            ORDER BY (m.effective_date IS NULL), m.effective_date, m.id
            """;
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue("@" + n, v ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var cluster = r.GetString(1);
            var ev = CorpusJson.DeserializeEvent(Packed.Unpack((byte[])r.GetValue(3))) ?? new EventOut();
            ev.Cluster = cluster;
            yield return new MentionRecord(r.GetInt64(0), cluster, ExportId(cluster), ev.Id, Str(r, 2), Str(r, 12), ev,
                new DocumentRef(r.GetInt64(4), Str(r, 5), Str(r, 6), Str(r, 7), Str(r, 8)), Str(r, 9), r.GetInt32(10), Str(r, 11));
        }
    }

    /// <summary>A stable positive integer id for a cluster key (GDELT's GLOBALEVENTID is an integer).</summary>
    public static long ExportId(string clusterKey)
    {
        ArgumentNullException.ThrowIfNull(clusterKey);
        return long.Parse(clusterKey.AsSpan(0, Math.Min(15, clusterKey.Length)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static ActorRecord? Actor(ActorOut? a) => a is null ? null : new ActorRecord(a.Text, a.Id, a.Name, a.Code, a.Country, a.Sector);
}
