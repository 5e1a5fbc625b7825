using Hadath.Arabic;
using Hadath.Knowledge.Kb;

namespace Hadath.Extraction.Entities;

/// <summary>
/// The trie keys of a document's tokens: the id of each whole token, and on demand the ids of the token with its
/// proclitics taken off (وبوتين → بوتين, لأوكرانيا → أوكرانيا, للكرملين → الكرملين, بالناتو → الناتو).
/// </summary>
internal sealed class TokenKeys
{
    private readonly ArabicText _text;
    private readonly NameTrie _trie;
    private readonly int[] _ids;
    private readonly ArabicLexicon _lexicon;

    public TokenKeys(ArabicText text, NameTrie trie, ArabicLexicon lexicon)
    {
        _text = text;
        _trie = trie;
        _lexicon = lexicon;
        _ids = new int[text.Tokens.Count];
        Span<char> buffer = stackalloc char[256];
        for (var t = 0; t < _ids.Length; t++)
        {
            var tok = text.Tokens[t];
            if (tok.Length > 120) { _ids[t] = -1; continue; }
            var n = NameKey.Normalize(tok.Span.Of(text.Text), buffer);
            _ids[t] = _trie.TokenId(buffer[..n]);
        }
    }

    /// <summary>The trie token id of the whole token, or -1.</summary>
    public int Id(int token) => token >= 0 && token < _ids.Length ? _ids[token] : -1;

    /// <summary>
    /// One way to read a token: its id after taking off <see cref="Prefix"/> characters of proclitics. <see cref="Elided"/>
    /// when the reading restores the article that ل elides (للكرملين → الكرملين): the name then starts one character
    /// earlier, at لل, since the text holds no ال to start it at.
    /// </summary>
    public readonly record struct Variant(int Prefix, int Id, bool Elided = false);

    /// <summary>
    /// Writes the readings of token <paramref name="token"/> with one or two proclitics (و ف ب ك ل, and ل + ال elided
    /// as لل) taken off into <paramref name="variants"/>, the whole token first; returns how many were written.
    /// </summary>
    public int Variants(int token, Span<Variant> variants)
    {
        var count = 0;
        variants[count++] = new Variant(0, _ids[token]);
        var tok = _text.Tokens[token];
        if (tok.Kind != TokenKind.Word || tok.Length < 3 || tok.Length > 120) return count;
        var surface = tok.Span.Of(_text.Text);
        Span<char> buffer = stackalloc char[256];
        Span<int> map = stackalloc int[256];
        // a common word is not read as a clitic + name (بيان is not ب + يان, بلاد is not ب + لاد)
        var lexical = Normalizer.Normalize(surface, buffer, NormalizationOptions.Lexical);
        var cls = _lexicon.Lookup(buffer[..lexical]);
        if ((cls & (WordClass.Noun | WordClass.Verb | WordClass.Function)) != 0 && (cls & WordClass.Name) == 0) return count;
        var n = Normalizer.Normalize(surface, buffer, NameKey.Options, map);
        var key = buffer[..n];
        Span<char> elided = stackalloc char[258];
        for (var p = 1; p <= 2 && p < n - 1; p++)
        {
            var c = key[p - 1];
            var ok = p == 1 ? c is 'و' or 'ف' or 'ب' or 'ل' or 'ك' : key[0] is 'و' or 'ف' && c is 'ب' or 'ل' or 'ك';
            if (!ok) break;
            var rest = key[p..];
            var surfacePrefix = map[p];
            if (rest.Length >= 2)
            {
                var id = _trie.TokenId(rest);
                if (id >= 0 && count < variants.Length) variants[count++] = new Variant(surfacePrefix, id);
            }
            // ل + ال written لل: للكرملين → الكرملين
            if (c == 'ل' && rest.Length >= 3 && rest[0] == 'ل' && rest[1] != 'ل' && count < variants.Length)
            {
                elided[0] = 'ا';
                rest.CopyTo(elided[1..]);
                var id = _trie.TokenId(elided[..(rest.Length + 1)]);
                if (id >= 0) variants[count++] = new Variant(surfacePrefix, id, Elided: true);
            }
        }
        return count;
    }
}
