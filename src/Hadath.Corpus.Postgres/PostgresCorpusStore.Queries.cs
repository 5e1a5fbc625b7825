using Hadath.Corpus.Search;
using Hadath.Corpus.Store;

namespace Hadath.Corpus.Postgres;

public sealed partial class PostgresCorpusStore
{
    /// <summary>The stored keys among <paramref name="keys"/>, in one query over an array parameter.</summary>
    public override IReadOnlySet<string> ExistingKeys(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
        return new HashSet<string>(Rows("SELECT doc_key FROM documents WHERE doc_key = ANY(@k)", r => r.GetString(0), ("k", keys.ToArray())), StringComparer.Ordinal);
    }

    /// <summary>
    /// Full-text search over the same term lists as the SQLite store (a tsquery of exact lexemes from
    /// <see cref="PostgresTsQuery.Build"/>), ranked by ts_rank with surface forms (A) above stems (B). When the terms
    /// match nothing, the <c>arabic</c> configuration's stemmed index is tried (plainto_tsquery('arabic', …)), which
    /// finds looser inflections the term lists miss.
    /// </summary>
    public override IReadOnlyList<SearchHit> Search(SearchQuery query, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(paging);
        var tsq = PostgresTsQuery.Build(query.Text);
        if (tsq is null) return [];
        var hits = SearchWith(query, paging, tsq, Match("d", "terms", "@q::tsquery"), Match("q", "terms", "@q::tsquery"));
        if (hits.Count == 0 && paging.Offset == 0)
            hits = SearchWith(query, paging, query.Text, Match("d", "text_ar", "plainto_tsquery('arabic', @q)"), Match("q", "text_ar", "plainto_tsquery('arabic', @q)"));
        return hits;
    }

    /// <summary>Rows of documents <c>d</c> or quotes <c>q</c> whose tsvector <paramref name="column"/> matches <paramref name="tsquery"/>.</summary>
    private static TextMatch Match(string alias, string column, string tsquery)
    {
        // ts_rank weights {D, C, B, A}: surface forms three times the stems, as the SQLite store's bm25 column weights.
        const string Weights = "'{0.1, 0.2, 0.33, 1.0}'";
        var from = alias == "q" ? "quotes q JOIN documents d ON d.id = q.document_id" : "documents d";
        return new TextMatch(from, $"{alias}.{column} @@ {tsquery}", $"ts_rank({Weights}, {alias}.{column}, {tsquery})::float8", LowerIsBetter: false);
    }
}
