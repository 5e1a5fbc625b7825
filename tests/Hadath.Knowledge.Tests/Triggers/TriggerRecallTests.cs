using System.Globalization;
using System.Text;
using System.Text.Json;
using Hadath.Arabic;
using Hadath.Knowledge.Triggers;
using Xunit.Abstractions;

namespace Hadath.Knowledge.Tests.Triggers;

/// <summary>
/// Trigger recall on the development halves of the labelled sets in ../shared (skipped silently when ../shared is
/// absent). Prints the figures; set HADATH_EVAL_VERBOSE=1 to also print the sentences without a trigger of the gold type.
/// </summary>
public class TriggerRecallTests(ITestOutputHelper output)
{
    private static readonly bool Verbose = Environment.GetEnvironmentVariable("HADATH_EVAL_VERBOSE") == "1";

    [Fact]
    public void UniversalPetrarch_validation_sentences_have_a_trigger_of_the_gold_type()
    {
        var path = Repo.Shared("data", "eval", "up_arabic_validation", "validation.dev.jsonl");
        if (!File.Exists(path)) return;
        int n = 0, any = 0, strong = 0;
        var byType = new Dictionary<string, (int N, int Hit)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var type = doc.RootElement.GetProperty("plover").GetString()!;
            var text = doc.RootElement.GetProperty("text").GetString()!;
            var matches = Triggers(text).Where(m => m.Type == type).ToList();
            n++;
            var hit = matches.Count > 0;
            any += hit ? 1 : 0;
            strong += matches.Any(m => m.Strength == TriggerStrength.Strong) ? 1 : 0;
            var (tn, th) = byType.GetValueOrDefault(type);
            byType[type] = (tn + 1, th + (hit ? 1 : 0));
            if (!hit && Verbose)
                output.WriteLine($"  MISS {type} [{doc.RootElement.GetProperty("trigger").GetString()}] {text[..Math.Min(160, text.Length)]}");
        }
        output.WriteLine($"upval: {n} sentences, trigger of the gold type {Pct(any, n)} (strong {Pct(strong, n)}); "
                         + string.Join(", ", byType.Select(kv => $"{kv.Key} {Pct(kv.Value.Hit, kv.Value.N)}")));
        Assert.True(any >= 0.85 * n, $"recall {Pct(any, n)} below 0.85");
    }

    [Theory]
    [InlineData("protest_gsr.dev.csv", "PROTEST")]
    [InlineData("assault_gsr.dev.csv", "ASSAULT")]
    public void GSR_sentences_labelled_yes_mostly_have_a_trigger(string file, string type)
    {
        var path = Repo.Shared("data", "eval", "arabic_event_gsr", file);
        if (!File.Exists(path)) return;
        var stats = new SortedDictionary<string, (int N, int Any, int Strong)>(StringComparer.Ordinal);
        foreach (var row in ReadCsv(path).Skip(1))
        {
            if (row.Length < 7) continue;
            var label = row[2];
            var matches = Triggers(row[6]).Where(m => m.Type == type).ToList();
            var (sn, sa, ss) = stats.GetValueOrDefault(label);
            stats[label] = (sn + 1, sa + (matches.Count > 0 ? 1 : 0), ss + (matches.Any(m => m.Strength == TriggerStrength.Strong) ? 1 : 0));
            if (Verbose && label == "yes" && matches.Count == 0) output.WriteLine($"  MISS yes: {row[6][..Math.Min(160, row[6].Length)]}");
            if (Verbose && label == "easy no" && matches.Any(m => m.Strength == TriggerStrength.Strong))
                output.WriteLine($"  HIT easy-no [{string.Join(" ", matches.Select(m => m.Entry.Id))}]: {row[6][..Math.Min(120, row[6].Length)]}");
        }
        foreach (var (label, (sn, sa, ss)) in stats)
            output.WriteLine($"{file} {label}: {sn} sentences, with a {type} trigger {Pct(sa, sn)} (strong {Pct(ss, sn)})");
        var yes = stats.GetValueOrDefault("yes");
        Assert.True(yes.Any >= 0.8 * yes.N, $"yes recall {Pct(yes.Any, yes.N)} below 0.8");
    }

    private static IReadOnlyList<TriggerMatch> Triggers(string text) =>
        TriggerLexicon.Default.Match(ArabicAnalyzer.Default.Analyze(text));

    private static string Pct(int k, int n) => n == 0 ? "-" : (k / (double)n).ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 CSV (quoted fields with doubled quotes and embedded newlines).</summary>
    private static IEnumerable<string[]> ReadCsv(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(sb.ToString()); sb.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(sb.ToString()); sb.Clear();
                    yield return [.. fields];
                    fields.Clear();
                    break;
                default: sb.Append(c); break;
            }
        }
        if (sb.Length > 0 || fields.Count > 0) { fields.Add(sb.ToString()); yield return [.. fields]; }
    }
}
