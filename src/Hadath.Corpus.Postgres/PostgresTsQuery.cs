using System.Text;
using Hadath.Corpus.Search;

namespace Hadath.Corpus.Postgres;

/// <summary>
/// A user's query as a PostgreSQL tsquery over the term lists of <see cref="ArabicSearchTerms.Index"/>, with the rules
/// of the SQLite store's <see cref="FtsQuery"/>: each word is the OR of its query terms (<see cref="ArabicSearchTerms.ForQuery"/>),
/// words are ANDed (ORed where the user writes OR), AND and NOT are ignored. Every term is a quoted lexeme, so no user
/// input is read as tsquery syntax and nothing is stemmed again.
/// </summary>
public static class PostgresTsQuery
{
    /// <summary>The tsquery text (to cast with <c>::tsquery</c>), or null when the query has no searchable word.</summary>
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
            if (sb.Length > 0) sb.Append(pendingOr ? " | " : " & ");
            pendingOr = false;
            sb.Append('(');
            var first = true;
            foreach (var t in terms.Surface.Concat(terms.Stems).Distinct(StringComparer.Ordinal))
            {
                if (!first) sb.Append(" | ");
                first = false;
                sb.Append('\'').Append(t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            }
            sb.Append(')');
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}
