using System.Text;

namespace Hadath.Benchmarks;

/// <summary>
/// The benchmark inputs, read from the shared data beside the repository (../shared, or HADATH_SHARED):
/// the sentences of UD Arabic-PUD ("# text = " lines) and the text column of the Arabic event GSR dev CSVs,
/// one document each.
/// </summary>
public static class Corpora
{
    public const string Pud = "pud";
    public const string Gsr = "gsr";

    private static readonly Dictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    public static string[] Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var docs)) return docs;
            var eval = Path.Combine(SharedDirectory(), "data", "eval");
            docs = name switch
            {
                Pud => [.. File.ReadLines(Path.Combine(eval, "ud_arabic_pud", "ar_pud.dev.conllu"), Encoding.UTF8)
                    .Where(l => l.StartsWith("# text = ", StringComparison.Ordinal)).Select(l => l["# text = ".Length..])],
                Gsr => [.. Directory.GetFiles(Path.Combine(eval, "arabic_event_gsr"), "*.dev.csv").Order(StringComparer.Ordinal)
                    .SelectMany(f => CsvColumn(File.ReadAllText(f, Encoding.UTF8), "text"))],
                _ => throw new ArgumentException($"unknown corpus '{name}' (pud, gsr)", nameof(name)),
            };
            Cache[name] = docs;
            return docs;
        }
    }

    /// <summary>UTF-8 bytes of the corpus.</summary>
    public static long Utf8Bytes(string name) => Load(name).Sum(d => (long)Encoding.UTF8.GetByteCount(d));

    /// <summary>The shared/ folder: HADATH_SHARED, or ../shared beside the repository found above this program or the working directory.</summary>
    public static string SharedDirectory()
    {
        if (Environment.GetEnvironmentVariable("HADATH_SHARED") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hadath.slnx"))) return Path.Combine(dir.FullName, "..", "shared");
            var beside = Path.Combine(dir.FullName, "shared", "data", "eval");
            if (Directory.Exists(beside)) return Path.Combine(dir.FullName, "shared");
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hadath.slnx"))) return Path.Combine(dir.FullName, "..", "shared");
        throw new DirectoryNotFoundException("shared data not found: set HADATH_SHARED to the shared/ folder");
    }

    /// <summary>The values of one column of an RFC 4180 CSV (quoted fields may hold commas, quotes and newlines).</summary>
    public static IEnumerable<string> CsvColumn(string csv, string column)
    {
        var rows = ParseCsv(csv).GetEnumerator();
        if (!rows.MoveNext()) yield break;
        var index = rows.Current.IndexOf(column);
        if (index < 0) throw new InvalidDataException($"no column '{column}'");
        while (rows.MoveNext())
            if (index < rows.Current.Count) yield return rows.Current[index];
    }

    private static IEnumerable<List<string>> ParseCsv(string s)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < s.Length && s[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    yield return row;
                    row = [];
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); yield return row; }
    }
}
