using System.Collections.Frozen;
using System.Globalization;
using Hadath.Core.Data;
using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge;

/// <summary>
/// The event ontology: the 16 PLOVER event types with their modes and quad classes, the 37 PLOVER contexts, the CAMEO
/// codes with ICEWS names and Goldstein values, and the CAMEO→PLOVER mapping. Immutable; load it once
/// (<see cref="Default"/>) and share it. The tables are the TSV files under data/ontology (see its README for sources,
/// licences and the repairs made to them).
/// </summary>
public sealed class Ontology
{
    /// <summary>The data files, relative to data/.</summary>
    public const string TypesFile = "ontology/plover_types.tsv",
        ModesFile = "ontology/plover_modes.tsv",
        ContextsFile = "ontology/plover_contexts.tsv",
        CodesFile = "ontology/cameo_codes.tsv",
        MappingFile = "ontology/cameo_plover.tsv";

    private static readonly Lazy<Ontology> LazyDefault = new(() => Load());

    private readonly FrozenDictionary<string, PloverType> _types;
    private readonly FrozenDictionary<string, CameoCode> _codes;
    private readonly FrozenSet<string> _contexts;

    private Ontology(FrozenDictionary<string, PloverType> types, IReadOnlyList<PloverType> typeList,
        FrozenDictionary<string, CameoCode> codes, IReadOnlyList<CameoCode> codeList, IReadOnlyList<string> contexts)
    {
        _types = types;
        Types = typeList;
        _codes = codes;
        Codes = codeList;
        Contexts = contexts;
        _contexts = contexts.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The ontology shipped with the product (embedded data, or HADATH_DATA overrides), loaded on first use.</summary>
    public static Ontology Default => LazyDefault.Value;

    /// <summary>The 16 PLOVER types in manual order (AGREE … ASSAULT).</summary>
    public IReadOnlyList<PloverType> Types { get; }

    /// <summary>All CAMEO codes (roots and their sub-codes), in code order.</summary>
    public IReadOnlyList<CameoCode> Codes { get; }

    /// <summary>The 37 PLOVER contexts.</summary>
    public IReadOnlyList<string> Contexts { get; }

    /// <summary>Loads the ontology. <paramref name="readLines"/> maps a data path (e.g. "ontology/plover_types.tsv") to its
    /// numbered lines; by default the embedded data files are read.</summary>
    /// <exception cref="HadathException">E101 for a malformed line, E103 for a reference to an unknown type, mode,
    /// context or code, E102 for a missing file; messages name file and line.</exception>
    public static Ontology Load(Func<string, IEnumerable<(int Line, string Text)>>? readLines = null)
    {
        readLines ??= path => DataFiles.ReadLines(typeof(Ontology).Assembly, path);

        // types
        var modesByType = new Dictionary<string, List<PloverMode>>(StringComparer.Ordinal);
        var typeRows = LexiconTsv.Rows(TypesFile, readLines(TypesFile), 5, 6).ToList();
        foreach (var row in typeRows) modesByType[row[0]] = [];
        foreach (var row in LexiconTsv.Rows(ModesFile, readLines(ModesFile), 3, 4))
        {
            if (!modesByType.TryGetValue(row[0], out var list))
                throw row.Error(ErrorCode.LexiconUnknownCode, $"unknown PLOVER type '{row[0]}'");
            if (row[1].Length == 0) throw row.Error(ErrorCode.LexiconLine, "empty mode name");
            double? score = row[2].Length == 0 ? null : ParseDouble(row, 2);
            list.Add(new PloverMode(row[0], row[1], score, row[3]));
        }
        var types = new List<PloverType>();
        foreach (var row in typeRows)
        {
            if (!int.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quad) || quad is < 1 or > 4)
                throw row.Error(ErrorCode.LexiconLine, $"quad class must be 1-4, found '{row[1]}'");
            if (row[3] is not ("yes" or "no" or "conditional"))
                throw row.Error(ErrorCode.LexiconLine, $"requires_recipient must be yes, no or conditional, found '{row[3]}'");
            var name = row[0];
            types.Add(new PloverType(name, (QuadClass)quad, row[3], ParseDouble(row, 4), modesByType[name]));
        }
        var typeMap = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

        // contexts
        var contexts = LexiconTsv.Rows(ContextsFile, readLines(ContextsFile), 1, 2).Select(r => r[0]).ToList();
        var contextSet = contexts.ToHashSet(StringComparer.Ordinal);

        // codes
        var codes = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        var codeList = new List<CameoCode>();
        foreach (var row in LexiconTsv.Rows(CodesFile, readLines(CodesFile), 4, 6))
        {
            var code = row[0];
            if (!IsCodeSyntax(code)) throw row.Error(ErrorCode.LexiconLine, $"'{code}' is not a CAMEO code (2-4 digits)");
            if (!code.StartsWith(row[1], StringComparison.Ordinal) || row[1].Length != 2)
                throw row.Error(ErrorCode.LexiconLine, $"root '{row[1]}' is not the first two digits of '{code}'");
            var g = ParseDouble(row, 3);
            if (g is < -10 or > 10) throw row.Error(ErrorCode.LexiconLine, $"Goldstein value {g} outside -10..10");
            var c = new CameoCode(code, row[1], row[2], g, row[4]);
            if (!codes.TryAdd(code, c)) throw row.Error(ErrorCode.LexiconLine, $"duplicate CAMEO code '{code}'");
            codeList.Add(c);
        }

        // CAMEO -> PLOVER
        foreach (var row in LexiconTsv.Rows(MappingFile, readLines(MappingFile), 2, 5))
        {
            if (!codes.TryGetValue(row[0], out var code))
                throw row.Error(ErrorCode.LexiconUnknownCode, $"unknown CAMEO code '{row[0]}'");
            if (!typeMap.TryGetValue(row[1], out var type))
                throw row.Error(ErrorCode.LexiconUnknownCode, $"unknown PLOVER type '{row[1]}'");
            PloverMode? mode = null;
            if (row[2].Length > 0)
                mode = type.Mode(row[2]) ?? throw row.Error(ErrorCode.LexiconUnknownCode, $"'{row[2]}' is not a mode of {type.Name}");
            var ctx = SplitList(row[3]);
            foreach (var x in ctx)
                if (!contextSet.Contains(x)) throw row.Error(ErrorCode.LexiconUnknownCode, $"unknown PLOVER context '{x}'");
            if (code.Plover is not null) throw row.Error(ErrorCode.LexiconLine, $"CAMEO code '{row[0]}' is mapped twice");
            code.Plover = new PloverCoding(type, mode, ctx, row[4]);
        }

        // type -> roots it is coded from (most codes first), and a generic code
        foreach (var t in types)
        {
            var roots = codeList.Where(c => ReferenceEquals(c.Plover?.Type, t)).GroupBy(c => c.Root)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray();
            t.CameoRoots = roots;
            t.GenericCameo = roots.Length == 0 ? "" : GenericCode(t, roots[0], codeList);
        }
        return new Ontology(typeMap, types, codes.ToFrozenDictionary(StringComparer.Ordinal), codeList, contexts);
    }

