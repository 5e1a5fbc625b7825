using System.Text;
using Hadath.Arabic;

namespace Hadath.Corpus.Search;

/// <summary>The search terms of one word: the forms it is indexed and found under.</summary>
/// <param name="Surface">Normalised forms: the whole word, and the word without proclitics and without the article.</param>
/// <param name="Stems">Light plural/feminine stems of those forms, where they differ from the form.</param>
public sealed record WordTerms(IReadOnlyList<string> Surface, IReadOnlyList<string> Stems);

/// <summary>What a document or quote is indexed as: two space-separated term lists (FTS5 columns).</summary>
public readonly record struct IndexedText(string Surface, string Stems);

/// <summary>
/// Arabic search terms, clitic-aware and name-safe. Every word is indexed under its full normalised form
/// (<see cref="NormalizationOptions.Search"/>: no diacritics, one alef, ي for ى, ه for ة, hamza folded), so a name is
/// always found as written (ويتكوف stays ويتكوف); and also under the forms left when single-letter proclitics
/// (و ف, then ب ك ل) and the article ال are taken off (وموسكو, بموسكو → موسكو; للسلطة → السلطة, سلطة); and, in a
/// second list, under a light stem without a plural or feminine suffix (المظاهرات, مظاهرة → مظاهر). Queries are not
/// stripped of proclitics (a query word is taken as the user typed it) but are article-stripped and stemmed, so the
/// expansion happens on the index side only. Pure functions, no state.
/// </summary>
public static class ArabicSearchTerms
{
    private const char Waw = 'و', Fa = 'ف', Ba = 'ب', Kaf = 'ك', Lam = 'ل', Alef = 'ا', Heh = 'ه', Teh = 'ت', Yeh = 'ي', Noon = 'ن';

    /// <summary>Shortest form a proclitic or the article may leave behind.</summary>
    private const int MinRemainder = 3;

