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
        ArgumentNullException.ThrowIfNull(query);
        var sb = new StringBuilder();
        var pendingOr = false;
        foreach (var tok in ArabicSearchTerms.Words(query))
        {
            var w = tok.Span.Of(query);
            if (w is "OR")
            {
                pendingOr = sb.Length > 0;
                continue;
            }
            if (w is "AND" or "NOT") continue;
            var terms = ArabicSearchTerms.ForQuery(w);
            if (terms.Surface.Count == 0) continue;
            if (sb.Length > 0) sb.Append(pendingOr ? " OR " : " AND ");
            pendingOr = false;
            sb.Append('(');
            var first = true;
            foreach (var t in terms.Surface.Concat(terms.Stems))
            {
                if (!first) sb.Append(" OR ");
                first = false;
                sb.Append('"').Append(t.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            sb.Append(')');
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}