    /// <summary>The PLOVER type named <paramref name="name"/> (exact, upper case), or null.</summary>
    public PloverType? Type(string? name) => name is not null && _types.TryGetValue(name, out var t) ? t : null;

    /// <summary>The CAMEO code, or null when it is unknown.</summary>
    public CameoCode? Cameo(string? code) => code is not null && _codes.TryGetValue(code, out var c) ? c : null;

    public bool IsContext(string? name) => name is not null && _contexts.Contains(name);

    /// <summary>The CAMEO code, or E103 naming <paramref name="where"/> (e.g. "triggers.tsv:12").</summary>
    public CameoCode RequireCameo(string code, string where) =>
        Cameo(code) ?? throw new HadathException(ErrorCode.LexiconUnknownCode, $"{ErrorCode.LexiconUnknownCode}: {where}: unknown CAMEO code '{code}'");

    /// <summary>The PLOVER type, or E103 naming <paramref name="where"/>.</summary>
    public PloverType RequireType(string name, string where) =>
        Type(name) ?? throw new HadathException(ErrorCode.LexiconUnknownCode, $"{ErrorCode.LexiconUnknownCode}: {where}: unknown PLOVER type '{name}'");

    /// <summary>The full coding of a CAMEO code as the mapping gives it (type, mode, contexts, Goldstein, quad class), or
    /// null for an unknown code or one PLOVER does not code (01x statements).</summary>
    public EventCoding? Coding(string cameo)
    {
        var c = Cameo(cameo);
        return c?.Plover is { } p ? new EventCoding(p.Type, p.Mode, p.Contexts, c) : null;
    }

    /// <summary>An event's coding from a lexicon entry: the entry's type, with mode and contexts taken from the CAMEO mapping
    /// when the entry leaves them open (null) and the mapping codes the same type.</summary>
    public EventCoding Coding(PloverType type, CameoCode cameo, PloverMode? mode = null, IReadOnlyList<string>? contexts = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(cameo);
        var same = cameo.Plover is { } p && ReferenceEquals(p.Type, type);
        return new EventCoding(type, mode ?? (same ? cameo.Plover!.Mode : null), contexts ?? (same ? cameo.Plover!.Contexts : []), cameo);
    }

    /// <summary>The root itself or its x0 code when they map to the type; otherwise the shortest code of the root that
    /// does, preferring the one with most sub-codes of the type (RETREAT: 087 de-escalate, not 085).</summary>
    private static string GenericCode(PloverType t, string root, List<CameoCode> codes)
    {
        var of = codes.Where(c => c.Root == root && ReferenceEquals(c.Plover?.Type, t)).ToList();
        if (of.Find(c => c.Code == root + "0") is { } x0) return x0.Code;
        return of.OrderBy(c => c.Code.Length)
            .ThenByDescending(c => of.Count(d => d.Code.Length > c.Code.Length && d.Code.StartsWith(c.Code, StringComparison.Ordinal)))
            .ThenBy(c => c.Code, StringComparer.Ordinal).First().Code;
    }

    internal static bool IsCodeSyntax(string code) => code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit);

    internal static string[] SplitList(string field) =>
        field.Length == 0 || field == "-" ? [] : field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double ParseDouble(LexiconRow row, int field) =>
        double.TryParse(row[field], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw row.Error(ErrorCode.LexiconLine, $"field {field + 1} must be a number, found '{row[field]}'");
}
