using Hadath.Arabic;

namespace Hadath.Knowledge.Kb;

/// <summary>
/// How names are compared: every token is normalised with <see cref="NormalizationOptions.Search"/> (no diacritics or
/// tatweel, one alef, ى→ي, ة→ه, hamza carriers folded), so غزة/غزه and إسرائيل/اسرائيل meet.
/// </summary>
public static class NameKey
{
    public const NormalizationOptions Options = NormalizationOptions.Search;

    /// <summary>Writes the key of <paramref name="token"/> into <paramref name="buffer"/> (2 × length) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> token, Span<char> buffer) => Normalizer.Normalize(token, buffer, Options);

    /// <summary>The keys of the tokens of a name (as the tokenizer splits it).</summary>
    public static List<string> Tokens(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var list = new List<string>(4);
        foreach (var t in Tokenizer.Tokenize(name))
        {
            var k = Normalizer.Normalize(t.Span.Of(name), Options);
            if (k.Length > 0) list.Add(k);
        }
        return list;
    }
}

/// <summary>
/// An immutable trie over token keys. Token keys are interned to integer ids; a node's children are looked up by
/// (node, token id); each node keeps the <see cref="NameRef"/>s of the names that end there, so every match says
/// which entries matched.
/// </summary>
public sealed class NameTrie
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<long, int> _edges;
    private readonly NameRef[][] _payloads;

    private NameTrie(Dictionary<string, int> vocabulary, Dictionary<long, int> edges, NameRef[][] payloads)
    {
        _vocabulary = vocabulary;
        _lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _edges = edges;
        _payloads = payloads;
    }

    /// <summary>The root node.</summary>
    public const int Root = 0;

    public int NodeCount => _payloads.Length;
    public int VocabularySize => _vocabulary.Count;

    /// <summary>The id of a normalised token key, or -1 when no name contains it.</summary>
    public int TokenId(ReadOnlySpan<char> key) => _lookup.TryGetValue(key, out var id) ? id : -1;

    /// <summary>The child of <paramref name="node"/> along token <paramref name="tokenId"/>, or -1.</summary>
    public int Next(int node, int tokenId) =>
        tokenId < 0 ? -1 : _edges.TryGetValue(((long)node << 32) | (uint)tokenId, out var child) ? child : -1;

    /// <summary>The names that end at <paramref name="node"/>.</summary>
    public ReadOnlySpan<NameRef> At(int node) => _payloads[node];

    /// <summary>Builds a trie; add names, then <see cref="Build"/>.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _edges = [];
        private readonly List<List<NameRef>?> _payloads = [null];

        /// <summary>Adds a name given as its token keys. Returns false when the name has no tokens.</summary>
        public bool Add(IReadOnlyList<string> tokenKeys, NameRef payload)
        {
            ArgumentNullException.ThrowIfNull(tokenKeys);
            if (tokenKeys.Count == 0) return false;
            var node = Root;
            foreach (var key in tokenKeys)
            {
                if (!_vocabulary.TryGetValue(key, out var id)) _vocabulary[key] = id = _vocabulary.Count;
                var edge = ((long)node << 32) | (uint)id;
                if (!_edges.TryGetValue(edge, out var child))
                {
                    child = _payloads.Count;
                    _payloads.Add(null);
                    _edges[edge] = child;
                }
                node = child;
            }
            var list = _payloads[node] ??= [];
            if (!list.Contains(payload)) list.Add(payload);
            return true;
        }

        /// <summary>Whether a name with these token keys has been added.</summary>
        public bool Contains(IReadOnlyList<string> tokenKeys)
        {
            ArgumentNullException.ThrowIfNull(tokenKeys);
            var node = Root;
            foreach (var key in tokenKeys)
            {
                if (!_vocabulary.TryGetValue(key, out var id) || !_edges.TryGetValue(((long)node << 32) | (uint)id, out node)) return false;
            }
            return _payloads[node] is { Count: > 0 };
        }

        public NameTrie Build() =>
            new(new Dictionary<string, int>(_vocabulary, StringComparer.Ordinal), new Dictionary<long, int>(_edges),
                [.. _payloads.Select(p => p is null ? [] : p.ToArray())]);
    }
}