    /// <summary>The normalised search key of a word: Search normalisation, letters and digits only, Latin lower-cased.</summary>
    public static string Key(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return "";
        var buffer = word.Length <= 128 ? stackalloc char[word.Length * 2] : new char[word.Length * 2];
        var n = Normalizer.Normalize(word, buffer, NormalizationOptions.Search);
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            var c = buffer[i];
            if (!char.IsLetterOrDigit(c)) continue;
            buffer[k++] = c < '\u0080' ? char.ToLowerInvariant(c) : c;
        }
        return k == 0 ? "" : new string(buffer[..k]);
    }

    /// <summary>The index terms of one word (surface forms and light stems), without duplicates.</summary>
    public static WordTerms ForWord(ReadOnlySpan<char> word, ReadOnlySpan<char> segmenterStem = default)
    {
        var surface = new List<string>(4);
        var stems = new List<string>(2);
        AddWord(word, segmenterStem, surface, stems);
        return new WordTerms(surface, stems);
    }

    /// <summary>Adds the terms of one word to the lists (skipping ones already there).</summary>
    public static void AddWord(ReadOnlySpan<char> word, ReadOnlySpan<char> segmenterStem, List<string> surface, List<string> stems)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(stems);
        var full = Key(word);
        if (full.Length == 0) return;
        var first = surface.Count;
        AddUnique(surface, full);
        if (!segmenterStem.IsEmpty)
        {
            var seg = Key(segmenterStem);
            if (seg.Length >= MinRemainder) AddUnique(surface, seg);
        }
        if (IsArabicLetter(full[0]))
        {
            // Conjunction, then preposition: و/ف + ب/ك/ل + stem; "لل" is ل + an elided article.
            var rest = full.AsSpan();
            if (rest[0] is Waw or Fa && rest.Length - 1 >= MinRemainder)
            {
                rest = rest[1..];
                AddUnique(surface, rest.ToString());
            }
            if (rest.Length >= 2 && rest[0] == Lam && rest[1] == Lam && rest.Length - 2 >= 2)
            {
                AddUnique(surface, string.Concat("ال", rest[2..]));
                AddUnique(surface, rest[2..].ToString());
            }
            else if (rest[0] is Ba or Kaf or Lam && rest.Length - 1 >= MinRemainder)
            {
                AddUnique(surface, rest[1..].ToString());
            }
            // The article on every form found so far.
            for (var i = first; i < surface.Count; i++)
            {
                var f = surface[i];
                if (f.Length - 2 >= 2 && f[0] == Alef && f[1] == Lam) AddUnique(surface, f[2..]);
            }
            for (var i = first; i < surface.Count; i++)
            {
                var f = surface[i];
                if (f.Length >= 2 && f[0] == Alef && f[1] == Lam) continue; // stems are taken from article-free forms
                var s = LightStem(f);
                if (s.Length != f.Length) AddUnique(stems, s.ToString());
            }
        }
    }

    /// <summary>
    /// A light stem: one plural or feminine suffix off a normalised word (ات, ة/ه, تين/تان, ون/ين/ان), keeping at
    /// least three letters (four before ون/ين/ان, so that names such as بوتين or لبنان keep their last letters).
    /// Prefixes are never touched here.
    /// </summary>
    public static ReadOnlySpan<char> LightStem(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n >= 5 && w[n - 2] == Alef && w[n - 1] == Teh) return w[..^2];                                  // ات
        if (n >= 6 && w[n - 3] == Teh && (w[n - 2] == Yeh || w[n - 2] == Alef) && w[n - 1] == Noon) return w[..^3]; // تين تان
        if (n >= 6 && w[n - 1] == Noon && (w[n - 2] is Waw or Yeh or Alef)) return w[..^2];                  // ون ين ان
        if (n >= 4 && w[n - 1] == Heh) return w[..^1];                                                     // ة (ه after normalisation)
        return w;
    }

    /// <summary>What a query word is matched against: its surface forms (as typed, and without the article) and its light stem.</summary>
    public static WordTerms ForQuery(ReadOnlySpan<char> word)
    {
        var full = Key(word);
        var surface = new List<string>(2);
        var stems = new List<string>(1);
        if (full.Length == 0) return new WordTerms(surface, stems);
        AddUnique(surface, full);
        var bare = full.AsSpan();
        if (bare.Length - 2 >= 2 && bare[0] == Alef && bare[1] == Lam)
        {
            bare = bare[2..];
            AddUnique(surface, bare.ToString());
        }
        if (IsArabicLetter(full[0]))
        {
            var s = LightStem(bare);
            if (s.Length != bare.Length) AddUnique(stems, s.ToString());
        }
        return new WordTerms(surface, stems);
    }

    /// <summary>Indexes a text (and an optional title): every word's surface forms and stems as two space-separated lists.</summary>
    public static IndexedText Index(string text, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var surface = new StringBuilder(text.Length + 64);
        var stems = new StringBuilder(text.Length / 4 + 16);
        var s = new List<string>(6);
        var st = new List<string>(3);
        if (!string.IsNullOrEmpty(title)) IndexInto(title, surface, stems, s, st);
        IndexInto(text, surface, stems, s, st);
        return new IndexedText(surface.ToString(), stems.ToString());
    }

    private static void IndexInto(string text, StringBuilder surface, StringBuilder stems, List<string> s, List<string> st)
    {
        foreach (var tok in Words(text))
        {
            s.Clear();
            st.Clear();
            AddWord(tok.Span.Of(text), tok.Stem.Of(text), s, st);
            foreach (var x in s) surface.Append(x).Append(' ');
            foreach (var x in st) stems.Append(x).Append(' ');
        }
    }

    /// <summary>The word and number tokens of a text with their clitic segmentation (Hadath.Arabic's tokenizer and segmenter).</summary>
    public static IEnumerable<Token> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var tok in Tokenizer.Tokenize(text))
        {
            if (tok.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            yield return tok.Kind == TokenKind.Word ? CliticSegmenter.Default.Segment(text, tok) : tok;
        }
    }

    /// <summary>
    /// True when a word's index terms (from <see cref="ForWord"/>) match a query word (from <see cref="ForQuery"/>):
    /// any query term equals any index term, in either list — the same rule the full-text query applies.
    /// </summary>
    public static bool Matches(WordTerms indexed, WordTerms query)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(query);
        foreach (var q in query.Surface.Concat(query.Stems))
            if (indexed.Surface.Contains(q, StringComparer.Ordinal) || indexed.Stems.Contains(q, StringComparer.Ordinal)) return true;
        return false;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';

    private static void AddUnique(List<string> list, string s)
    {
        foreach (var x in list)
            if (string.Equals(x, s, StringComparison.Ordinal)) return;
        list.Add(s);
    }
}
