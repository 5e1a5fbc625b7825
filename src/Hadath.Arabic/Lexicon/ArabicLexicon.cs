using System.Reflection;
using Hadath.Core.Data;
using Hadath.Core.Diagnostics;

namespace Hadath.Arabic;

/// <summary>What the word lists say about a normalised word form.</summary>
[Flags]
public enum WordClass : ushort
{
    None = 0,
    /// <summary>A noun, adjective or name stem (Ayaspell).</summary>
    Noun = 1 << 0,
    /// <summary>A verb stem, perfect or imperfect (Ayaspell).</summary>
    Verb = 1 << 1,
    /// <summary>A closed-class word (function-words.tsv); the Takes* flags say which clitics it accepts.</summary>
    Function = 1 << 2,
    /// <summary>A word of a person or place name (names-*.txt).</summary>
    Name = 1 << 3,
    /// <summary>Never split (whole-words.txt): a token spelt like this is protected.</summary>
    Whole = 1 << 4,
    /// <summary>The function word takes a pronoun enclitic.</summary>
    TakesEnclitic = 1 << 5,
    /// <summary>The function word takes the conjunctions و ف.</summary>
    TakesConjunction = 1 << 6,
    /// <summary>The function word takes the preposition ب.</summary>
    TakesBa = 1 << 7,
    /// <summary>The function word takes the preposition ك.</summary>
    TakesKaf = 1 << 8,
    /// <summary>The function word takes the preposition ل.</summary>
    TakesLam = 1 << 9,
    /// <summary>The function word takes the future particle س.</summary>
    TakesSin = 1 << 10,
    /// <summary>The word has a fixed segmentation (segmentations.tsv).</summary>
    Fixed = 1 << 11,
}

/// <summary>A fixed segmentation of a normalised word: proclitic and enclitic lengths in normalised chars.</summary>
public readonly record struct FixedSegmentation(byte Proclitic, byte Enclitic);

/// <summary>
/// The word lists of the Arabic text layer, compiled once into immutable tables keyed by the normalised
/// (<see cref="NormalizationOptions.Lexical"/>) form and looked up by span, without allocating:
/// Ayaspell noun and verb stems, closed-class words with the clitics they take, names, words never split,
/// and words with a fixed segmentation. Files are read from <c>data/arabic/</c> (embedded, or HADATH_DATA).
/// </summary>
public sealed class ArabicLexicon
{
    /// <summary>The data files, relative to <c>data/</c>.</summary>
    public static readonly string[] Files =
    [
        "arabic/ayaspell-stems.tsv", "arabic/function-words.tsv", "arabic/names-places.txt",
        "arabic/names-people.txt", "arabic/whole-words.txt", "arabic/segmentations.tsv",
    ];

