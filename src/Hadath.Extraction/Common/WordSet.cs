using System.Collections.Frozen;
using Hadath.Arabic;

namespace Hadath.Extraction.Common;

/// <summary>
/// An immutable set of normalised Arabic words (NormalizationOptions.Lexical) matched against token stems,
/// tolerant of a conjunction the segmenter left attached (وأضاف, فأعلن) and of the article (ال) when asked.
/// </summary>
public sealed class WordSet
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words.Select(w => Normalizer.Normalize(w, NormalizationOptions.Lexical)).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordSet Of(params string[] words) => new(words);

    public int Count => _words.Count;

    public bool Contains(ReadOnlySpan<char> normalized) => _lookup.Contains(normalized);

    /// <summary>Whether token <paramref name="token"/>'s stem is in the set, also after stripping a leading و/ف.</summary>
    public bool Matches(ArabicText text, int token)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (token < 0 || token >= text.Tokens.Count) return false;
        var stem = text.Stems[token].AsSpan();
        if (_lookup.Contains(stem)) return true;
        if (stem.Length > 3 && stem[0] is 'و' or 'ف' && _lookup.Contains(stem[1..])) return true;
        return false;
    }

    /// <summary>As <see cref="Matches"/>, also looking at the stem without a pronoun enclitic the segmenter left on.</summary>
    public bool MatchesLoose(ArabicText text, int token)
    {
        if (Matches(text, token)) return true;
        var stem = text.Stems[token].AsSpan();
        if (stem.Length > 2 && stem[0] is 'و' or 'ف') stem = stem[1..];
        foreach (var suffix in PronounSuffixes)
            if (stem.Length > suffix.Length + 2 && stem.EndsWith(suffix, StringComparison.Ordinal) && _lookup.Contains(stem[..^suffix.Length])) return true;
        return false;
    }

    private static readonly string[] PronounSuffixes = ["هما", "هم", "هن", "ها", "ه", "كم", "نا"];
}
