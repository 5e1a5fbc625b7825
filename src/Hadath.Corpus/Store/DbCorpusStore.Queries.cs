using System.Data.Common;
using System.Globalization;
using System.Text;
using Hadath.Core.Model;
using Hadath.Corpus.Search;

namespace Hadath.Corpus.Store;

/// <summary>
/// The reads: documents, failures, events and mentions under an <see cref="EventFilter"/> (<see cref="EventFilterSql"/>),
/// full-text search over a dialect's match (<see cref="TextMatch"/>), statistics and exports. Text is ordered by byte
/// on every engine (<see cref="DbCorpusStore.Bytewise"/>), so both stores list the same rows in the same order.
/// </summary>
public abstract partial class DbCorpusStore : ICorpusStore
{
    /// <summary>Number of document pointers returned with each event.</summary>
    public const int DocumentsPerEvent = 20;

    // ---------------------------------------------------------------- dialect hooks

    /// <summary>Runs a query for an export and maps its rows one by one as they are read (an engine that allows other
    /// statements while a reader is open streams them; otherwise the rows are read first).</summary>
    protected virtual IEnumerable<T> Stream<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        Rows(sql, map, parameters);

    /// <summary>
    /// The events matching a non-empty filter clause, for <see cref="Stats"/>: a table expression of their cluster keys, and
    /// the WHERE clause of the mentions counted. By default a subquery; an engine may fill a temporary table first
    /// (then <see cref="ForgetMatched"/> drops it).
    /// </summary>
    protected virtual MatchedEvents MatchEvents(string where, (string Name, object? Value)[] parameters) =>
        new($"(SELECT DISTINCT m.cluster_key FROM event_mentions m WHERE {where})", $"WHERE ({where})");

    /// <summary>Drops what <see cref="MatchEvents"/> created.</summary>
    protected virtual void ForgetMatched() { }

    /// <summary>The cluster keys of the matched events (a table expression) and the WHERE clause of their mentions <c>m</c>.</summary>
    protected sealed record MatchedEvents(string Keys, string MentionWhere);

    /// <summary>
    /// How a full-text query (parameter @q) matches the rows of documents <c>d</c> or quotes <c>q</c>: the FROM clause
    /// (joining <c>d</c>, and <c>q</c> for quotes), the condition, the score expression, and whether a lower score ranks
    /// higher (SQLite's bm25). Hits always carry a score where higher is better.
    /// </summary>
    protected sealed record TextMatch(string From, string Where, string Score, bool LowerIsBetter);

    // ---------------------------------------------------------------- documents

    /// <inheritdoc />
    public bool HasDocument(string key) => Scalar("SELECT 1 FROM documents WHERE doc_key = @k", ("k", key)) is not null;

    /// <inheritdoc />
    public virtual IReadOnlySet<string> ExistingKeys(IReadOnlyCollection<string> keys)
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
        var rows = Rows(StoreRows.DocumentById, StoreRows.Document, ("id", id));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredText> ReadDocuments(long afterId, int count) => Rows(StoreRows.DocumentsAfter, StoreRows.Text,
        ("a", afterId), ("n", (long)count));

