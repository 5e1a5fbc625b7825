using System.Text;
using Hadath.Core.Model;

namespace Hadath.Corpus.Search;

/// <summary>A snippet of a text around the words that match a query, with those words marked, and their offsets.</summary>
public sealed record Snippet(string Text, IReadOnlyList<SpanOut> Highlights);

/// <summary>
/// Builds highlighted snippets from the original text (never from index terms): the text is tokenised again, each
/// word's search terms are compared with the query's (<see cref="ArabicSearchTerms.Matches"/>), and the window of the
/// text with the most matches is cut out on word boundaries.
/// </summary>
public static class Snippets
{
    /// <summary>The query words of a query string (operators such as OR dropped).</summary>
    public static IReadOnlyList<WordTerms> QueryWords(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = new List<WordTerms>();
        foreach (var tok in ArabicSearchTerms.Words(query))
        {
            var w = tok.Span.Of(query);
            if (w is "OR" or "AND" or "NOT") continue;
            var t = ArabicSearchTerms.ForQuery(w);
            if (t.Surface.Count > 0) words.Add(t);
        }
        return words;
    }

    /// <summary>Offsets of every word of <paramref name="text"/> that matches one of the query words.</summary>
    public static List<SpanOut> Matches(string text, IReadOnlyList<WordTerms> query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var found = new List<SpanOut>();
        if (query.Count == 0) return found;
        var surface = new List<string>(6);
        var stems = new List<string>(3);
        foreach (var tok in ArabicSearchTerms.Words(text))
        {
            surface.Clear();
            stems.Clear();
            ArabicSearchTerms.AddWord(tok.Span.Of(text), tok.Stem.Of(text), surface, stems);
            var terms = new WordTerms(surface, stems);
            foreach (var q in query)
            {
                if (!ArabicSearchTerms.Matches(terms, q)) continue;
                found.Add(new SpanOut(text.Substring(tok.Start, tok.Length), tok.Start, tok.End));
                break;
            }
        }
        return found;
    }

    /// <summary>A snippet of about <paramref name="width"/> characters around the densest run of matches.</summary>
    public static Snippet Build(string text, IReadOnlyList<WordTerms> query, string open = "[", string close = "]", int width = 240)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = Matches(text, query);
        int from, to;
        if (matches.Count == 0)
        {
            from = 0;
            to = Math.Min(text.Length, width);
        }
        else
        {
            // The window [start - lead, start - lead + width) holding the most matches.
            var lead = width / 4;
            var bestCount = -1;
            var bestStart = 0;
            for (int i = 0, j = 0; i < matches.Count; i++)
            {
                var start = Math.Max(0, matches[i].Start - lead);
                while (j < matches.Count && matches[j].End <= start + width) j++;
                var count = j - i;
                if (count > bestCount) { bestCount = count; bestStart = start; }
            }
            from = bestStart;
            to = Math.Min(text.Length, from + width);
        }
        from = SnapStart(text, from);
        to = SnapEnd(text, to);
        var sb = new StringBuilder(to - from + 32);
        if (from > 0) sb.Append('…');
        var pos = from;
        var inWindow = new List<SpanOut>();
        foreach (var m in matches)
        {
            if (m.Start < from || m.End > to) continue;
            inWindow.Add(m);
            Append(sb, text, pos, m.Start);
            sb.Append(open).Append(text, m.Start, m.End - m.Start).Append(close);
            pos = m.End;
        }
        Append(sb, text, pos, to);
        if (to < text.Length) sb.Append('…');
        return new Snippet(sb.ToString(), matches);
    }

    private static void Append(StringBuilder sb, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            sb.Append(c is '\n' or '\r' or '\t' ? ' ' : c);
        }
    }

    private static int SnapStart(string text, int i)
    {
        if (i <= 0) return 0;
        var limit = Math.Max(0, i - 30);
        while (i > limit && !char.IsWhiteSpace(text[i - 1])) i--;
        return i;
    }

    private static int SnapEnd(string text, int i)
    {
        if (i >= text.Length) return text.Length;
        var limit = Math.Min(text.Length, i + 30);
        while (i < limit && !char.IsWhiteSpace(text[i])) i++;
        return i;
    }
}
