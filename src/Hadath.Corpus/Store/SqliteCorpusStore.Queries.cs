using System.Data.Common;
using Hadath.Corpus.Search;

namespace Hadath.Corpus.Store;

public sealed partial class SqliteCorpusStore
{
    /// <summary>SQLite FTS5: the query of <see cref="FtsQuery.Build"/> against the contentless tables documents_fts and
    /// quotes_fts, ranked by bm25() with the surface column weighted above the stems column (lower is better).</summary>
    public override IReadOnlyList<SearchHit> Search(SearchQuery query, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(paging);
        var match = FtsQuery.Build(query.Text);
        if (match is null) return [];
        return SearchWith(query, paging, match,
            new TextMatch("documents_fts JOIN documents d ON d.id = documents_fts.rowid", "documents_fts MATCH @q", "bm25(documents_fts, 3.0, 1.0)", LowerIsBetter: true),
            new TextMatch("quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.id = q.document_id", "quotes_fts MATCH @q", "bm25(quotes_fts, 3.0, 1.0)", LowerIsBetter: true));
    }

    /// <summary>The matching events once, in a temporary table that the aggregates join (portable: CREATE TEMP TABLE … AS).</summary>
    protected override MatchedEvents MatchEvents(string where, (string Name, object? Value)[] parameters)
    {
        Exec("DROP TABLE IF EXISTS matched_events");
        Exec($"CREATE TEMP TABLE matched_events AS SELECT DISTINCT m.cluster_key FROM event_mentions m WHERE {where}", parameters);
        return new MatchedEvents("(SELECT cluster_key FROM matched_events)", $"WHERE m.cluster_key IN (SELECT cluster_key FROM matched_events) AND ({where})");
    }

    /// <inheritdoc />
    protected override void ForgetMatched() => Exec("DROP TABLE IF EXISTS matched_events");

    /// <summary>Exports read row by row from their own command (outside the kept ones), so a large corpus is never held in memory.</summary>
    protected override IEnumerable<T> Stream<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(ParameterPrefix + n, v ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return map(r);
    }
}
