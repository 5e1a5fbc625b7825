using System.Text;

namespace Hadath.Corpus.Search;

/// <summary>
/// Turns a user's query into an FTS5 MATCH expression over the term lists that <see cref="ArabicSearchTerms.Index"/>
/// writes: every word becomes the OR of its query terms (as typed, without the article, light stem) in either column,
/// and words are ANDed (or ORed where the user writes OR between them). Terms are always quoted, so no user input is
/// read as FTS syntax.
/// </summary>
public static class FtsQuery
{
    /// <summary>The MATCH expression, or null when the query has no searchable word.</summary>
    public static string? Build(string query)
    {
        var groups = Groups(query);
        if (groups.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var g in groups)
        {
            if (sb.Length > 0) sb.Append(g.OrWithPrevious ? " OR " : " AND ");
            sb.Append('(').AppendJoin(" OR ", g.Terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append(')');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The query's words as groups of search terms, in order: each word's terms (as typed, without the article, light
    /// stem; see <see cref="ArabicSearchTerms.ForQuery"/>), joined to the previous group by AND, or by OR where the user
    /// wrote OR; AND and NOT are ignored, words with no term are dropped. Every store formats these in its own syntax.
    /// </summary>
    public static IReadOnlyList<(bool OrWithPrevious, IReadOnlyList<string> Terms)> Groups(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var groups = new List<(bool, IReadOnlyList<string>)>();
        var pendingOr = false;
        foreach (var tok in ArabicSearchTerms.Words(query))
        {
            var w = tok.Span.Of(query);
            if (w is "OR")
            {
                pendingOr = groups.Count > 0;
                continue;
            }
            if (w is "AND" or "NOT") continue;
            var terms = ArabicSearchTerms.ForQuery(w);
            if (terms.Surface.Count == 0) continue;
            groups.Add((pendingOr, [.. terms.Surface.Concat(terms.Stems)]));
            pendingOr = false;
        }
        return groups;
    }
}
