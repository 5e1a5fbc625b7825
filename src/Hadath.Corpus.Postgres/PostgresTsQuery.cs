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
        var groups = FtsQuery.Groups(query);
        if (groups.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var g in groups)
        {
            if (sb.Length > 0) sb.Append(g.OrWithPrevious ? " | " : " & ");
            sb.Append('(').AppendJoin(" | ", g.Terms.Distinct(StringComparer.Ordinal)
                .Select(t => "'" + t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'")).Append(')');
        }
        return sb.ToString();
    }
}
