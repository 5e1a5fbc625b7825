namespace Hadath.Arabic;

/// <summary>
/// The text layer's result for one document: the original text (never modified), its sentences and tokens
/// (with clitic segmentation), and for each token its normalised stem, interned so later stages compare ids.
/// Everything points back into <see cref="Text"/> by offsets.
/// </summary>
public sealed class ArabicText
{
    private readonly int[] _sentenceFirstToken;

    internal ArabicText(string text, TextSpan[] sentences, Token[] tokens, int[] sentenceFirstToken, string[] stems)
    {
        Text = text;
        Sentences = sentences;
        Tokens = tokens;
        _sentenceFirstToken = sentenceFirstToken;
        Stems = stems;
    }

    public string Text { get; }
    public IReadOnlyList<TextSpan> Sentences { get; }
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>The normalised (<see cref="NormalizationOptions.Lexical"/>) stem of each token; for "لل"
    /// words the elided article is restored (للسلطة → السلطة). Strings are interned per document.</summary>
    public IReadOnlyList<string> Stems { get; }

    /// <summary>Tokens of sentence <paramref name="sentence"/> as a [first, last) index range.</summary>
    public Range TokensOf(int sentence) => _sentenceFirstToken[sentence].._sentenceFirstToken[sentence + 1];

    /// <summary>The sentence index of a character offset, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public string Surface(int token) => Text.Substring(Tokens[token].Start, Tokens[token].Length);
}

/// <summary>Runs the text layer: sentences, tokens, clitics, normalised stems.</summary>
public sealed class ArabicAnalyzer
{
    private readonly CliticSegmenter _segmenter;

    public ArabicAnalyzer(CliticSegmenter? segmenter = null) => _segmenter = segmenter ?? CliticSegmenter.Default;

    public static ArabicAnalyzer Default { get; } = new();

    public ArabicText Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = SentenceSplitter.Split(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        var firsts = new int[sentences.Count + 1];
        for (var s = 0; s < sentences.Count; s++)
        {
            firsts[s] = tokens.Count;
            Tokenizer.Tokenize(text, sentences[s], tokens);
        }
        firsts[sentences.Count] = tokens.Count;
        var stems = new string[tokens.Count];
        var pool = new Dictionary<string, string>(Math.Min(tokens.Count, 4096), StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[CliticSegmenter.MaxWordLength * Normalizer.MaxExpansion + 8];
        for (var t = 0; t < tokens.Count; t++)
        {
            var tok = _segmenter.Segment(text, tokens[t], buffer, out var n);
            tokens[t] = tok;
            if (n < 0)
            {
                // not a segmented word: normalise the token (a long one into a string of its own)
                var stem = tok.Stem;
                if (stem.Length > CliticSegmenter.MaxWordLength) { stems[t] = Normalizer.Normalize(stem.Of(text)); continue; }
                n = 0;
                if ((tok.Flags & TokenFlags.ElidedArticle) != 0) buffer[n++] = 'ا';
                n += Normalizer.Normalize(stem.Of(text), buffer[n..], NormalizationOptions.Lexical);
            }
            var key = buffer[..n];
            if (!lookup.TryGetValue(key, out var interned))
            {
                interned = key.ToString();
                pool[interned] = interned;
            }
            stems[t] = interned;
        }
        return new ArabicText(text, [.. sentences], [.. tokens], firsts, stems);
    }
}
