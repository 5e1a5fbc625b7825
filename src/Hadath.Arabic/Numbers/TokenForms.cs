using System.Collections.Frozen;

namespace Hadath.Arabic;

/// <summary>Which single-letter proclitics a dictionary look-up peeled off a token.</summary>
[Flags]
public enum Proclitics : byte
{
    None = 0,
    /// <summary>و or ف.</summary>
    Conjunction = 1,
    /// <summary>ب, ل or ك (also ل before an elided article: للعام = ل + العام).</summary>
    Preposition = 2,
}

/// <summary>The result of <see cref="TokenForms.TryLookup{T}"/>: the entry and what was peeled off the token to find it.</summary>
public readonly record struct WordHit<T>(T Value, Proclitics Proclitics, int Start);

/// <summary>
/// The <see cref="NormalizationOptions.Lexical"/> form of every token's whole surface (clitics included), computed
/// once per document, and dictionary look-ups that peel proclitics themselves. Closed-class words (numbers, month
/// and weekday names, time words) are found this way whatever the clitic segmenter decided for the token.
/// </summary>
public sealed class TokenForms
{
    private readonly string[] _forms;

    public TokenForms(ArabicText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        _forms = new string[text.Tokens.Count];
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[128];
        for (var i = 0; i < _forms.Length; i++)
        {
            var surface = text.Tokens[i].Span.Of(text.Text);
            if (surface.Length > 60) { _forms[i] = Normalizer.Normalize(surface); continue; }
            var n = Normalizer.Normalize(surface, buffer, NormalizationOptions.Lexical);
            var key = buffer[..n];
            if (!lookup.TryGetValue(key, out var s))
            {
                s = key.ToString();
                pool[s] = s;
            }
            _forms[i] = s;
        }
    }

    public ArabicText Text { get; }
    public int Count => _forms.Length;

    /// <summary>The normalised surface of token <paramref name="token"/> (interned per document).</summary>
    public string this[int token] => _forms[token];

    public TokenKind Kind(int token) => Text.Tokens[token].Kind;

    /// <summary>Whether the token is the single character <paramref name="c"/>.</summary>
    public bool Is(int token, char c) => token >= 0 && token < _forms.Length && _forms[token].Length == 1 && _forms[token][0] == c;

    /// <summary>Whether the token's normalised surface is exactly <paramref name="word"/>.</summary>
    public bool Is(int token, string word) => token >= 0 && token < _forms.Length && string.Equals(_forms[token], word, StringComparison.Ordinal);

    /// <summary>
    /// Looks token <paramref name="token"/> up: as written; then without a leading و/ف; then without a following (or
    /// leading) ب/ل/ك, reading "لل" as ل + ال. A remainder shorter than three letters is only accepted after و/ف, so that
    /// لست is not ل + ست. <see cref="WordHit{T}.Start"/> is the original offset where the looked-up word begins.
    /// </summary>
    public bool TryLookup<T>(FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> dictionary, int token, out WordHit<T> hit)
    {
        hit = default;
        if (token < 0 || token >= _forms.Length || Text.Tokens[token].Kind != TokenKind.Word) return false;
        var w = _forms[token].AsSpan();
        if (dictionary.TryGetValue(w, out var v)) { hit = new(v, Proclitics.None, Text.Tokens[token].Start); return true; }
        var p = 0;
        var flags = Proclitics.None;
        if (w.Length >= 3 && w[0] is 'و' or 'ف')
        {
            p = 1;
            flags = Proclitics.Conjunction;
            if (dictionary.TryGetValue(w[1..], out v)) { hit = new(v, flags, OriginalOffset(token, 1)); return true; }
        }
        if (w.Length - p >= 4 && w[p] is 'ب' or 'ل' or 'ك')
        {
            var rest = w[(p + 1)..];
            if (rest.Length >= 3 && dictionary.TryGetValue(rest, out v))
            {
                hit = new(v, flags | Proclitics.Preposition, OriginalOffset(token, p + 1));
                return true;
            }
            if (w[p] == 'ل' && rest.Length >= 3 && rest[0] == 'ل')
            {
                Span<char> buffer = stackalloc char[Math.Min(rest.Length + 1, 64)];
                if (rest.Length + 1 <= buffer.Length)
                {
                    buffer[0] = 'ا';
                    rest.CopyTo(buffer[1..]);
                    if (dictionary.TryGetValue(buffer[..(rest.Length + 1)], out v))
                    {
                        hit = new(v, flags | Proclitics.Preposition, OriginalOffset(token, p));
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>The original offset of the <paramref name="normalizedIndex"/>-th normalised character of a token.</summary>
    public int OriginalOffset(int token, int normalizedIndex)
    {
        var t = Text.Tokens[token];
        var seen = 0;
        for (var i = t.Start; i < t.End; i++)
        {
            if (Normalizer.Map(Text.Text[i], NormalizationOptions.Lexical) == '\0') continue;
            if (seen == normalizedIndex) return i;
            seen++;
        }
        return t.End;
    }
}