    private static readonly Lazy<ArabicLexicon> s_default = new(() => Load(typeof(ArabicLexicon).Assembly), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SpanTable<WordClass> _words;
    private readonly SpanTable<FixedSegmentation> _fixed;

    /// <summary>Builds a lexicon from word classes and fixed segmentations (keys are normalised here).</summary>
    public ArabicLexicon(IEnumerable<KeyValuePair<string, WordClass>> words, IEnumerable<KeyValuePair<string, FixedSegmentation>>? fixedSegmentations = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var w = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        foreach (var (k, v) in words)
        {
            var key = NormalizedKey(k);
            if (key.Length == 0) continue;
            w[key] = w.GetValueOrDefault(key) | (v & ~WordClass.Fixed);
        }
        var f = new Dictionary<string, FixedSegmentation>(StringComparer.Ordinal);
        foreach (var (k, v) in fixedSegmentations ?? [])
        {
            var key = Normalizer.Normalize(k);
            if (key.Length == 0) continue;
            f[key] = v;
            w[key] = w.GetValueOrDefault(key) | WordClass.Fixed;
        }
        _words = new SpanTable<WordClass>(w);
        _fixed = new SpanTable<FixedSegmentation>(f);
    }

    // The normalised form of a key, allocating only when it differs (the shipped lists are normalised already).
    private static string NormalizedKey(string key)
    {
        Span<char> buffer = key.Length <= 64 ? stackalloc char[key.Length * Normalizer.MaxExpansion] : new char[key.Length * Normalizer.MaxExpansion];
        var n = Normalizer.Normalize(key, buffer, NormalizationOptions.Lexical);
        return buffer[..n].SequenceEqual(key) ? key : buffer[..n].ToString();
    }

    /// <summary>The lexicon built from the shipped data files (loaded once, on first use).</summary>
    public static ArabicLexicon Default => s_default.Value;

    /// <summary>An empty lexicon: the segmenter then splits only what its rules alone allow.</summary>
    public static ArabicLexicon Empty { get; } = new([]);

    /// <summary>Number of distinct word forms.</summary>
    public int Count => _words.Count;

    /// <summary>The classes of a normalised word form, or <see cref="WordClass.None"/>.</summary>
    public WordClass Lookup(ReadOnlySpan<char> normalized) =>
        _words.TryGetValue(normalized, out var c) ? c : WordClass.None;

    /// <summary>A fixed segmentation of a normalised word form (segmentations.tsv), if there is one.</summary>
    public bool TryGetFixed(ReadOnlySpan<char> normalized, out FixedSegmentation segmentation) =>
        _fixed.TryGetValue(normalized, out segmentation);

    /// <summary>Loads the data files embedded in <paramref name="owner"/> (or overridden under HADATH_DATA).</summary>
    public static ArabicLexicon Load(Assembly owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Load(file => DataFiles.ReadLines(owner, file));
    }

    /// <summary>Builds the lexicon from the lines of each of <see cref="Files"/> (1-based line numbers), as read by <paramref name="readLines"/>.</summary>
    public static ArabicLexicon Load(Func<string, IEnumerable<(int Line, string Text)>> readLines)
    {
        ArgumentNullException.ThrowIfNull(readLines);
        var words = new List<KeyValuePair<string, WordClass>>(100_000);
        foreach (var (line, text) in readLines("arabic/ayaspell-stems.tsv"))
        {
            if (Skip(text)) continue;
            var cols = text.Split('\t');
            if (cols.Length != 2 || cols[0].Length == 0) throw Bad("arabic/ayaspell-stems.tsv", line, "expected word<TAB>tags");
            var c = WordClass.None;
            foreach (var t in cols[1])
                c |= t switch
                {
                    'N' => WordClass.Noun,
                    'V' => WordClass.Verb,
                    _ => throw Bad("arabic/ayaspell-stems.tsv", line, $"unknown tag '{t}' (N or V)"),
                };
            words.Add(new(cols[0], c));
        }
        foreach (var (line, text) in readLines("arabic/function-words.tsv"))
        {
            if (Skip(text)) continue;
            var cols = text.Split('\t');
            if (cols.Length != 4 || cols[0].Length == 0) throw Bad("arabic/function-words.tsv", line, "expected word<TAB>proclitics<TAB>enclitic<TAB>class");
            var c = WordClass.Function;
            if (cols[1] != "-")
                foreach (var p in cols[1])
                    c |= p switch
                    {
                        'و' or 'ف' => WordClass.TakesConjunction,
                        'ب' => WordClass.TakesBa,
                        'ك' => WordClass.TakesKaf,
                        'ل' => WordClass.TakesLam,
                        'س' => WordClass.TakesSin,
                        _ => throw Bad("arabic/function-words.tsv", line, $"'{p}' is not a proclitic (و ف ب ك ل س)"),
                    };
            c |= cols[2] switch
            {
                "+" => WordClass.TakesEnclitic,
                "-" => WordClass.None,
                _ => throw Bad("arabic/function-words.tsv", line, "enclitic column must be + or -"),
            };
            if (cols[3] is not ("P" or "C" or "R" or "N" or "D" or "Q" or "V")) throw Bad("arabic/function-words.tsv", line, $"unknown class '{cols[3]}'");
            words.Add(new(cols[0], c));
        }
        foreach (var (file, cls) in new[] { ("arabic/names-places.txt", WordClass.Name), ("arabic/names-people.txt", WordClass.Name), ("arabic/whole-words.txt", WordClass.Whole) })
            foreach (var (line, text) in readLines(file))
            {
                if (Skip(text)) continue;
                var w = text.Trim();
                if (w.Contains(' ', StringComparison.Ordinal) || w.Contains('\t', StringComparison.Ordinal)) throw Bad(file, line, "one word a line");
                words.Add(new(w, cls));
            }
        var fixedSegs = new List<KeyValuePair<string, FixedSegmentation>>();
        foreach (var (line, text) in readLines("arabic/segmentations.tsv"))
        {
            if (Skip(text)) continue;
            var cols = text.Split('\t');
            if (cols.Length != 4 || cols[2].Length == 0) throw Bad("arabic/segmentations.tsv", line, "expected word<TAB>proclitics<TAB>stem<TAB>enclitic");
            if (!string.Equals(cols[1] + cols[2] + cols[3], cols[0], StringComparison.Ordinal)) throw Bad("arabic/segmentations.tsv", line, "the parts do not spell the word");
            var pro = Normalizer.Normalize(cols[1]).Length;
            var enc = Normalizer.Normalize(cols[3]).Length;
            if (pro > 3 || enc > 3) throw Bad("arabic/segmentations.tsv", line, "clitics are at most 3 letters");
            fixedSegs.Add(new(cols[0], new FixedSegmentation((byte)pro, (byte)enc)));
        }
        return new ArabicLexicon(words, fixedSegs);
    }

    private static bool Skip(string line) => line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line);

    private static HadathException Bad(string file, int line, string message) =>
        new(ErrorCode.LexiconLine, $"{ErrorCode.LexiconLine}: data/{file}:{line}: {message}");
}
