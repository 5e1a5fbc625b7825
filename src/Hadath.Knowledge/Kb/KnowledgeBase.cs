using System.Diagnostics;
using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge.Kb;

/// <summary>A problem found while loading the knowledge base, located by file and line.</summary>
public sealed record KbDiagnostic(string Code, string File, int Line, string Message)
{
    public override string ToString() => $"{Code}: {File}:{Line}: {Message}";
}

/// <summary>
/// The knowledge base of actors and places, compiled at start-up from the TSV files under data/kb into immutable
/// structures: entries with dated roles, agent nouns, demonyms, given names, and one trie over the normalised tokens
/// of all their names. Thread-safe: nothing changes after <see cref="Load(IReadOnlyDictionary{string, string}?)"/>.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, int> _byId;
    private static readonly Lazy<KnowledgeBase> LazyDefault = new(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    internal KnowledgeBase(List<KbEntry> entries, List<Agent> agents, List<Demonym> demonyms, List<string> givenNames,
        NameTrie trie, HashSet<string> countryCodes, TimeSpan loadTime)
    {
        Entries = entries;
        Agents = agents;
        Demonyms = demonyms;
        GivenNames = givenNames;
        Trie = trie;
        CountryCodes = countryCodes;
        LoadTime = loadTime;
        _byId = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++) _byId[entries[i].Id] = i;
    }

    /// <summary>The knowledge base from the embedded data (or HADATH_DATA), loaded once per process.</summary>
    public static KnowledgeBase Default => LazyDefault.Value;

    /// <summary>The data files, in load order (paths relative to data/).</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["kb/given-names.tsv", "kb/countries.tsv", "kb/places.tsv", "kb/landmarks.tsv", "kb/organisations.tsv", "kb/clubs.tsv", "kb/people.tsv", "kb/demonyms.tsv", "kb/agents.tsv"];

    public IReadOnlyList<KbEntry> Entries { get; }
    public IReadOnlyList<Agent> Agents { get; }
    public IReadOnlyList<Demonym> Demonyms { get; }
    /// <summary>Given names (given-names.tsv); in the trie a GivenName <see cref="NameRef"/> carries the class (0 ar, 1 foreign, 2 weak).</summary>
    public IReadOnlyList<string> GivenNames { get; }
    public NameTrie Trie { get; }
    /// <summary>Every code a role or entry may use as its country (ISO alpha-3, CAMEO codes, organisation codes).</summary>
    public IReadOnlySet<string> CountryCodes { get; }
    /// <summary>How long loading and compiling took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The entry with id <paramref name="id"/>, or null.</summary>
    public KbEntry? Find(string id) => _byId.TryGetValue(id, out var i) ? Entries[i] : null;

    /// <summary>The country entry of an ISO alpha-3 code, or null.</summary>
    public KbEntry? CountryEntry(string? iso3) => iso3 is null ? null : Find("country:" + iso3);

    /// <summary>
    /// Loads and compiles the knowledge base. <paramref name="overrides"/> maps a data path (kb/people.tsv) to replacement
    /// file contents (tests use it); other files come from <see cref="Hadath.Core.Data.DataFiles"/>.
    /// Throws <see cref="HadathException"/> (E101/E102/E103, "E101: kb/people.tsv:12: …") on the first invalid line.
    /// </summary>
    public static KnowledgeBase Load(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var (kb, diagnostics) = Compile(overrides);
        if (diagnostics.Count > 0)
        {
            var d = diagnostics[0];
            var more = diagnostics.Count > 1 ? $" (and {diagnostics.Count - 1} more: run 'hadath kb check')" : "";
            throw new HadathException(d.Code, d + more);
        }
        return kb!;
    }

    /// <summary>Validates every file and returns all problems found (empty when the knowledge base is valid).</summary>
    public static IReadOnlyList<KbDiagnostic> Check(IReadOnlyDictionary<string, string>? overrides = null) => Compile(overrides).Diagnostics;

    private static (KnowledgeBase? Kb, List<KbDiagnostic> Diagnostics) Compile(IReadOnlyDictionary<string, string>? overrides)
    {
        var watch = Stopwatch.StartNew();
        var loader = new KbLoader(overrides);
        loader.LoadAll();
        if (loader.Diagnostics.Count > 0 && loader.Entries.Count == 0) return (null, loader.Diagnostics);
        var kb = new KnowledgeBase(loader.Entries, loader.Agents, loader.Demonyms, loader.GivenNames, loader.Trie.Build(), loader.CountryCodes, watch.Elapsed);
        return (kb, loader.Diagnostics);
    }
}
