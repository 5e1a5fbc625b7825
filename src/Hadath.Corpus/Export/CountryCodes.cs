using System.Collections.Frozen;
using Hadath.Core.Data;
using Hadath.Core.Diagnostics;

namespace Hadath.Corpus.Export;

/// <summary>
/// ISO 3166 alpha-3 → FIPS 10-4 country codes (GDELT's geography columns use FIPS), compiled from
/// <c>data/corpus/iso3_fips.tsv</c> (GeoNames). Immutable once loaded.
/// </summary>
public sealed class CountryCodes
{
    private const string File = "corpus/iso3_fips.tsv";
    private readonly FrozenDictionary<string, string> _fips;

    private CountryCodes(FrozenDictionary<string, string> fips) => _fips = fips;

    private static readonly Lazy<CountryCodes> Embedded = new(() => Parse(DataFiles.ReadLines(typeof(CountryCodes).Assembly, File), File));

    /// <summary>The table the product ships (or its override under HADATH_DATA).</summary>
    public static CountryCodes Default => Embedded.Value;

    /// <summary>Number of countries in the table.</summary>
    public int Count => _fips.Count;

    /// <summary>The FIPS code of an ISO alpha-3 code, or null.</summary>
    public string? Fips(string? iso3) => iso3 is { Length: 3 } && _fips.TryGetValue(iso3.ToUpperInvariant(), out var f) ? f : null;

    /// <summary>Parses the table; a malformed line throws E101 with its file and line number.</summary>
    public static CountryCodes Parse(IEnumerable<(int Line, string Text)> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, text) in lines)
        {
            if (text.Length == 0 || text[0] == '#') continue;
            var cols = text.Split('\t');
            if (cols.Length < 2 || cols[0].Length != 3 || cols[1].Length != 2 || !cols[0].All(char.IsAsciiLetterUpper) || !cols[1].All(char.IsAsciiLetterUpper))
                throw new HadathException(ErrorCode.LexiconLine, $"{ErrorCode.LexiconLine}: {name}:{line}: expected \"ISO3<TAB>FIPS…\" with upper-case codes, got \"{text}\"");
            if (!map.TryAdd(cols[0], cols[1]))
                throw new HadathException(ErrorCode.LexiconLine, $"{ErrorCode.LexiconLine}: {name}:{line}: {cols[0]} is listed twice");
        }
        return new CountryCodes(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
