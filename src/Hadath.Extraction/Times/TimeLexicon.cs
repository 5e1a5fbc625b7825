using System.Collections.Frozen;
using Hadath.Arabic;
using Hadath.Core.Data;
using Hadath.Core.Diagnostics;

namespace Hadath.Extraction.Times;

/// <summary>Which calendar a name of <c>data/time/calendar.tsv</c> belongs to.</summary>
public enum CalendarKind : byte { Gregorian, Hijri, Weekday, Season }

/// <summary>
/// A month, weekday or season name: its calendar and number, and the second word of a two-word name (normalised).
/// <see cref="Written"/> is the first word with its hamza forms kept: an ambiguous name must be written so (آب, not إب).
/// </summary>
public sealed record CalendarName(CalendarKind Calendar, int Number, bool Ambiguous, string? SecondWord, string Written);

/// <summary>
/// The calendar names (Gregorian months in their Egyptian/Gulf, Levantine and Maghrebi forms, Hijri months, weekdays,
/// seasons) read from <c>data/time/calendar.tsv</c>, keyed by the normalised first word. Immutable once loaded.
/// </summary>
public sealed class TimeLexicon
{
    public const string CalendarFile = "time/calendar.tsv";

    /// <summary>The normalisation that keeps hamza-alef forms apart (آب ≠ إب), for ambiguous names.</summary>
    public const NormalizationOptions WrittenForm = NormalizationOptions.Lexical & ~NormalizationOptions.Alef;

    private static readonly Lazy<TimeLexicon> LazyDefault = new(() => Load(DataFiles.ReadLines(typeof(TimeLexicon).Assembly, CalendarFile), CalendarFile));

    private TimeLexicon(FrozenDictionary<string, CalendarName[]> names)
    {
        Names = names;
        NameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon embedded in Hadath.Extraction (or overridden under HADATH_DATA).</summary>
    public static TimeLexicon Default => LazyDefault.Value;

    /// <summary>Names by normalised first word; two-word names carry their normalised second word.</summary>
    public FrozenDictionary<string, CalendarName[]> Names { get; }

    internal FrozenDictionary<string, CalendarName[]>.AlternateLookup<ReadOnlySpan<char>> NameLookup { get; }

    /// <summary>Parses calendar.tsv lines; a malformed line throws E101 with its file and line number.</summary>
    public static TimeLexicon Load(IEnumerable<(int Line, string Text)> lines, string fileName)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var d = new Dictionary<string, List<CalendarName>>(StringComparer.Ordinal);
        foreach (var (no, raw) in lines)
        {
            if (raw.Length == 0 || raw[0] == '#' || string.IsNullOrWhiteSpace(raw)) continue;
            var cols = raw.Split('\t');
            if (cols.Length < 3) throw Error(fileName, no, "expected name, calendar, number[, flags, source] separated by tabs");
            var words = cols[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 2) throw Error(fileName, no, $"name '{cols[0]}' must be one or two words");
            CalendarKind cal = cols[1] switch
            {
                "gregorian" => CalendarKind.Gregorian,
                "hijri" => CalendarKind.Hijri,
                "weekday" => CalendarKind.Weekday,
                "season" => CalendarKind.Season,
                _ => throw Error(fileName, no, $"unknown calendar '{cols[1]}' (gregorian, hijri, weekday, season)"),
            };
            var max = cal switch { CalendarKind.Weekday => 7, CalendarKind.Season => 4, _ => 12 };
            if (!int.TryParse(cols[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || n > max)
                throw Error(fileName, no, $"number '{cols[2]}' must be 1–{max} for {cols[1]}");
            var flags = cols.Length > 3 ? cols[3].Trim() : "";
            if (flags is not ("" or "ambiguous")) throw Error(fileName, no, $"unknown flag '{flags}' (empty or ambiguous)");
            var first = Normalizer.Normalize(words[0], NormalizationOptions.Lexical);
            var second = words.Length == 2 ? Normalizer.Normalize(words[1], NormalizationOptions.Lexical) : null;
            var entry = new CalendarName(cal, n, flags == "ambiguous", second, Normalizer.Normalize(words[0], WrittenForm));
            if (!d.TryGetValue(first, out var list)) d[first] = list = [];
            var clash = list.FirstOrDefault(e => e.SecondWord == second && e.Calendar == cal);
            if (clash is not null)
            {
                if (clash.Number != n) throw Error(fileName, no, $"'{cols[0]}' is already {cal} {clash.Number}");
                continue;
            }
            list.Add(entry);
        }
        // two-word names first, so that ربيع الأول (Hijri) wins over ربيع (spring)
        return new TimeLexicon(d.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderBy(e => e.SecondWord is null ? 1 : 0).ToArray(), StringComparer.Ordinal));
    }

    private static HadathException Error(string file, int line, string message) =>
        new(ErrorCode.LexiconLine, $"{ErrorCode.LexiconLine}: {file}:{line}: {message}");
}