    /// <inheritdoc />
    public IReadOnlyList<FailureRecord> Failures(Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return Rows(StoreRows.FailuresPage, StoreRows.Failure, ("l", (long)paging.Limit), ("o", (long)paging.Offset));
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
            ORDER BY (e.first_date IS NULL), e.first_date DESC, {Bytewise("e.cluster_key")}
            LIMIT @limit OFFSET @offset
            """;
        ps.Add(("limit", (long)paging.Limit));
        ps.Add(("offset", (long)paging.Offset));
        var rows = Rows(sql, r => (Cluster: r.GetString(0), First: Str(r, 1), Last: Str(r, 2), Mentions: (int)r.GetInt64(3), Documents: (int)r.GetInt64(4), Json: Packed.Unpack((byte[])r.GetValue(5))), [.. ps]);
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
        ps.Add(("limit", (long)paging.Limit));
        ps.Add(("offset", (long)paging.Offset));
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
    public abstract IReadOnlyList<SearchHit> Search(SearchQuery query, Paging paging);

    /// <summary>One page of documents (or quotes) matching <paramref name="q"/> (parameter @q) as the dialect matches it,
    /// best first, with highlighted snippets.</summary>
    protected List<SearchHit> SearchWith(SearchQuery query, Paging paging, object q, TextMatch documents, TextMatch quotes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(paging);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(quotes);
        var words = Snippets.QueryWords(query.Text);
        var dateClause = new StringBuilder();
        var ps = new List<(string, object?)> { ("q", q), ("limit", (long)paging.Limit), ("offset", (long)paging.Offset) };
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
            var m = documents;
            var rows = Rows($"""
                SELECT d.id, d.external_id, d.url, d.title, d.published, d.text, {m.Score} AS score
                FROM {m.From}
                WHERE {m.Where}{dateClause}
                ORDER BY score{(m.LowerIsBetter ? "" : " DESC")}, d.id LIMIT @limit OFFSET @offset
                """,
                r => (Doc: StoreRows.DocRef(r), Text: r.GetString(5), Score: r.GetDouble(6)), [.. ps]);
            foreach (var row in rows)
            {
                var snippet = Snippets.Build(row.Text, words, query.MarkOpen, query.MarkClose);
                hits.Add(new SearchHit(row.Doc, m.LowerIsBetter ? -row.Score : row.Score, snippet.Text, snippet.Highlights, null));
            }
            return hits;
        }
        var mq = quotes;
        var quoteRows = Rows($"""
            SELECT d.id, d.external_id, d.url, d.title, d.published, q.text, q.start_char, q.end_char, q.direct, q.cue, q.speaker_text,
                   a.kb_id, a.name, a.code, a.country, a.sector, {mq.Score} AS score
            FROM {mq.From}
            LEFT JOIN actors a ON a.id = q.speaker_actor_id
            WHERE {mq.Where}{dateClause}
            ORDER BY score{(mq.LowerIsBetter ? "" : " DESC")}, q.id LIMIT @limit OFFSET @offset
            """,
            r => (Doc: StoreRows.DocRef(r), Quote: StoreRows.Quote(r), Score: r.GetDouble(16)), [.. ps]);
        foreach (var row in quoteRows)
        {
            var snippet = Snippets.Build(row.Quote.Text, words, query.MarkOpen, query.MarkClose);
            var highlights = snippet.Highlights.Select(h => new SpanOut(h.Text, h.Start + row.Quote.Start, h.End + row.Quote.Start)).ToList();
            hits.Add(new SearchHit(row.Doc, mq.LowerIsBetter ? -row.Score : row.Score, snippet.Text, highlights, row.Quote));
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
        var matched = where.Length == 0 ? null : MatchEvents(where, p);
        var mWhere = matched?.MentionWhere ?? "";
        var eWhere = matched is null ? "" : $"WHERE e.cluster_key IN {matched.Keys}";
        long Count(string sql) => Convert.ToInt64(Scalar(sql, p), CultureInfo.InvariantCulture);
        var documents = Convert.ToInt64(Scalar("SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);
        var failures = Convert.ToInt64(Scalar("SELECT COUNT(*) FROM failures"), CultureInfo.InvariantCulture);
        var events = matched is null ? Count("SELECT COUNT(*) FROM events") : Count($"SELECT COUNT(*) FROM {matched.Keys} x");
        var mentions = Count($"SELECT COUNT(*) FROM event_mentions m {mWhere}");
        var perDay = Rows($"SELECT COALESCE(e.first_date, '-'), COUNT(*) FROM events e {eWhere} GROUP BY e.first_date ORDER BY {Bytewise("e.first_date")} NULLS FIRST", StoreRows.Count, p);
        var perType = Rows($"SELECT e.type, COUNT(*) FROM events e {eWhere} GROUP BY e.type ORDER BY COUNT(*) DESC, {Bytewise("e.type")}", StoreRows.Count, p);
        var perDyad = Rows($"""
            SELECT COALESCE(r.source_country, '-') || '>' || COALESCE(r.target_country, '-') AS dyad, COUNT(*) FROM events e
            JOIN event_mentions r ON r.id = e.representative_id {eWhere}
            GROUP BY dyad ORDER BY COUNT(*) DESC, {Bytewise("(COALESCE(r.source_country, '-') || '>' || COALESCE(r.target_country, '-'))")} LIMIT 50
            """, StoreRows.Count, p);
        var topActors = Rows($"""
            SELECT k, COUNT(DISTINCT c) FROM (
              SELECT COALESCE(m.source_code, m.source_country) AS k, m.cluster_key AS c FROM event_mentions m {mWhere}
              UNION ALL
              SELECT COALESCE(m.target_code, m.target_country) AS k, m.cluster_key AS c FROM event_mentions m {mWhere}) actors_of
            WHERE k IS NOT NULL GROUP BY k ORDER BY COUNT(DISTINCT c) DESC, {Bytewise("k")} LIMIT 20
            """, StoreRows.Count, p);
        // Goldstein per dyad per ISO week: aggregated here, so the week arithmetic needs no engine-specific date functions.
        var weekly = new Dictionary<(string Week, string Dyad), (double Sum, long N)>();
        foreach (var (day, dyad, gold) in Rows($"""
            SELECT e.first_day, COALESCE(r.source_country, '-') || '>' || COALESCE(r.target_country, '-'), r.goldstein FROM events e
            JOIN event_mentions r ON r.id = e.representative_id {(eWhere.Length == 0 ? "WHERE" : eWhere + " AND")} e.first_day IS NOT NULL AND r.goldstein IS NOT NULL
            """, r => (Day: (int)r.GetInt64(0), Dyad: r.GetString(1), Gold: r.GetDouble(2)), p))
        {
            var date = DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue);
            var week = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
            var k = (week, dyad);
            var cur = weekly.GetValueOrDefault(k);
            weekly[k] = (cur.Sum + gold, cur.N + 1);
        }
        var goldstein = weekly.OrderBy(kv => kv.Key.Week, StringComparer.Ordinal).ThenBy(kv => kv.Key.Dyad, StringComparer.Ordinal)
            .Select(kv => new GoldsteinRow(kv.Key.Week, kv.Key.Dyad, Math.Round(kv.Value.Sum, 3), kv.Value.N)).ToList();
        if (matched is not null) ForgetMatched();
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
            """, r => (r.GetString(0), (int)r.GetInt64(1))))
            sources[c] = n;
        var rows = Stream($"""
            SELECT e.cluster_key, e.first_date, e.last_date, e.mention_count, e.document_count, r.id, r.event_json, d.url, d.title, d.ingested_at
            FROM events e JOIN event_mentions r ON r.id = e.representative_id JOIN documents d ON d.id = r.document_id
            {(where.Length == 0 ? "" : $"WHERE e.cluster_key IN (SELECT m.cluster_key FROM event_mentions m WHERE {where})")}
            ORDER BY (e.first_date IS NULL), e.first_date, {Bytewise("e.cluster_key")}
            """,
            r => (Cluster: r.GetString(0), First: Str(r, 1), Last: Str(r, 2), Mentions: (int)r.GetInt64(3), Documents: (int)r.GetInt64(4), Rep: r.GetInt64(5),
                Json: (byte[])r.GetValue(6), Url: Str(r, 7), Title: Str(r, 8), Ingested: Str(r, 9)), [.. ps]);
        foreach (var row in rows)
        {
            var ev = CorpusJson.DeserializeEvent(Packed.Unpack(row.Json)) ?? new EventOut();
            yield return new EventRecord(row.Cluster, ExportId(row.Cluster), ev.Type, ev.Mode, ev.Context, ev.Cameo, ev.CameoRoot, ev.QuadClass, ev.Goldstein,
                Actor(ev.Source), Actor(ev.Target), ev.Modality, ev.Date ?? row.First, row.First, row.Last, ev.Location,
                row.Mentions, row.Documents, sources.GetValueOrDefault(row.Cluster, 1), row.Url, row.Title, ev.Evidence?.Text ?? ev.Anchor?.Text,
                row.Ingested, row.Rep, ev.Id, ev.Sentence, ev.Evidence, Actor(ev.Reporter));
        }
    }

    /// <inheritdoc />
    public IEnumerable<MentionRecord> ExportMentions(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, ps) = EventFilterSql.Build(filter, "");
        var rows = Stream($"""
            SELECT m.id, m.cluster_key, m.effective_date, m.event_json, d.id, d.external_id, d.url, d.title, d.published, d.source, d.char_count, d.ingested_at, e.first_date
            FROM event_mentions m JOIN documents d ON d.id = m.document_id JOIN events e ON e.cluster_key = m.cluster_key
            {(where.Length == 0 ? "" : "WHERE " + where)}
            ORDER BY (m.effective_date IS NULL), m.effective_date, m.id
            """,
            r => (Id: r.GetInt64(0), Cluster: r.GetString(1), Eff: Str(r, 2), Json: (byte[])r.GetValue(3), Doc: new DocumentRef(r.GetInt64(4), Str(r, 5), Str(r, 6), Str(r, 7), Str(r, 8)),
                Source: Str(r, 9), Chars: (int)r.GetInt64(10), Ingested: Str(r, 11), First: Str(r, 12)), [.. ps]);
        foreach (var row in rows)
        {
            var ev = CorpusJson.DeserializeEvent(Packed.Unpack(row.Json)) ?? new EventOut();
            ev.Cluster = row.Cluster;
            yield return new MentionRecord(row.Id, row.Cluster, ExportId(row.Cluster), ev.Id, row.Eff, row.First, ev,
                row.Doc, row.Source, row.Chars, row.Ingested);
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
